import { Link } from 'react-router';
import { links } from '@/config/paths';
import { formatDate } from '@/lib/format';
import type { SupportRequest } from '../api/support-requests';
import { formatSchedule, labelOf, PAYMENT_OPTIONS, URGENCY_OPTIONS } from '../labels';
import { SupportStatusBadge } from './status-badge';

/** The coordinator's requests, newest first. */
export function RequestList({ requests }: { requests: readonly SupportRequest[] }) {
  if (requests.length === 0) return <p className="empty">該当する相談はありません。</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">相談の一覧（{requests.length}件）</caption>
        <thead>
          <tr>
            <th scope="col">受付日</th>
            <th scope="col">要支援者</th>
            <th scope="col">地区</th>
            <th scope="col">困りごと</th>
            <th scope="col">日時</th>
            <th scope="col">有償/無償</th>
            <th scope="col">緊急度</th>
            <th scope="col">状態</th>
          </tr>
        </thead>
        <tbody>
          {requests.map((r) => (
            <tr key={r.id}>
              <td className="num">{formatDate(r.receivedOn)}</td>
              <th scope="row">
                <Link to={links.supportRequest(r.id)}>{r.recipientName}</Link>
                <span className="table__sub"> 相談 {r.id}</span>
              </th>
              <td>{r.area.name}</td>
              <td>{r.category}</td>
              <td>{formatSchedule(r)}</td>
              <td>{labelOf(PAYMENT_OPTIONS, r.payment)}</td>
              <td>{labelOf(URGENCY_OPTIONS, r.urgency)}</td>
              <td>
                <SupportStatusBadge status={r.status} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
