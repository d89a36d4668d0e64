import { useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api/problem';
import { useLogin } from '../api/issue-token';

export const WRONG_CREDENTIALS = 'ユーザー名またはパスワードが正しくありません';

export function LoginForm({ onSuccess }: { onSuccess: () => void | Promise<void> }) {
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: string; password?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const empty = {
      username: username.trim() ? undefined : 'ユーザー名を入力してください',
      password: password ? undefined : 'パスワードを入力してください',
    };
    setMissing(empty);
    if (empty.username || empty.password) return;
    login.mutate({ username: username.trim(), password }, { onSuccess: () => onSuccess() });
  };

  const error = login.error;
  const wrongCredentials = error instanceof ApiError && error.status === 401;

  return (
    <form className="stack" onSubmit={submit} noValidate aria-describedby={error ? 'login-error' : undefined}>
      <div id="login-error">
        {wrongCredentials ? <Alert kind="error">{WRONG_CREDENTIALS}</Alert> : <ProblemAlert error={error} shownFields={['username', 'password']} />}
      </div>
      <TextField
        label="ユーザー名"
        name="username"
        autoComplete="username"
        required
        value={username}
        onChange={(e) => setUsername(e.target.value)}
        error={missing.username ?? (error instanceof ApiError ? error.fieldError('username') : undefined)}
      />
      <TextField
        label="パスワード"
        name="password"
        type="password"
        autoComplete="current-password"
        required
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={missing.password ?? (error instanceof ApiError ? error.fieldError('password') : undefined)}
      />
      <div>
        <Button type="submit" disabled={login.isPending}>
          {login.isPending ? 'ログイン中…' : 'ログイン'}
        </Button>
      </div>
    </form>
  );
}
