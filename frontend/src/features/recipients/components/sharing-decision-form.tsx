import { useEffect, useId, useRef } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { TextAreaField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { ApiError } from '@/lib/api/problem';
import { dayOf } from '@/lib/day';
import { useRecordSharingDecision, type SharingDecision } from '../api/sharing-decisions';
import { SUPPORT_MEETING_EXPLANATION } from '../sharing';

interface DecisionValues {
  meetingDate: string;
  meetingName: string;
  decidedBy: string;
  note: string;
}

const FIELDS = ['meetingDate', 'meetingName', 'decidedBy', 'note'] as const;

/** Where the focus goes when the API refuses a field: the first one marked wrong, in the form's order. */
const INVALID_FIELD = '[aria-invalid="true"]';

export interface SharingDecisionFormProps {
  recipientId: number;
  recipientName: string;
  onRecorded: (decision: SharingDecision) => void;
  onCancel: () => void;
}

/**
 * 支援会議の決定を記録する: the day of the meeting (not one still to come: the API's 422 is shown at 会議の日), its
 * name, who decided (a person or a body), and a note. Blank names are refused here and, as 400, by the API.
 */
export function SharingDecisionForm({ recipientId, recipientName, onRecorded, onCancel }: SharingDecisionFormProps) {
  const record = useRecordSharingDecision(recipientId);
  const headingId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState } = useForm<DecisionValues>({
    defaultValues: { meetingDate: '', meetingName: '', decidedBy: '', note: '' },
    reValidateMode: 'onSubmit',
  });
  const { errors } = formState;

  const error = record.error;
  const apiError = error instanceof ApiError ? error : undefined;
  const fieldError = (f: (typeof FIELDS)[number]) => errors[f]?.message ?? apiError?.fieldError(f);
  const refusedField = FIELDS.some((f) => apiError?.fieldError(f));
  // A refusal at a field puts the focus there; any other is said above the form, which takes the focus.
  useEffect(() => {
    if (!error) return;
    const field = formRef.current?.querySelector<HTMLElement>(INVALID_FIELD);
    (field ?? summaryRef.current)?.focus();
  }, [error]);

  const submit = handleSubmit(
    async (values) => {
      try {
        onRecorded(
          await record.mutateAsync({
            meetingDate: values.meetingDate,
            meetingName: values.meetingName.trim(),
            decidedBy: values.decidedBy.trim(),
            note: values.note.trim() || null,
          }),
        );
      } catch {
        // shown from record.error
      }
    },
    () => record.reset(),
  );

  const required = (message: string) => ({ validate: (v: string) => v.trim() !== '' || message });

  return (
    <form ref={formRef} className="fieldset stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId}>支援会議の決定を記録する</h3>
      <p>{SUPPORT_MEETING_EXPLANATION}</p>
      <p className="muted">記録すると、{recipientName}さんの依頼票に連絡先と世帯の様子が載り、根拠としてこの決定が書かれます。</p>
      <div className="form-errors" ref={summaryRef} tabIndex={-1}>
        {refusedField ? (
          <Alert kind="error">記録できませんでした。印の付いた欄を確認してください。</Alert>
        ) : (
          <ProblemAlert error={error} shownFields={FIELDS} />
        )}
      </div>
      <TextField
        label="会議の日"
        type="date"
        required
        className="input input--narrow"
        max={dayOf(new Date())}
        hint="開かれた日（これからの会議の決定は記録できません）"
        {...register('meetingDate', required('会議の日を入力してください'))}
        error={fieldError('meetingDate')}
      />
      <TextField
        label="会議の名前"
        required
        maxLength={200}
        hint="例: ○○校区 支援会議"
        {...register('meetingName', required('会議の名前を入力してください'))}
        error={fieldError('meetingName')}
      />
      <TextField
        label="決めた人・機関"
        required
        maxLength={200}
        hint="例: 支援会議（議長 地域包括支援センター長）"
        {...register('decidedBy', required('決めた人・機関を入力してください'))}
        error={fieldError('decidedBy')}
      />
      <TextAreaField label="メモ" rows={2} maxLength={2000} {...register('note')} error={fieldError('note')} />
      <FormActions submitLabel={record.isPending ? '記録しています…' : '決定を記録する'} pending={record.isPending} onCancel={onCancel} lockCancel />
    </form>
  );
}
