import { Button } from '@/components/ui/button';
import type { ConsultationWindow } from '../api/windows';
import { categoryLabel } from '../category';
import { PhoneLink } from './phone-link';

export interface WindowsTableProps {
  windows: readonly ConsultationWindow[];
  onEdit: (window: ConsultationWindow) => void;
  onDelete: (window: ConsultationWindow) => void;
  deletingId?: number;
}

export function WindowsTable({ windows, onEdit, onDelete, deletingId }: WindowsTableProps) {
  if (windows.length === 0) return <p className="empty">相談窓口はまだ登録されていません</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">相談窓口の一覧</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">種類</th>
            <th scope="col">電話・FAX（担当校区）</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {windows.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                {w.name}
                {w.address && <div className="table__sub">{w.address}</div>}
              </th>
              <td>{categoryLabel(w.category)}</td>
              <td>
                <ul className="plain-list">
                  {(w.contacts ?? []).map((line, i) => (
                    <li key={i}>
                      電話 <PhoneLink phone={line.phone} />
                      {line.fax && <> ／ FAX {line.fax}</>}
                      <div className="table__sub">{(line.areas ?? []).map((a) => a.name).join('、') || '担当地域なし'}</div>
                    </li>
                  ))}
                </ul>
              </td>
              <td className="table__actions">
                <Button size="sm" variant="secondary" onClick={() => onEdit(w)} aria-label={`${w.name}を編集`}>
                  編集
                </Button>
                <Button
                  size="sm"
                  variant="danger"
                  onClick={() => onDelete(w)}
                  disabled={deletingId === w.id}
                  aria-label={`${w.name}を削除`}
                >
                  {deletingId === w.id ? '削除中…' : '削除'}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
