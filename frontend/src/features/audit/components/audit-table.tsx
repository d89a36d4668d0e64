import { formatDateTime } from '@/lib/format';
import type { AuditEntry } from '../api/audit-log';
import { AUDIT_ACTION_LABELS, AUDITED_RECORD_LABELS } from '../labels';

/** 監査ログ: who read or changed which record, when, from where, and what changed; newest first. */
export function AuditTable({ entries }: { entries: readonly AuditEntry[] }) {
  if (entries.length === 0) return <p className="empty">この条件に当てはまる記録はありません。</p>;
  return (
    <div className="table-wrap" role="region" aria-label="監査ログの記録（横にスクロールできます）" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">監査ログ</caption>
        <thead>
          <tr>
            <th scope="col">日時</th>
            <th scope="col">だれが</th>
            <th scope="col">操作</th>
            <th scope="col">記録の種類</th>
            <th scope="col" className="num">
              記録の番号
            </th>
            <th scope="col">どこから</th>
            <th scope="col">内容</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((e) => (
            <tr key={e.id}>
              <td className="audit__at">
                <time dateTime={e.at}>{formatDateTime(e.at)}</time>
              </td>
              <th scope="row">{e.actor}</th>
              <td>{AUDIT_ACTION_LABELS[e.action]}</td>
              <td>{AUDITED_RECORD_LABELS[e.entity]}</td>
              <td className="num">{e.entityId ?? <span className="muted">—</span>}</td>
              <td>{e.ip ?? <span className="muted">—</span>}</td>
              <td className="audit__detail">{e.detail ?? <span className="muted">—</span>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
