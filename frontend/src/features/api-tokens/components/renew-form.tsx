import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { formatDate } from '@/lib/format';
import { useRenewApiToken, type ApiToken } from '../api/api-tokens';
import { lastValidDay, oneYearFrom } from '../expiry';

/** 期限を延ばす: a new expiry date for a token (a year from today unless changed); its secret stays the same. */
export function RenewForm({ token, onDone, onCancel }: { token: ApiToken; onDone: (saved: ApiToken) => void; onCancel: () => void }) {
  const renew = useRenewApiToken();
  const headingId = useId();
  const [expiresOn, setExpiresOn] = useState(() => oneYearFrom());
  const [missing, setMissing] = useState<string>();
  const error = renew.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    renew.reset();
    const empty = expiresOn ? undefined : '新しい有効期限を入力してください';
    setMissing(empty);
    if (empty) return;
    renew.mutate({ id: token.id, expiresOn }, { onSuccess: onDone });
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>「{token.name}」の期限を延ばす</h2>
      <p>
        いまの有効期限は {formatDate(lastValidDay(token.expiresAt))} までです。トークンの文字列は変わらないので、連携するシステムの設定はそのままで使えます。
      </p>
      <FocusOnError error={error}>{error && <ProblemAlert error={error} shownFields={['expiresOn']} />}</FocusOnError>
      <TextField
        label="新しい有効期限"
        type="date"
        required
        className="input input--narrow"
        hint="明日から 3 年以内（はじめは今日から 1 年後）"
        value={expiresOn}
        onChange={(e) => setExpiresOn(e.target.value)}
        error={missing ?? (error instanceof ApiError ? error.fieldError('expiresOn') : undefined)}
      />
      <FormActions submitLabel={renew.isPending ? '延ばしています…' : '期限を延ばす'} pending={renew.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
