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
 * show next to a field (pass the fields it does show as shownFields). With `titled`, the problem's
 * title (「処理できない内容です」) heads the detail.
 */
export function ProblemAlert({ error, shownFields = [], titled = false }: { error: unknown; shownFields?: readonly string[]; titled?: boolean }) {
  if (!error) return null;
  const others =
    error instanceof ApiError
      ? (error.problem.errors ?? []).filter((e) => !shownFields.some((f) => e.field === f || e.field.endsWith(`.${f}`)))
      : [];
  const title = titled && error instanceof ApiError ? error.problem.title : undefined;
  return (
    <Alert kind="error" title={title}>
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
