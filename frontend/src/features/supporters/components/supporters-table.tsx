import { Button } from '@/components/ui/button';
import type { components } from '@/lib/api/schema';
import type { Supporter } from '../api/supporters';
import { WeekGrid } from './week-grid';

type Payment = components['schemas']['Payment'];

/** 有償 / 無償, by the supporter's group. */
export const PAYMENT_LABELS: Record<Payment, string> = { PAID: '有償', UNPAID: '無償' };

const paymentLabel = (payment: Payment | null) => (payment ? PAYMENT_LABELS[payment] : '—');

export interface SupportersTableProps {
  supporters: readonly Supporter[];
  /** Opens 担い手の変更 for one of them; without it the table only shows. */
  onEdit?: (supporter: Supporter) => void;
  /** Shows a supporter's 活動記録 (offered only with it). */
  onActivities?: (supporter: Supporter) => void;
}

/** 担い手 with what they can do, when they are free, and how many requests they hold of their limit. */
export function SupportersTable({ supporters, onEdit, onActivities }: SupportersTableProps) {
  const actions = Boolean(onEdit || onActivities);
  if (supporters.length === 0) return <p className="empty">担い手が登録されていません。</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">担い手の一覧（{supporters.length}人）</caption>
        <thead>
          <tr>
            <th scope="col">担い手</th>
            <th scope="col">地区・グループ</th>
            <th scope="col">できること</th>
            <th scope="col">空き時間（毎週）</th>
            <th scope="col">受け持ち</th>
            <th scope="col">状態</th>
            {actions && <th scope="col">操作</th>}
          </tr>
        </thead>
        <tbody>
          {supporters.map((s) => (
            <tr key={s.id} data-testid="supporter">
              <th scope="row">
                {s.name}
                <span className="table__sub"> （{s.kana}）</span>
              </th>
              <td>
                {s.area.name}
                {s.groupName && <span className="table__sub"> {s.groupName}</span>}
                <span className="table__sub">
                  {' '}
                  {paymentLabel(s.payment)}
                  {s.hasVehicle ? '・車あり' : ''}
                </span>
              </td>
              <td>{s.categories.join('・') || '—'}</td>
              <td>
                <WeekGrid slots={s.availability} label={`${s.name}さんの空き時間`} />
              </td>
              <td className="num" aria-label={`受け持ち ${s.openAssignments}件（上限 ${s.capacity}件）`}>
                {s.openAssignments}/{s.capacity}
              </td>
              <td>{s.active ? '活動中' : '活動希望'}</td>
              {actions && (
                <td className="table__actions">
                  {onEdit && (
                    <Button size="sm" variant="secondary" onClick={() => onEdit(s)} aria-label={`${s.name}さんの登録内容を変更`}>
                      変更
                    </Button>
                  )}
                  {onActivities && (
                    <Button size="sm" variant="secondary" onClick={() => onActivities(s)} aria-label={`${s.name}さんの活動記録`}>
                      活動記録
                    </Button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
