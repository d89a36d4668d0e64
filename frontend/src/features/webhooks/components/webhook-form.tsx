import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { useCreateWebhook, type CreatedWebhook, type WebhookEventType } from '../api/webhooks';
import { EVENT_TYPES, eventTypeLabel } from '../events';

const FIELDS = ['url', 'events', 'description'] as const;
const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

/** Webhook を登録: the receiving system's URL, the events it wants, and a note saying which system it is. */
export function WebhookForm({ onCreated, onCancel }: { onCreated: (created: CreatedWebhook) => void; onCancel: () => void }) {
  const create = useCreateWebhook();
  const headingId = useId();
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEventType[]>([]);
  const [description, setDescription] = useState('');
  const [missing, setMissing] = useState<Record<string, string>>({});
  const error = create.error;
  const errorOf = (field: string) => missing[field] ?? fieldErrorOf(error, field);

  const toggle = (type: WebhookEventType, checked: boolean) =>
    setEvents((list) => (checked ? [...list, type] : list.filter((t) => t !== type)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const next: Record<string, string> = {};
    if (!url.trim()) next.url = '通知を受け取る URL を入力してください';
    if (events.length === 0) next.events = '通知するできごとを 1 つ以上選んでください';
    setMissing(next);
    if (Object.keys(next).length > 0) return;
    create.mutate(
      { url: url.trim(), events: EVENT_TYPES.filter((t) => events.includes(t)), description: description.trim() || null },
      { onSuccess: onCreated },
    );
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>Webhook を登録</h2>
      <p>
        選んだできごとが起きるたびに、Tsunagu がその URL に POST で知らせます。署名の秘密は登録した直後に一度だけ表示します。
      </p>
      <FocusOnError error={error ?? (Object.keys(missing).length ? missing : undefined)}>
        {error ? (
          <ProblemAlert error={error} shownFields={FIELDS} />
        ) : Object.keys(missing).length ? (
          <Alert kind="error">入力内容を確認してください。</Alert>
        ) : null}
      </FocusOnError>
      <TextField
        label="通知を受け取る URL"
        type="url"
        inputMode="url"
        required
        maxLength={2000}
        autoComplete="off"
        spellCheck={false}
        hint="https:// で始まる、連携するシステムの受け口（例: https://kikan.city.example.lg.jp/hooks/tsunagu）"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={errorOf('url')}
      />
      <fieldset
        className={`fieldset${errorOf('events') ? ' field--invalid' : ''}`}
        aria-describedby={errorOf('events') ? `${headingId}-events-error` : undefined}
      >
        <legend>
          通知するできごと<span className="field__required">必須</span>
        </legend>
        {EVENT_TYPES.map((type) => (
          <label key={type} className="checkbox">
            <input type="checkbox" checked={events.includes(type)} onChange={(e) => toggle(type, e.target.checked)} />
            <span>
              {eventTypeLabel(type)} <span className="code">{type}</span>
            </span>
          </label>
        ))}
        {errorOf('events') && (
          <p className="field__error" id={`${headingId}-events-error`}>
            {errorOf('events')}
          </p>
        )}
      </fieldset>
      <TextField
        label="説明"
        maxLength={200}
        hint="どのシステムが受け取るか分かる説明（任意。例: 基幹系の KPI 取り込み）"
        value={description}
        onChange={(e) => setDescription(e.target.value)}
        error={errorOf('description')}
      />
      <FormActions submitLabel={create.isPending ? '登録しています…' : '登録する'} pending={create.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
