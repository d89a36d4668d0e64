import { useId, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { useRotateApiToken, type ApiToken, type CreatedApiToken } from '../api/api-tokens';
import { DEFAULT_GRACE_HOURS, GRACE_OPTIONS } from '../expiry';

export interface RotateFormProps {
  token: ApiToken;
  /** The new secret, with how long the old one still works (hours). */
  onRotated: (created: CreatedApiToken, graceHours: number) => void;
  onCancel: () => void;
}

/**
 * 秘密を切り替える: a new secret for the token (shown once, as on issuing), the old one working for the grace period
 * chosen — long enough to change the connected system's settings — then no more. The expiry date and the scopes
 * stay as they are. A 409 (revoked or expired meanwhile) is said in the API's words above the form.
 */
export function RotateForm({ token, onRotated, onCancel }: RotateFormProps) {
  const rotate = useRotateApiToken();
  const headingId = useId();
  const [graceHours, setGraceHours] = useState<number>(DEFAULT_GRACE_HOURS);
  const error = rotate.error;
  const apiError = error instanceof ApiError ? error : undefined;
  const graceError = apiError?.fieldError('graceHours');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    rotate.reset();
    rotate.mutate({ id: token.id, graceHours }, { onSuccess: (created) => onRotated(created, graceHours) });
  };

  return (
    <form className="panel stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h2 id={headingId}>「{token.name}」の秘密を切り替える</h2>
      <p>
        新しい秘密（トークンの文字列）を発行します。新しい秘密は切り替えた直後に一度だけ表示します。古い秘密は下で選んだ期間だけ使えるので、その間に連携するシステムの設定を新しい秘密に替えてください。有効期限とできることは変わりません。
      </p>
      <FocusOnError error={error}>
        {apiError?.status === 409 ? (
          <Alert kind="error" title="切り替えられませんでした">
            <p>{apiError.message}</p>
          </Alert>
        ) : (
          error && <ProblemAlert error={error} shownFields={['graceHours']} />
        )}
      </FocusOnError>
      <fieldset
        className={`fieldset${graceError ? ' field--invalid' : ''}`}
        aria-describedby={graceError ? `${headingId}-grace-error` : undefined}
      >
        <legend>古い秘密を使える期間</legend>
        {GRACE_OPTIONS.map((option) => (
          <div key={option.hours} className="grace-option">
            <label className="checkbox">
              <input
                type="radio"
                name={`${headingId}-grace`}
                value={option.hours}
                checked={graceHours === option.hours}
                aria-describedby={`${headingId}-grace-${option.hours}`}
                onChange={() => setGraceHours(option.hours)}
              />
              <span>{option.label}</span>
            </label>
            <p className="field__hint grace-option__hint" id={`${headingId}-grace-${option.hours}`}>
              {option.hint}
            </p>
          </div>
        ))}
        {graceError && (
          <p className="field__error" id={`${headingId}-grace-error`}>
            {graceError}
          </p>
        )}
      </fieldset>
      <FormActions submitLabel={rotate.isPending ? '切り替えています…' : '秘密を切り替える'} pending={rotate.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
