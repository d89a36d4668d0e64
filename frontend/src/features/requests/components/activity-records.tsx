import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { links } from '@/config/paths';
import { formatDate, formatMinutes } from '@/lib/format';
import { useActivities } from '../api/assignments';
import '../requests.css';

/**
 * 活動記録 of one proposal, newest first, with the time summed: what the supporter did for this request. Read when
 * it is shown (the read is audited).
 */
export function AssignmentActivities({ assignmentId, supporterName }: { assignmentId: number; supporterName: string }) {
  const activities = useActivities({ assignment: assignmentId });
  if (activities.isPending) return <Loading label="活動記録を読み込んでいます…" />;
  if (activities.isError) return <ProblemAlert error={activities.error} />;
  const { items, totalMinutes } = activities.data;
  if (items.length === 0) return <p className="muted">まだ活動の記録はありません。</p>;
  return (
    <div className="stack activity-records">
      <ul className="activity-records__list" aria-label={`${supporterName}さんの活動記録`}>
        {items.map((a) => (
          <li key={a.id} data-testid="activity">
            <span className="activity-records__date">{formatDate(a.date)}</span> <span>{formatMinutes(a.minutes)}</span>
            {a.notes && <span className="activity-records__notes">{a.notes}</span>}
          </li>
        ))}
      </ul>
      <p className="activity-records__total" data-testid="activity-total">
        {items.length}件 合計 {formatMinutes(totalMinutes)}
      </p>
    </div>
  );
}

/**
 * 活動記録 of one supporter, over all their proposals, newest first, each with whom and what it was for and a link
 * to the request; the time summed below.
 */
export function SupporterActivities({ supporterId, supporterName }: { supporterId: number; supporterName: string }) {
  const activities = useActivities({ supporter: supporterId });
  if (activities.isPending) return <Loading label="活動記録を読み込んでいます…" />;
  if (activities.isError) return <ProblemAlert error={activities.error} />;
  const { items, totalMinutes } = activities.data;
  if (items.length === 0) return <p className="empty">{supporterName}さんの活動の記録はまだありません。</p>;
  return (
    <div className="stack">
      <div className="table-wrap">
        <table className="table">
          <caption className="visually-hidden">{supporterName}さんの活動記録（{items.length}件）</caption>
          <thead>
            <tr>
              <th scope="col">活動日</th>
              <th scope="col">要支援者</th>
              <th scope="col">困りごと</th>
              <th scope="col">時間</th>
              <th scope="col">メモ</th>
              <th scope="col">相談</th>
            </tr>
          </thead>
          <tbody>
            {items.map((a) => (
              <tr key={a.id} data-testid="activity">
                <th scope="row">{formatDate(a.date)}</th>
                <td>{a.recipientName}</td>
                <td>{a.category}</td>
                <td className="num">{formatMinutes(a.minutes)}</td>
                <td className="activity-records__notes">{a.notes ?? '—'}</td>
                <td>
                  <Link to={links.supportRequest(a.requestId)}>相談 {a.requestId}</Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="activity-records__total" data-testid="activity-total">
        {items.length}件 合計 {formatMinutes(totalMinutes)}
      </p>
    </div>
  );
}
