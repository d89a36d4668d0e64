import { Link } from 'react-router';
import { GradeBadge } from '@/components/ui/grade-badge';
import { links } from '@/config/paths';
import { formatDateTime } from '@/lib/format';
import type { EvaluationOverviewItem } from '../api/evaluations';
import { DIRECTION_LABELS } from '../status';
import { StatusBadge } from './status-badge';

/** One row per measure (取組): its state, self grade, and whether it is past the due date. */
export function EvaluationOverviewTable({
  plan,
  fiscalYear,
  items,
}: {
  plan: string;
  fiscalYear: number;
  items: readonly EvaluationOverviewItem[];
}) {
  if (items.length === 0) return <p className="empty">この計画には事業調書を書く取組がありません</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">取組ごとの事業調書</caption>
        <thead>
          <tr>
            <th scope="col" className="num">No.</th>
            <th scope="col">取組名</th>
            <th scope="col">状態</th>
            <th scope="col">自己評価</th>
            <th scope="col">今後の方向性</th>
            <th scope="col">遅れ</th>
            <th scope="col">更新日時</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.nodeCode} className={item.late ? 'row--late' : undefined}>
              <td className="num">{item.nodeCode}</td>
              <th scope="row">
                <Link to={links.evaluation(plan, item.nodeCode, fiscalYear)}>{item.nodeTitle}</Link>
              </th>
              <td>
                <StatusBadge status={item.status} />
              </td>
              <td>{item.selfGrade ? <GradeBadge grade={item.selfGrade} /> : <span className="muted">—</span>}</td>
              <td>{item.direction ? DIRECTION_LABELS[item.direction] : <span className="muted">—</span>}</td>
              <td>{item.late ? <span className="late">⚠ 遅れ</span> : <span className="visually-hidden">なし</span>}</td>
              <td>{formatDateTime(item.updatedAt as string | null)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
