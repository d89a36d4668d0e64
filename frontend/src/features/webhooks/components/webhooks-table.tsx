import { Link } from 'react-router';
import { Button } from '@/components/ui/button';
import { formatDate, formatNumber } from '@/lib/format';
import type { Webhook } from '../api/webhooks';
import { eventTypeLabel } from '../events';

export interface WebhooksTableProps {
  webhooks: readonly Webhook[];
  /** Where a subscription's 配信の記録 is. */
  logLink: (webhook: Webhook) => string;
  busy?: boolean;
  onDelete: (webhook: Webhook) => void;
}

/** How a subscription's queue stands: what is still to be delivered and what was given up, flagged in words. */
function Queue({ webhook }: { webhook: Webhook }) {
  if (webhook.pending === 0 && webhook.failed === 0) return <span className="muted">未配信なし</span>;
  return (
    <ul className="plain-list">
      {webhook.pending > 0 && <li>未配信 {formatNumber(webhook.pending)} 件</li>}
      {webhook.failed > 0 && <li className="webhook-failed">配信をあきらめた {formatNumber(webhook.failed)} 件</li>}
    </ul>
  );
}

/** Webhook の購読: where each sends, what for, how its deliveries stand, and who registered it when. */
export function WebhooksTable({ webhooks, logLink, busy, onDelete }: WebhooksTableProps) {
  if (webhooks.length === 0) return <p className="empty">Webhook はまだ登録されていません。</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Webhook の一覧（横にスクロールできます）" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">Webhook</caption>
        <thead>
          <tr>
            <th scope="col">通知先 URL</th>
            <th scope="col">通知するできごと</th>
            <th scope="col">配信の状況</th>
            <th scope="col">登録</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {webhooks.map((w) => (
            <tr key={w.id}>
              <th scope="row">
                <span className="webhook-url">{w.url}</span>
                {w.description && <div className="table__sub">{w.description}</div>}
                {!w.active && <div className="table__sub">停止中</div>}
              </th>
              <td>
                <ul className="plain-list">
                  {w.events.map((e) => (
                    <li key={e}>
                      {eventTypeLabel(e)} <span className="code">{e}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td>
                <Queue webhook={w} />
              </td>
              <td>
                {formatDate(w.createdAt)}
                <div className="muted">{w.createdBy}</div>
              </td>
              <td className="table__actions">
                <Link to={logLink(w)} aria-label={`配信の記録（${w.url}）`}>
                  配信の記録
                </Link>
                <Button size="sm" variant="danger" disabled={busy} onClick={() => onDelete(w)} aria-label={`削除（${w.url}）`}>
                  削除
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
