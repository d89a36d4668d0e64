import { Button } from '@/components/ui/button';
import type { SupportCategory } from '../api/support-categories';

export interface CategoriesTableProps {
  categories: readonly SupportCategory[];
  onEdit: (category: SupportCategory) => void;
  onRetire: (category: SupportCategory) => void;
  retiringCode?: string;
}

/** 困りごとの種類 in use, in the order the intake form offers them. */
export function CategoriesTable({ categories, onEdit, onRetire, retiringCode }: CategoriesTableProps) {
  if (categories.length === 0) return <p className="empty">使っている困りごとの種類はありません</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">使っている困りごとの種類</caption>
        <thead>
          <tr>
            <th scope="col">名称</th>
            <th scope="col">コード</th>
            <th scope="col">報告の見出し</th>
            <th scope="col">車が必要</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {categories.map((c) => (
            <tr key={c.code}>
              <th scope="row">{c.name}</th>
              <td>
                <code className="code">{c.code}</code>
              </td>
              <td>{c.reportHeading ?? <span className="muted">種類の名前のまま</span>}</td>
              <td>{c.requiresVehicle ? <strong>必要</strong> : <span className="muted">—</span>}</td>
              <td className="table__actions">
                <Button size="sm" variant="secondary" onClick={() => onEdit(c)} aria-label={`${c.name}を変更`}>
                  変更
                </Button>
                <Button size="sm" variant="danger" onClick={() => onRetire(c)} disabled={retiringCode === c.code} aria-label={`${c.name}を使わなくする`}>
                  {retiringCode === c.code ? '処理中…' : '使わなくする'}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
