import { Link } from 'react-router';
import { links } from '@/config/paths';
import { formatNumber } from '@/lib/format';
import type { PlanSummary } from '../api/plans';
import { formatPeriod, planKindLabel } from '../plan-kind';

export function PlansTable({ plans }: { plans: readonly PlanSummary[] }) {
  if (plans.length === 0) return <p className="empty">計画はまだ登録されていません</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">計画の一覧</caption>
        <thead>
          <tr>
            <th scope="col">計画</th>
            <th scope="col">市</th>
            <th scope="col">種類</th>
            <th scope="col">計画期間</th>
            <th scope="col" className="num">指標数</th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.code}>
              <th scope="row">
                <Link to={links.plan(p.code)}>{p.title}</Link>
              </th>
              <td>{p.city.name}</td>
              <td>{planKindLabel(p.kind)}</td>
              <td>{formatPeriod(p.periodStart, p.periodEnd)}</td>
              <td className="num">{formatNumber(p.indicatorCount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
