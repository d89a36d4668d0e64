import { Button } from '@/components/ui/button';
import { formatJapanDateTime, formatNumber } from '@/lib/format';
import type { WebhookDelivery, WebhookEvent } from '../api/webhooks';
import { eventState, eventStateLabel, eventTypeLabel, prettyBody, redeliveryOf, type EventState } from '../events';

export interface DeliveryLogProps {
  events: readonly WebhookEvent[];
  /** The event being sent again, while its request runs. */
  redelivering?: number;
  busy?: boolean;
  onRedeliver: (event: WebhookEvent) => void;
}

const STATE_CLASS: Record<EventState['kind'], string> = {
  delivered: 'delivery-state delivery-state--delivered',
  'gave-up': 'delivery-state delivery-state--gave-up',
  retrying: 'delivery-state delivery-state--retrying',
  waiting: 'delivery-state',
};

/** One try: the receiver's HTTP status, or why there was none (no connection, a timeout). */
function Outcome({ delivery }: { delivery: WebhookDelivery }) {
  if (delivery.statusCode !== null) {
    return (
      <>
        HTTP {delivery.statusCode}
        {/* The API also writes "HTTP 500" as the error of a refusal: said once. */}
        {delivery.error && delivery.error !== `HTTP ${delivery.statusCode}` && <div className="table__sub">{delivery.error}</div>}
      </>
    );
  }
  return <>エラー: {delivery.error ?? '応答がありませんでした'}</>;
}

/** The tries of one event, and what was sent: folded away until asked for. */
function Attempts({ event }: { event: WebhookEvent }) {
  return (
    <details className="delivery-details">
      <summary>
        {event.deliveries.length === 0 ? 'まだ送っていません' : `試み ${formatNumber(event.deliveries.length)} 回`}
        <span className="visually-hidden">（イベント {event.id}）</span>
      </summary>
      {event.deliveries.length > 0 && (
        <table className="table delivery-attempts">
          <caption className="visually-hidden">イベント {event.id} の送信の試み</caption>
          <thead>
            <tr>
              <th scope="col">回</th>
              <th scope="col">結果</th>
              <th scope="col" className="num">
                所要
              </th>
              <th scope="col">日時</th>
            </tr>
          </thead>
          <tbody>
            {event.deliveries.map((d) => (
              <tr key={d.attempt}>
                <td className="num">{d.attempt}</td>
                <td>
                  <Outcome delivery={d} />
                </td>
                <td className="num">{formatNumber(d.durationMs)} ms</td>
                <td className="nowrap">{formatJapanDateTime(d.attemptedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="delivery-body__label">送った本文</p>
      <pre className="delivery-body">{prettyBody(event.body)}</pre>
    </details>
  );
}

/**
 * 配信の記録: a subscription's latest events, newest first — what happened, when (Japan time), whether it reached
 * the receiver, each try with the answer it got, and a button that queues the event again.
 */
export function DeliveryLog({ events, redelivering, busy, onRedeliver }: DeliveryLogProps) {
  if (events.length === 0) {
    return <p className="empty">まだ通知するできごとは起きていません。選んだできごとが起きると、ここに記録されます。</p>;
  }
  return (
    <div className="table-wrap" role="region" aria-label="配信の記録（横にスクロールできます）" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">配信の記録</caption>
        <thead>
          <tr>
            <th scope="col">イベント</th>
            <th scope="col">できごと</th>
            <th scope="col">発生</th>
            <th scope="col">状態</th>
            <th scope="col">送信の試み</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {events.map((e) => {
            const state = eventState(e);
            const of = redeliveryOf(e);
            return (
              <tr key={e.id}>
                <th scope="row" className="num">
                  {e.id}
                </th>
                <td>
                  {eventTypeLabel(e.type)} <span className="code">{e.type}</span>
                  {of !== undefined && <div className="table__sub">イベント {of} の送り直し</div>}
                </td>
                <td className="nowrap">{formatJapanDateTime(e.createdAt)}</td>
                <td>
                  <span className={STATE_CLASS[state.kind]}>{eventStateLabel(state)}</span>
                  {state.kind === 'delivered' && <div className="table__sub">{formatJapanDateTime(state.at)}</div>}
                  {state.kind === 'gave-up' && <div className="table__sub">{formatJapanDateTime(state.at)}</div>}
                </td>
                <td>
                  <Attempts event={e} />
                </td>
                <td className="table__actions">
                  <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRedeliver(e)} aria-label={`送り直す（イベント ${e.id}）`}>
                    {redelivering === e.id ? '送り直しています…' : '送り直す'}
                  </Button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
