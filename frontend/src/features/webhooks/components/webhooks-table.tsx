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
  /** The subscription being paused or resumed now, if any. */
  toggling?: number;
  /** 一時停止 (an active one) or 再開 (a paused one). */
  onToggle: (webhook: Webhook) => void;
  onDelete: (webhook: Webhook) => void;
}

/** What 一時停止 means, said where a paused subscription is shown. */
export const PAUSED_NOTE = '通知は送らずに貯めておき、再開すると起きた順に送ります。';

/** Whether a subscription sends, in words (not by colour alone); a paused one says what becomes of its events. */
export function WebhookState({ webhook }: { webhook: Webhook }) {
  if (webhook.active) return <span>配信中</span>;
  return (
    <>
      <strong className="webhook-paused">一時停止中</strong>
      <div className="table__sub">{PAUSED_NOTE}</div>
    </>
  );
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
export function WebhooksTable({ webhooks, logLink, busy, toggling, onToggle, onDelete }: WebhooksTableProps) {
  if (webhooks.length === 0) return <p className="empty">Webhook はまだ登録されていません。</p>;
  return (
    <div className="table-wrap" role="region" aria-label="Webhook の一覧（横にスクロールできます）" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">Webhook</caption>
        <thead>
          <tr>
            <th scope="col">通知先 URL</th>
            <th scope="col">通知するできごと</th>
            <th scope="col">状態</th>
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
                <WebhookState webhook={w} />
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
                {/* Not disabled while the change is sent, so the keyboard focus stays on it (its name then turns
                    from 一時停止 to 再開 or back); a second press meanwhile does nothing. */}
                <Button
                  size="sm"
                  variant="secondary"
                  aria-disabled={busy || toggling !== undefined ? true : undefined}
                  onClick={() => {
                    if (!busy && toggling === undefined) onToggle(w);
                  }}
                  aria-label={`${w.active ? '一時停止' : '再開'}（${w.url}）`}
                >
                  {toggling === w.id ? (w.active ? '一時停止しています…' : '再開しています…') : w.active ? '一時停止' : '再開'}
                </Button>
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
