import { TextField } from '@/components/ui/field';

/** The password rules the API applies (PasswordPolicy), said once for every form that sets one. */
export const PASSWORD_HINT = '12 文字以上。よく使われるもの・ユーザー名を含むもの・同じ文字の繰り返しは使えません';

export interface NewPasswordFieldsProps {
  /** 「パスワード」 or 「新しいパスワード」; the second field is the same with （確認）. */
  label: string;
  /** The first field's name (the API's field, so that its problems land here). */
  name: string;
  value: string;
  confirmation: string;
  onChange: (field: 'password' | 'confirmation', value: string) => void;
  error?: string;
  confirmationError?: string;
}

/** A new password and its confirmation, as 初期設定 and パスワード変更 both ask for them. */
export function NewPasswordFields({ label, name, value, confirmation, onChange, error, confirmationError }: NewPasswordFieldsProps) {
  return (
    <>
      <TextField
        label={label}
        name={name}
        type="password"
        required
        autoComplete="new-password"
        hint={PASSWORD_HINT}
        value={value}
        onChange={(e) => onChange('password', e.target.value)}
        error={error}
      />
      <TextField
        label={`${label}（確認）`}
        name="confirmation"
        type="password"
        required
        autoComplete="new-password"
        value={confirmation}
        onChange={(e) => onChange('confirmation', e.target.value)}
        error={confirmationError}
      />
    </>
  );
}
