import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { TextAreaField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { useReopenSupportRequest, type SupportRequest } from '../api/support-requests';

export interface ReopenFormProps {
  request: SupportRequest;
  onReopened: (request: SupportRequest) => void;
  onCancel: () => void;
}

const REASON_REQUIRED = '再開する理由を入力してください';

/**
 * 相談を再開する: a finished (完了・取消) request goes back to 調整中, with why — required here as by the API, whose
 * 422 is shown at the field (which takes the focus); a 409, when the request is no longer finished, above the form.
 */
export function ReopenForm({ request, onReopened, onCancel }: ReopenFormProps) {
  const reopen = useReopenSupportRequest(request.id);
  const headingId = useId();
  const summaryRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  useEffect(() => fieldRef.current?.focus(), []);

  const error = reopen.error;
  const apiError = error instanceof ApiError ? error : undefined;
  const serverReason = apiError?.fieldError('reason');
  useEffect(() => {
    if (!error) return;
    // The field says what is wrong with it; anything else is said above the form.
    if (serverReason) fieldRef.current?.focus();
    else summaryRef.current?.focus();
  }, [error, serverReason]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) {
      reopen.reset();
      setMissing(true);
      fieldRef.current?.focus();
      return;
    }
    setMissing(false);
    try {
      onReopened(await reopen.mutateAsync(reason.trim()));
    } catch {
      // shown from reopen.error
    }
  };

  return (
    <form className="fieldset stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>相談を再開する理由</h3>
      <div className="form-errors" ref={summaryRef} tabIndex={-1}>
        {apiError?.status === 409 ? (
          <Alert kind="error" title="再開できませんでした">
            <p>{apiError.message}</p>
          </Alert>
        ) : serverReason ? null : (
          <ProblemAlert error={error} shownFields={['reason']} />
        )}
      </div>
      <TextAreaField
        ref={fieldRef}
        label="理由"
        required
        rows={2}
        maxLength={400}
        hint="相談の経過に残ります。相談は「調整中」に戻ります。"
        value={reason}
        onChange={(e) => setReason(e.target.value)}
        error={missing ? REASON_REQUIRED : serverReason}
      />
      <FormActions submitLabel={reopen.isPending ? '再開しています…' : '再開する'} pending={reopen.isPending} onCancel={onCancel} cancelLabel="やめる" />
    </form>
  );
}
