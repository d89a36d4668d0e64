import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { useRedeliverWebhookEvent, useWebhookEvents, useWebhooks, type WebhookEvent } from '@/features/webhooks/api/webhooks';
import { DeliveryLog } from '@/features/webhooks/components/delivery-log';
import { WebhookState } from '@/features/webhooks/components/webhooks-table';
import { eventTypeLabel } from '@/features/webhooks/events';
import { RequireRole } from '../shell/require-auth';

/** 配信の記録 of one Webhook (ADMIN): its latest events, each try, and 送り直す. */
export function AdminWebhookEventsRoute() {
  const { id } = useParams();
  return (
    <RequireRole role="ADMIN">
      <WebhookEventsPage id={Number(id)} />
    </RequireRole>
  );
}

function WebhookEventsPage({ id }: { id: number }) {
  const webhooks = useWebhooks();
  const events = useWebhookEvents(id);
  const redeliver = useRedeliverWebhookEvent(id);
  const [notice, setNotice] = useState<string>();
  const webhook = webhooks.data?.find((w) => w.id === id);

  const send = (event: WebhookEvent) => {
    setNotice(undefined);
    redeliver.mutate(event.id, {
      onSuccess: (copy) => setNotice(`イベント ${event.id} を送り直します。新しいイベント ${copy.id} として、未配信の通知の最後に加えました。`),
    });
  };

  return (
    <div className="stack">
      <p>
        <Link to={paths.adminWebhooks}>← Webhook（変更の通知）</Link>
      </p>
      <PageHeading lead="この Webhook に通知したできごとの最近 100 件を、新しい順に示します。時刻は日本時間です。届かなかった通知は、間をあけながら 24 時間のあいだ送り直します。">
        配信の記録
      </PageHeading>
      {webhook && (
        <dl className="facts">
          <div>
            <dt>通知先</dt>
            <dd className="webhook-url">{webhook.url}</dd>
          </div>
          {webhook.description && (
            <div>
              <dt>説明</dt>
              <dd>{webhook.description}</dd>
            </div>
          )}
          <div>
            <dt>できごと</dt>
            <dd>{webhook.events.map(eventTypeLabel).join('、')}</dd>
          </div>
          <div>
            <dt>状態</dt>
            <dd>
              <WebhookState webhook={webhook} />
            </dd>
          </div>
        </dl>
      )}
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {redeliver.error ? <ProblemAlert error={redeliver.error} /> : null}
      <div className="toolbar">
        <Button variant="secondary" disabled={events.isFetching} onClick={() => void events.refetch()}>
          {events.isFetching && !events.isPending ? '読み込んでいます…' : '最新の状態にする'}
        </Button>
      </div>
      {events.isPending ? (
        <Loading label="配信の記録を読み込んでいます…" />
      ) : events.isError ? (
        <ProblemAlert error={events.error} />
      ) : (
        <DeliveryLog
          events={events.data}
          busy={redeliver.isPending}
          redelivering={redeliver.isPending ? redeliver.variables : undefined}
          onRedeliver={send}
        />
      )}
    </div>
  );
}
