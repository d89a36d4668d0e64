import { ProblemAlert } from './alert';
import { Button } from './button';

export interface LoadMoreProps {
  /** There is a page after the ones shown (the last answer's nextCursor was not null). */
  hasMore: boolean;
  /** The next page is on its way. */
  loading: boolean;
  /** Why the last try for the next page failed; the rows already shown stay, and the button tries again. */
  error?: unknown;
  onMore: () => void;
}

/** さらに表示: the next page of a list paged by cursor, appended below; nothing once the list has ended. */
export function LoadMore({ hasMore, loading, error, onMore }: LoadMoreProps) {
  if (!hasMore) return null;
  return (
    <div className="stack">
      <ProblemAlert error={error} />
      <div>
        {/* aria-disabled rather than disabled: a disabled button drops the keyboard focus, and the reader would
            have to find their way back to the end of the list. A second click while loading asks for nothing. */}
        <Button variant="secondary" aria-disabled={loading} onClick={() => {
            if (!loading) onMore();
          }}>
          {loading ? '読み込んでいます…' : 'さらに表示'}
        </Button>
      </div>
    </div>
  );
}
