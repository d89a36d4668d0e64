import { useEffect, useRef, useState } from 'react';
import { useForm } from 'react-hook-form';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion } from '@/lib/api/problem';
import { useUpdateFollowUpSettings, type FollowUpSettings } from '../api/follow-ups';
import { THRESHOLD_FIELDS, type ThresholdName } from '../labels';

/** The thresholds as typed (the inputs hold text). */
type ThresholdValues = Record<ThresholdName, string>;

const valuesOf = (s: FollowUpSettings): ThresholdValues => ({
  proposalDays: String(s.proposalDays),
  waitingDays: String(s.waitingDays),
  activityGraceDays: String(s.activityGraceDays),
  idleSupporterDays: String(s.idleSupporterDays),
});

const SHOWN_FIELDS = THRESHOLD_FIELDS.map((f) => f.name);

export interface FollowUpSettingsFormProps {
  /** The thresholds as read from the API; the form sends back their version. */
  settings: FollowUpSettings;
  /** Reads the thresholds again after a refusal because someone saved first (the form is then filled afresh). */
  onReload: () => void;
  reloading?: boolean;
}

/**
 * しきい値の設定 (ADMIN): the four numbers of days that put an item in 要対応. Sent with the version they were read
 * at; when someone saved first (409) the form says so and offers to read them again.
 */
export function FollowUpSettingsForm({ settings, onReload, reloading = false }: FollowUpSettingsFormProps) {
  const update = useUpdateFollowUpSettings();
  // The version the form was filled from (then the one its own save answered): a newer copy read meanwhile must
  // not let these edits overwrite someone else's.
  const [version, setVersion] = useState(settings.version);
  const [notice, setNotice] = useState<string>();
  const summaryRef = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, reset, formState } = useForm<ThresholdValues>({
    defaultValues: valuesOf(settings),
    reValidateMode: 'onSubmit',
  });
  const { errors } = formState;

  const error = update.error;
  // Bring a refusal into view and to the screen reader, wherever the save button was.
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);
  const apiError = error instanceof ApiError ? error : undefined;

  const submit = handleSubmit(
    async (values) => {
      setNotice(undefined);
      try {
        const saved = await update.mutateAsync({
          proposalDays: Number(values.proposalDays),
          waitingDays: Number(values.waitingDays),
          activityGraceDays: Number(values.activityGraceDays),
          idleSupporterDays: Number(values.idleSupporterDays),
          version,
        });
        setVersion(saved.version);
        reset(valuesOf(saved));
        setNotice('しきい値を保存しました。要対応はこのしきい値で数え直します。');
      } catch {
        // shown from update.error
      }
    },
    () => {
      setNotice(undefined);
      update.reset();
    },
  );

  const cancel = () => {
    reset();
    update.reset();
    setNotice(undefined);
  };

  return (
    <form className="stack" onSubmit={submit} noValidate aria-label="しきい値の設定">
      <div className="form-errors" ref={summaryRef} tabIndex={-1}>
        {isStaleVersion(error) ? (
          <StaleVersionAlert onReload={onReload} reloading={reloading} />
        ) : (
          <ProblemAlert error={error} shownFields={SHOWN_FIELDS} />
        )}
      </div>
      {THRESHOLD_FIELDS.map((f) => (
        <TextField
          key={f.name}
          label={`${f.label}（日）`}
          required
          type="number"
          inputMode="numeric"
          min={0}
          max={f.max}
          step={1}
          hint={f.hint}
          {...register(f.name, {
            validate: (v) => (/^\d+$/.test(v.trim()) && Number(v) <= f.max) || `0〜${f.max} の整数で入力してください`,
          })}
          error={errors[f.name]?.message ?? apiError?.fieldError(f.name)}
        />
      ))}
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      <FormActions
        submitLabel={update.isPending ? '保存しています…' : 'しきい値を保存'}
        pending={update.isPending}
        onCancel={cancel}
        cancelLabel="元に戻す"
        lockCancel
      />
    </form>
  );
}
