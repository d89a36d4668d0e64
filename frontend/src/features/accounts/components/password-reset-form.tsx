import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { useResetPassword, type Account } from '../api/accounts';

/** パスワード再設定: a temporary password, which the person must change at the next sign-in. */
export function PasswordResetForm({ account, onDone, onCancel }: { account: Account; onDone: (saved: Account) => void; onCancel: () => void }) {
  const reset = useResetPassword();
  const headingId = useId();
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<string | undefined>();
  const error = reset.error;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    reset.reset();
    const empty = password ? undefined : '仮のパスワードを入力してください';
    setMissing(empty);
    if (empty) return;
    reset.mutate({ id: account.id, password }, { onSuccess: onDone });
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>「{account.username}」のパスワードを再設定</h2>
      <p>
        {account.displayName} さんは、次のログインで新しいパスワードを決めるまでほかの操作ができなくなります。仮のパスワードは本人に直接伝えてください。
      </p>
      <FocusOnError error={error ?? missing}>
        {error ? <ProblemAlert error={error} shownFields={['password']} /> : missing ? <Alert kind="error">入力内容を確認してください。</Alert> : null}
      </FocusOnError>
      <TextField
        label="仮のパスワード"
        type="password"
        required
        autoComplete="new-password"
        hint="12 文字以上"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={missing ?? (error instanceof ApiError ? error.fieldError('password') : undefined)}
      />
      <FormActions submitLabel={reset.isPending ? '設定しています…' : '再設定する'} pending={reset.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
