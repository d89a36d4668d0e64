import { formatDateTime } from '@/lib/format';
import type { Transition } from '../api/evaluations';
import { statusLabel } from '../status';

/** 経過: who moved the 事業調書 from which state to which, when, and what they said. */
export function TransitionsList({ transitions }: { transitions: readonly Transition[] }) {
  if (transitions.length === 0) return <p className="muted">まだ経過はありません</p>;
  return (
    <ol className="timeline">
      {transitions.map((t, i) => (
        <li key={`${t.at}:${i}`} className="timeline__item">
          <p className="timeline__head">
            <time dateTime={t.at}>{formatDateTime(t.at)}</time>
            <span>
              {t.fromStatus ? `${statusLabel(t.fromStatus)} → ` : ''}
              <strong>{statusLabel(t.toStatus)}</strong>
            </span>
            <span className="timeline__actor">{t.actor}</span>
          </p>
          {t.comment && <p className="timeline__comment">{t.comment}</p>}
        </li>
      ))}
    </ol>
  );
}
