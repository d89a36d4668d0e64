import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { useCreateApiToken, type CreatedApiToken } from '../api/api-tokens';
import { oneYearFrom } from '../expiry';
import { SCOPES, scopeLabel, type Scope } from '../scopes';

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

/** API トークンを発行: a name that says which system uses it, what it may do, and until when (a year by default). */
export function ApiTokenForm({ onIssued, onCancel }: { onIssued: (token: CreatedApiToken) => void; onCancel: () => void }) {
  const create = useCreateApiToken();
  const headingId = useId();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>([]);
  const [expiresOn, setExpiresOn] = useState(() => oneYearFrom());
  const [missing, setMissing] = useState<Record<string, string>>({});
  const error = create.error;
  const errorOf = (field: string) => missing[field] ?? fieldErrorOf(error, field);

  const toggle = (scope: Scope, checked: boolean) =>
    setScopes((list) => (checked ? [...list, scope] : list.filter((s) => s !== scope)));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.reset();
    const next: Record<string, string> = {};
    if (!name.trim()) next.name = '名前を入力してください';
    if (scopes.length === 0) next.scopes = 'できることを 1 つ以上選んでください';
    if (!expiresOn) next.expiresOn = '有効期限を入力してください';
    setMissing(next);
    if (Object.keys(next).length > 0) return;
    create.mutate({ name: name.trim(), scopes: SCOPES.filter((s) => scopes.includes(s)), expiresOn }, { onSuccess: onIssued });
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>API トークンを発行</h2>
      <p>連携するシステムが Tsunagu の API を呼ぶためのトークンです。秘密の文字列は発行した直後に一度だけ表示します。</p>
      <FocusOnError error={error ?? (Object.keys(missing).length ? missing : undefined)}>
        {error ? (
          <ProblemAlert error={error} shownFields={['name', 'scopes', 'expiresOn']} />
        ) : Object.keys(missing).length ? (
          <Alert kind="error">入力内容を確認してください。</Alert>
        ) : null}
      </FocusOnError>
      <TextField
        label="名前"
        required
        maxLength={200}
        hint="どのシステムが使うか分かる名前（例: オープンデータ連携）"
        value={name}
        onChange={(e) => setName(e.target.value)}
        error={errorOf('name')}
      />
      <fieldset
        className={`fieldset${errorOf('scopes') ? ' field--invalid' : ''}`}
        aria-describedby={errorOf('scopes') ? `${headingId}-scopes-error` : undefined}
      >
        <legend>
          できること（スコープ）<span className="field__required">必須</span>
        </legend>
        {SCOPES.map((scope) => (
          <label key={scope} className="checkbox">
            <input type="checkbox" checked={scopes.includes(scope)} onChange={(e) => toggle(scope, e.target.checked)} />
            <span>
              {scopeLabel(scope)} <span className="code">{scope}</span>
            </span>
          </label>
        ))}
        {errorOf('scopes') && (
          <p className="field__error" id={`${headingId}-scopes-error`}>
            {errorOf('scopes')}
          </p>
        )}
      </fieldset>
      <TextField
        label="有効期限"
        type="date"
        required
        className="input input--narrow"
        hint="この日まで使えます（明日から 3 年以内。はじめは今日から 1 年後）。期限が来る前に延ばせます。"
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.target.value)}
        error={errorOf('expiresOn')}
      />
      <FormActions submitLabel={create.isPending ? '発行しています…' : '発行する'} pending={create.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
