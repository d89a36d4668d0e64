import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isProblemType, isStaleVersion } from '@/lib/api/problem';
import { useCreateAccount, useUpdateAccount, type Account, type Role } from '../api/accounts';
import { ROLE_LABELS, ROLES } from '../roles';

type Field = 'username' | 'displayName' | 'roles' | 'districtCodes' | 'password';
const SHOWN: readonly Field[] = ['username', 'displayName', 'roles', 'password'];

export interface AccountFormProps {
  /** The account being changed (as read now); none: a new one. */
  editing?: Account;
  /**
   * The school-district picker, handed in by the page (areas are another feature's): it shows `selected`, reports
   * changes through `onChange`, and shows `error` under itself.
   */
  districtPicker: (props: { selected: string[]; onChange: (codes: string[]) => void; error?: string }) => ReactNode;
  onSaved: (saved: Account) => void;
  onCancel: () => void;
  /** Reads the account again after someone else changed it (stale version). */
  onReload: () => void;
  reloading?: boolean;
}

/** 新しいアカウント / 変更: user name (fixed once made), display name, roles, districts, and the initial password or 有効/無効. */
export function AccountForm({ editing, districtPicker, onSaved, onCancel, onReload, reloading }: AccountFormProps) {
  const create = useCreateAccount();
  const update = useUpdateAccount();
  const headingId = useId();
  const [username, setUsername] = useState(editing?.username ?? '');
  const [displayName, setDisplayName] = useState(editing?.displayName ?? '');
  const [roles, setRoles] = useState<Role[]>(editing?.roles ?? []);
  const [districtCodes, setDistrictCodes] = useState<string[]>(editing?.districts.map((d) => d.code) ?? []);
  const [password, setPassword] = useState('');
  const [active, setActive] = useState(editing?.active ?? true);
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});

  const mutation = editing ? update : create;
  const error = mutation.error;
  const apiError = error instanceof ApiError ? error : undefined;
  const stale = isStaleVersion(error);
  const lastAdmin = isProblemType(error, 'last-administrator');
  const taken = isProblemType(error, 'username-taken') ? error.message : undefined;
  const districtErrors = (apiError?.problem.errors ?? []).filter((e) => /districtCodes(\[\d+\])?$/.test(e.field)).map((e) => e.message);
  const errorOf = (field: Field) =>
    errors[field] ??
    (field === 'username' ? taken : undefined) ??
    (field === 'districtCodes' && districtErrors.length ? [...new Set(districtErrors)].join('、') : undefined) ??
    apiError?.fieldError(field);
  const invalid = Object.values(errors).some(Boolean);

  const toggleRole = (role: Role, checked: boolean) => setRoles((rs) => (checked ? ROLES.filter((r) => r === role || rs.includes(r)) : rs.filter((r) => r !== role)));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    mutation.reset();
    const found: Partial<Record<Field, string>> = {
      username: editing || username.trim() ? undefined : 'ユーザー名を入力してください',
      displayName: displayName.trim() ? undefined : '表示名を入力してください',
      roles: roles.length ? undefined : 'ロールを 1 つ以上選んでください',
      password: editing || password ? undefined : '初期パスワードを入力してください',
    };
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    try {
      const saved = editing
        ? await update.mutateAsync({
            id: editing.id,
            body: { displayName: displayName.trim(), roles, districtCodes, active, version: editing.version },
          })
        : await create.mutateAsync({ username: username.trim(), displayName: displayName.trim(), roles, districtCodes, password });
      onSaved(saved);
    } catch {
      // shown below
    }
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>{editing ? `「${editing.username}」を変更` : '新しいアカウント'}</h2>
      <FocusOnError error={error ?? (invalid ? errors : undefined)}>
        {stale ? (
          <StaleVersionAlert onReload={onReload} reloading={reloading} />
        ) : lastAdmin ? (
          <Alert kind="error" title="最後の管理者です">
            <p>{apiError?.message}</p>
            <p>ほかのアカウントに管理者のロールを付けてから、もう一度変更してください。</p>
          </Alert>
        ) : error ? (
          <ProblemAlert error={error} shownFields={[...SHOWN, ...(districtErrors.length ? ['districtCodes'] : [])]} />
        ) : invalid ? (
          <Alert kind="error">入力内容を確認してください。</Alert>
        ) : null}
      </FocusOnError>
      <div className="row">
        <TextField
          label="ユーザー名"
          required={!editing}
          readOnly={Boolean(editing)}
          hint={editing ? 'ユーザー名は変えられません' : 'ログインに使います。英数字と - _ .（例: takasu-soudan）'}
          value={username}
          onChange={(e) => setUsername(e.target.value)}
          error={errorOf('username')}
          autoComplete="off"
          spellCheck={false}
        />
        <TextField
          label="表示名"
          required
          hint="画面に表示される名前（例: 地域支援課 相談員）"
          value={displayName}
          onChange={(e) => setDisplayName(e.target.value)}
          error={errorOf('displayName')}
        />
      </div>
      <fieldset className={`fieldset${errorOf('roles') ? ' field--invalid' : ''}`} aria-describedby={errorOf('roles') ? `${headingId}-roles-error` : undefined}>
        <legend>ロール</legend>
        {ROLES.map((role) => (
          <label key={role} className="checkbox">
            <input type="checkbox" checked={roles.includes(role)} onChange={(e) => toggleRole(role, e.target.checked)} />
            {ROLE_LABELS[role]}
          </label>
        ))}
        {errorOf('roles') && (
          <p className="field__error" id={`${headingId}-roles-error`}>
            {errorOf('roles')}
          </p>
        )}
      </fieldset>
      {districtPicker({ selected: districtCodes, onChange: setDistrictCodes, error: errorOf('districtCodes') })}
      {editing ? (
        <fieldset className="fieldset">
          <legend>状態</legend>
          <label className="checkbox">
            <input type="radio" name={`${headingId}-active`} checked={active} onChange={() => setActive(true)} />
            有効
          </label>
          <label className="checkbox">
            <input type="radio" name={`${headingId}-active`} checked={!active} onChange={() => setActive(false)} />
            無効（ログインできなくなります）
          </label>
        </fieldset>
      ) : (
        <TextField
          label="初期パスワード"
          type="password"
          required
          autoComplete="new-password"
          hint="12 文字以上。本人に伝え、最初のログインで本人が変更します"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errorOf('password')}
        />
      )}
      <FormActions submitLabel={mutation.isPending ? '保存しています…' : editing ? '変更を保存' : '作成する'} pending={mutation.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
