import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { formatJapanDateTime, formatMinutes } from '@/lib/format';
import { useSupportRequestTimeline, type RequestEvent } from '../api/support-requests';
import '../requests.css';

/** Oldest first, as the API keeps them; an event with the same moment as another keeps the order it was written in. */
const inOrder = (events: readonly RequestEvent[]) =>
  [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);

/**
 * 経過: everything that happened to the request, newest last — when (Japan time), who, what, the supporter it was
 * about, the minutes of an activity, and the reason, the fields changed or the notes — and the activity time summed.
 */
export function RequestTimelineSection({ requestId }: { requestId: number }) {
  const timeline = useSupportRequestTimeline(requestId);
  return (
    <section aria-labelledby="timeline-heading" className="stack">
      <h2 id="timeline-heading">経過</h2>
      {timeline.isPending ? (
        <Loading label="経過を読み込んでいます…" />
      ) : timeline.isError ? (
        <ProblemAlert error={timeline.error} />
      ) : timeline.data.events.length === 0 ? (
        <p className="empty">まだ記録がありません。</p>
      ) : (
        <>
          <ol className="timeline" aria-label="相談の経過（古い順）">
            {inOrder(timeline.data.events).map((e) => (
              <li key={e.id} className={`timeline__event timeline__event--${e.kind}`} data-testid="timeline-event">
                <p className="timeline__when">
                  <time dateTime={e.at}>{formatJapanDateTime(e.at)}</time>
                  <span className="timeline__actor">
                    <span className="visually-hidden">記録した人 </span>
                    {e.actor}
                  </span>
                </p>
                <p className="timeline__what">
                  <strong>{e.label}</strong>
                  {e.supporterName && <span>（担い手 {e.supporterName}さん）</span>}
                  {e.minutes !== null && e.minutes !== undefined && <span className="timeline__minutes">{formatMinutes(e.minutes)}</span>}
                </p>
                {e.detail && <p className="timeline__detail">{e.detail}</p>}
              </li>
            ))}
          </ol>
          <p className="timeline__total" data-testid="timeline-total">
            活動時間の合計 {formatMinutes(timeline.data.totalMinutes)}
          </p>
        </>
      )}
    </section>
  );
}
