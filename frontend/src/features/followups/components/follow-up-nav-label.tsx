import { useFollowUpCounts } from '../api/follow-ups';
import '../followups.css';

/**
 * 「要対応 (5)」 in 生活支援のメニュー, read as 「要対応 5件」: the count of the caller's whole queue (names-free, not
 * audited), read again on coming back to the window and every few minutes. Nothing is added until it is known.
 */
export function FollowUpNavLabel() {
  const counts = useFollowUpCounts();
  const total = counts.data?.total;
  return (
    <>
      要対応
      {total !== undefined && (
        <>
          {' '}
          {/* Seen as 「(5)」, heard as 「5件」. */}
          <span className={`followup-badge${total > 0 ? ' followup-badge--some' : ''}`} aria-hidden="true">
            ({total})
          </span>
          <span className="visually-hidden">{total}件</span>
        </>
      )}
    </>
  );
}
