import { useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { NewPasswordFields } from './new-password-fields';
import { ApiError } from '@/lib/api/problem';
import { useChangePassword } from '../api/change-password';

type Field = 'currentPassword' | 'newPassword' | 'confirmation';

export const PASSWORD_MISMATCH = '新しいパスワード（確認）が新しいパスワードと一致しません';

/** パスワード変更: the current password, the new one twice. */
export function PasswordForm({ onChanged }: { onChanged: () => void | Promise<void> }) {
  const change = useChangePassword();
  const [values, setValues] = useState<Record<Field, string>>({ currentPassword: '', newPassword: '', confirmation: '' });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const error = change.error;
  const errorOf = (field: Field) => missing[field] ?? (error instanceof ApiError ? error.fieldError(field) : undefined);
  const invalid = Object.values(missing).some(Boolean);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {
      currentPassword: values.currentPassword ? undefined : 'いまのパスワードを入力してください',
      newPassword: values.newPassword ? undefined : '新しいパスワードを入力してください',
      confirmation: !values.confirmation
        ? '新しいパスワード（確認）を入力してください'
        : values.confirmation !== values.newPassword
          ? PASSWORD_MISMATCH
          : undefined,
    };
    setMissing(found);
    if (Object.values(found).some(Boolean)) {
      change.reset();
      return;
    }
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword }, { onSuccess: () => onChanged() });
  };

  return (
    <form className="stack form-narrow" onSubmit={submit} noValidate aria-label="パスワード変更">
      <FocusOnError error={error ?? (invalid ? missing : undefined)}>
        {error ? (
          <ProblemAlert error={error} shownFields={['currentPassword', 'newPassword']} />
        ) : invalid ? (
          <Alert kind="error">入力内容を確認してください。</Alert>
        ) : null}
      </FocusOnError>
      <TextField
        label="いまのパスワード"
        name="currentPassword"
        type="password"
        required
        autoComplete="current-password"
        value={values.currentPassword}
        onChange={set('currentPassword')}
        error={errorOf('currentPassword')}
      />
      <NewPasswordFields
        label="新しいパスワード"
        name="newPassword"
        value={values.newPassword}
        confirmation={values.confirmation}
        onChange={(field, value) => setValues((v) => ({ ...v, [field === 'password' ? 'newPassword' : field]: value }))}
        error={errorOf('newPassword')}
        confirmationError={errorOf('confirmation')}
      />
      <div>
        <Button type="submit" disabled={change.isPending}>
          {change.isPending ? '変更しています…' : 'パスワードを変更'}
        </Button>
      </div>
    </form>
  );
}
