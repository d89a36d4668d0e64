import { statusLabel } from '../status';

/** The state of a 事業調書 as a badge; the text carries the meaning, the colour only helps. */
export function StatusBadge({ status }: { status: string | null | undefined }) {
  const key = status ?? 'NONE';
  return <span className={`status status--${key.toLowerCase()}`}>{statusLabel(status)}</span>;
}
