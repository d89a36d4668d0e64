import { Alert, ProblemAlert } from '@/components/ui/alert';
import { ApiError } from '@/lib/api/problem';

/**
 * A refusal of the survey API as a person can act on it: the problem's title and detail, and each
 * field error (for an upload, "line 3.q2" and its message, which names the line).
 */
export function SurveyProblem({ error, shownFields = [] }: { error: unknown; shownFields?: readonly string[] }) {
  if (!error) return null;
  if (!(error instanceof ApiError) || !error.problem.title) return <ProblemAlert error={error} shownFields={shownFields} />;
  const others = (error.problem.errors ?? []).filter((e) => !shownFields.some((f) => e.field === f || e.field.endsWith(`.${f}`)));
  return (
    <Alert kind="error" title={error.problem.title}>
      {error.problem.detail && <p>{error.problem.detail}</p>}
      {others.length > 0 && (
        <ul>
          {others.map((e, i) => (
            <li key={i}>{e.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
