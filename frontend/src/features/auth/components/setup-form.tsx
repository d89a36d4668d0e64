import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { NewPasswordFields } from './new-password-fields';
import { ApiError, isProblemType } from '@/lib/api/problem';
import { SetupThrottled, useCreateFirstAdministrator } from '../api/setup';

type Field = 'setupCode' | 'username' | 'displayName' | 'password' | 'confirmation';
const FIELDS: readonly Field[] = ['setupCode', 'username', 'displayName', 'password'];

export const MISMATCH = 'パスワード（確認）がパスワードと一致しません';

/** What each refusal of 初期設定 means to the person at the form. */
function refusal(error: unknown): { message: string; field?: Field } | undefined {
  if (!error) return undefined;
  if (error instanceof SetupThrottled) {
    const wait = error.retryAfterSeconds ? `${error.retryAfterSeconds}秒ほど待ってから` : 'しばらく待ってから';
    return { message: `設定コードの誤りが続いたため、受付を一時的に止めています。${wait}、もう一度お試しください。` };
  }
  if (isProblemType(error, 'invalid-setup-code') || (error instanceof ApiError && error.status === 401)) {
    return {
      message: '設定コードが正しくありません。API の起動時のログに表示されたコードを確かめてください（間違えるたびに、次に試せるまでの待ち時間が長くなります）。',
      field: 'setupCode',
    };
  }
  return undefined;
}

/** 初期設定: the first administrator, with the setup code the API logged when it started. */
export function SetupForm({ onDone }: { onDone: (username: string) => void }) {
  const setup = useCreateFirstAdministrator();
  const [values, setValues] = useState<Record<Field, string>>({ setupCode: '', username: '', displayName: '', password: '', confirmation: '' });
  const [missing, setMissing] = useState<Partial<Record<Field, string>>>({});

  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const error = setup.error;
  const known = refusal(error);
  const done = isProblemType(error, 'setup-done');
  const errorOf = (field: Field) =>
    missing[field] ?? (known?.field === field ? '設定コードが正しくありません' : undefined) ?? (error instanceof ApiError ? error.fieldError(field) : undefined);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {
      setupCode: values.setupCode.trim() ? undefined : '設定コードを入力してください',
      username: values.username.trim() ? undefined : 'ユーザー名を入力してください',
      displayName: values.displayName.trim() ? undefined : '表示名を入力してください',
      password: values.password ? undefined : 'パスワードを入力してください',
      confirmation: !values.confirmation ? 'パスワード（確認）を入力してください' : values.confirmation !== values.password ? MISMATCH : undefined,
    };
    setMissing(found);
    if (Object.values(found).some(Boolean)) {
      setup.reset();
      return;
    }
    const body = {
      setupCode: values.setupCode.trim(),
      username: values.username.trim(),
      displayName: values.displayName.trim(),
      password: values.password,
    };
    setup.mutate(body, { onSuccess: (created) => onDone(created.username ?? body.username) });
  };

  const invalid = Object.values(missing).some(Boolean);

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="初期設定">
      <FocusOnError error={error ?? (invalid ? missing : undefined)}>
        {done ? (
          <Alert kind="error" title="初期設定は済んでいます">
            <p>管理者のアカウントはすでにあります。ログイン画面からログインしてください。</p>
            <p>
              <Link to="/login">ログイン画面へ</Link>
            </p>
          </Alert>
        ) : known ? (
          <Alert kind="error">{known.message}</Alert>
        ) : error ? (
          <ProblemAlert error={error} shownFields={FIELDS} />
        ) : invalid ? (
          <Alert kind="error">入力内容を確認してください。</Alert>
        ) : null}
      </FocusOnError>
      <TextField
        label="設定コード"
        name="setupCode"
        required
        autoComplete="off"
        spellCheck={false}
        hint="API の起動時のログに表示されます"
        value={values.setupCode}
        onChange={set('setupCode')}
        error={errorOf('setupCode')}
      />
      <TextField label="ユーザー名" name="username" required autoComplete="username" hint="ログインに使います（例: kanri）" value={values.username} onChange={set('username')} error={errorOf('username')} />
      <TextField label="表示名" name="displayName" required autoComplete="name" hint="画面に表示される名前（例: 福祉政策課 管理者）" value={values.displayName} onChange={set('displayName')} error={errorOf('displayName')} />
      <NewPasswordFields
        label="パスワード"
        name="password"
        value={values.password}
        confirmation={values.confirmation}
        onChange={(field, value) => setValues((v) => ({ ...v, [field]: value }))}
        error={errorOf('password')}
        confirmationError={errorOf('confirmation')}
      />
      <div>
        <Button type="submit" disabled={setup.isPending}>
          {setup.isPending ? '作成しています…' : '管理者を作成'}
        </Button>
      </div>
    </form>
  );
}
