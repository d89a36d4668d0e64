import type { ReactNode } from 'react';
import { ApiError, errorMessage } from '@/lib/api/problem';

export function Alert({ kind = 'error', title, children }: { kind?: 'error' | 'info' | 'success'; title?: string; children?: ReactNode }) {
  return (
    <div className={`alert alert--${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      {title && <p className="alert__title">{title}</p>}
      {children}
    </div>
  );
}

/**
 * Shows why the API refused: the problem's detail, plus the field errors that the form does not
 * show next to a field (pass the fields it does show as shownFields).
 */
export function ProblemAlert({ error, shownFields = [] }: { error: unknown; shownFields?: readonly string[] }) {
  if (!error) return null;
  const others =
    error instanceof ApiError
      ? (error.problem.errors ?? []).filter((e) => !shownFields.some((f) => e.field === f || e.field.endsWith(`.${f}`)))
      : [];
  return (
    <Alert kind="error">
      <p>{errorMessage(error)}</p>
      {others.length > 0 && (
        <ul>
          {others.map((e) => (
            <li key={`${e.field}:${e.message}`}>{e.message}</li>
          ))}
        </ul>
      )}
    </Alert>
  );
}
