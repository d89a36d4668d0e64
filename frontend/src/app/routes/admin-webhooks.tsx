import { useId, useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { useDeleteWebhook, useUpdateWebhook, useWebhooks, type CreatedWebhook, type Webhook } from '@/features/webhooks/api/webhooks';
import { CreatedWebhookSecret } from '@/features/webhooks/components/created-webhook';
import { WebhookForm } from '@/features/webhooks/components/webhook-form';
import { WebhooksTable } from '@/features/webhooks/components/webhooks-table';
import { formatNumber } from '@/lib/format';
import { RequireRole } from '../shell/require-auth';

type Mode = { kind: 'list' } | { kind: 'create' } | { kind: 'created'; created: CreatedWebhook } | { kind: 'delete'; webhook: Webhook };

/** Webhook（変更の通知）(ADMIN): the URLs other systems are told at when KPIs, approvals or plans change. */
export function AdminWebhooksRoute() {
  return (
    <RequireRole role="ADMIN">
      <AdminWebhooksPage />
    </RequireRole>
  );
}

function AdminWebhooksPage() {
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  const update = useUpdateWebhook();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  const headingId = useId();

  const open = (next: Mode) => {
    setNotice(undefined);
    remove.reset();
    update.reset();
    setMode(next);
  };
  // 一時停止 / 再開: nothing is lost either way, so it is done at once, without asking.
  const toggle = (webhook: Webhook) => {
    setNotice(undefined);
    update.mutate(
      { id: webhook.id, active: !webhook.active },
      {
        onSuccess: (now) =>
          setNotice(
            now.active
              ? `${now.url} への通知を再開しました。${now.pending > 0 ? `貯まっていた ${formatNumber(now.pending)} 件を起きた順に送ります。` : ''}`
              : `${now.url} への通知を一時停止しました。そのあいだのできごとは貯めておき、再開すると起きた順に送ります。`,
          ),
      },
    );
  };
  const confirmDelete = (webhook: Webhook) =>
    remove.mutate(webhook.id, {
      onSuccess: () => {
        setMode({ kind: 'list' });
        setNotice(`${webhook.url} への Webhook を削除しました。これからは通知しません。`);
      },
    });

  return (
    <div className="stack">
      <PageHeading lead="成果指標の値、事業調書の承認、計画・体系が変わったときに、連携するシステムへすぐ知らせます（変わったかどうかを定期的に問い合わせてもらう必要がなくなります）。届かなかった通知は 24 時間のあいだ送り直し、その後はあきらめます。">
        Webhook（変更の通知）
      </PageHeading>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>

      {mode.kind === 'list' && (
        <div>
          <Button onClick={() => open({ kind: 'create' })}>Webhook を登録</Button>
        </div>
      )}
      {mode.kind === 'create' && <WebhookForm onCreated={(created) => open({ kind: 'created', created })} onCancel={() => setMode({ kind: 'list' })} />}
      {/* The secret lives only in this state: closing the panel (or leaving the page) forgets it, and the list never has it. */}
      {mode.kind === 'created' && <CreatedWebhookSecret created={mode.created} onClose={() => setMode({ kind: 'list' })} />}
      {mode.kind === 'delete' && (
        <section className="confirm" aria-labelledby={`${headingId}-delete`}>
          <h2 id={`${headingId}-delete`}>{mode.webhook.url} への Webhook を削除しますか？</h2>
          <p>
            削除すると、このシステムにはもう通知しません。まだ届けていない通知
            {mode.webhook.pending > 0 ? `（${mode.webhook.pending} 件）` : ''}と配信の記録も消え、元に戻せません。
          </p>
          <FocusOnError error={remove.error}>
            <ProblemAlert error={remove.error} />
          </FocusOnError>
          <div className="actions">
            <Button variant="danger" disabled={remove.isPending} onClick={() => confirmDelete(mode.webhook)}>
              {remove.isPending ? '削除しています…' : '削除する'}
            </Button>
            <Button variant="secondary" disabled={remove.isPending} onClick={() => open({ kind: 'list' })}>
              やめる
            </Button>
          </div>
        </section>
      )}

      <section className="stack" aria-labelledby={headingId}>
        <h2 id={headingId}>登録した Webhook</h2>
        {webhooks.isPending ? (
          <Loading label="Webhook を読み込んでいます…" />
        ) : webhooks.isError ? (
          <ProblemAlert error={webhooks.error} />
        ) : (
          <>
            <ProblemAlert error={update.error} />
            <WebhooksTable
              webhooks={webhooks.data}
              logLink={(w) => links.adminWebhookEvents(w.id)}
              busy={remove.isPending}
              toggling={update.isPending ? update.variables.id : undefined}
              onToggle={toggle}
              onDelete={(webhook) => open({ kind: 'delete', webhook })}
            />
          </>
        )}
      </section>
    </div>
  );
}
