import { useRef, useState, type FormEvent, type ReactNode } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { WEEKDAYS } from '@/lib/week';
import { useCreateSupportRequest, type SupportRequest, type SupportRequestCreate, type SupportRequestUpdate } from '../api/support-requests';
import type { PaymentPreference as Payment, Urgency } from '../api/support-requests';
import { PAYMENT_OPTIONS, URGENCY_OPTIONS } from '../labels';

type Recipient = components['schemas']['RecipientResponse'];
type SupportCategory = components['schemas']['SupportCategoryResponse'];

export type Frequency = 'ONCE' | 'WEEKLY';

/** What, when, paid or not and how urgent, as typed: the part of a request that 内容を直す changes too. */
export interface RequestFieldValues {
  categoryCode: string;
  frequency: Frequency;
  date: string;
  weeklyDay: string;
  start: string;
  end: string;
  payment: Payment | '';
  urgency: Urgency;
  description: string;
}

export interface IntakeValues extends RequestFieldValues {
  recipientId: number | null;
}

/** What is missing or wrong in what, when and how, by field; empty when it can be sent. */
export function validateRequestFields(v: RequestFieldValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (!v.categoryCode) errors.categoryCode = '困りごとを選んでください';
  if (v.frequency === 'ONCE' && !v.date) errors.date = '1 回の場合は日付を入力してください';
  if (v.frequency === 'WEEKLY' && !v.weeklyDay) errors.weeklyDay = '毎週の場合は曜日を選んでください';
  if (!/^\d{2}:\d{2}/.test(v.start)) errors.start = '開始時刻を入力してください';
  if (!/^\d{2}:\d{2}/.test(v.end)) errors.end = '終了時刻を入力してください';
  else if (!errors.start && v.end.slice(0, 5) <= v.start.slice(0, 5)) errors.end = '終了時刻は開始時刻より後にしてください';
  if (!v.payment) errors.payment = '有償・無償を選んでください';
  return errors;
}

/** What is missing or wrong, by field; empty when the request can be sent. */
export function validateIntake(v: IntakeValues): Record<string, string> {
  const errors: Record<string, string> = {};
  if (v.recipientId === null) errors.recipientId = '要支援者を選ぶか、新しく登録してください';
  return { ...errors, ...validateRequestFields(v) };
}

/** What, when and how as the API takes them: exactly one of date (1 回) and weeklyDay (毎週). */
export function toRequestFields(v: RequestFieldValues): Omit<SupportRequestUpdate, 'version'> {
  return {
    categoryCode: v.categoryCode,
    description: v.description.trim() || null,
    date: v.frequency === 'ONCE' ? v.date : null,
    weeklyDay: v.frequency === 'WEEKLY' ? Number(v.weeklyDay) : null,
    start: v.start.slice(0, 5),
    end: v.end.slice(0, 5),
    payment: v.payment as Payment,
    urgency: v.urgency,
  };
}

/** The request body: exactly one of date (1 回) and weeklyDay (毎週). */
export function toRequestBody(v: IntakeValues): SupportRequestCreate {
  return { recipientId: v.recipientId!, ...toRequestFields(v) };
}

export const WEEKDAY_OPTIONS = WEEKDAYS.map((d, i) => ({ value: String(i + 1), label: `${d}曜` }));
export const FREQUENCY_OPTIONS: { value: Frequency; label: string }[] = [
  { value: 'ONCE', label: '1 回' },
  { value: 'WEEKLY', label: '毎週' },
];

/** The fields the request forms show the API's messages at (the others go into the alert above them). */
export const REQUEST_FIELDS = ['date', 'weeklyDay', 'start', 'end', 'categoryCode', 'payment'] as const;

/** A required choice of a few, as radio buttons under a legend, with its message. */
export function RadioGroup<T extends string>({
  legend,
  name,
  value,
  options,
  onChange,
  error,
}: {
  legend: string;
  name: string;
  value: T | '';
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  error?: string;
}) {
  const errorId = `${name}-error`;
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        {legend}
        <span className="field__required">必須</span>
      </legend>
      <div className="radio-group">
        {options.map((o) => (
          <label key={o.value}>
            <input type="radio" name={name} value={o.value} checked={value === o.value} onChange={() => onChange(o.value)} />
            {o.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** What the form hands to the recipient picker, and what the picker gives back. */
export interface RecipientChoice {
  selected: Recipient | null;
  onSelect: (recipient: Recipient | null) => void;
  /** Shown when the request was sent without a recipient. */
  error?: string;
}

export interface IntakeFormProps {
  /**
   * 困りごとの種類 in use, as the page read them (features/categories). Handed in, like the recipient picker,
   * so that this feature does not reach into another; the page composes them.
   */
  categories: Pick<UseQueryResult<readonly SupportCategory[]>, 'data' | 'isPending' | 'isError' | 'error'>;
  /** Finds or registers the recipient (features/recipients). */
  recipientPicker: (choice: RecipientChoice) => ReactNode;
  onCreated: (request: SupportRequest) => void;
}

/** 相談の受付: who, what trouble, when (1 回 or 毎週), paid or not, how urgent. */
export function IntakeForm({ categories, recipientPicker, onCreated }: IntakeFormProps) {
  const create = useCreateSupportRequest();
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [values, setValues] = useState<RequestFieldValues>({
    categoryCode: '',
    frequency: 'ONCE',
    date: '',
    weeklyDay: '',
    start: '09:00',
    end: '10:00',
    payment: 'EITHER',
    urgency: 'NORMAL',
    description: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const summaryRef = useRef<HTMLDivElement>(null);

  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) => setValues((v) => ({ ...v, [key]: value }));
  const apiError = create.error instanceof ApiError ? create.error : undefined;
  const fieldError = (f: string) => errors[f] ?? apiError?.fieldError(f);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const all: IntakeValues = { ...values, recipientId: recipient?.id ?? null };
    const next = validateIntake(all);
    setErrors(next);
    if (Object.keys(next).length > 0) {
      summaryRef.current?.focus();
      return;
    }
    create.mutate(toRequestBody(all), { onSuccess: onCreated });
  };

  return (
    <div className="stack">
      <section className="stack" aria-labelledby="intake-recipient-heading">
        <h2 id="intake-recipient-heading">1. 要支援者</h2>
        {recipientPicker({ selected: recipient, onSelect: setRecipient, error: errors.recipientId })}
      </section>

      <section className="stack" aria-labelledby="intake-request-heading">
        <h2 id="intake-request-heading">2. 困りごとと希望</h2>
        <form className="stack" onSubmit={submit} noValidate aria-labelledby="intake-request-heading">
          <div className="form-errors" ref={summaryRef} tabIndex={-1}>
            {Object.keys(errors).length > 0 && (
              <Alert kind="error" title="入力内容を確認してください">
                <ul>
                  {Object.entries(errors).map(([f, m]) => (
                    <li key={f}>{m}</li>
                  ))}
                </ul>
              </Alert>
            )}
            <ProblemAlert error={create.error} shownFields={REQUEST_FIELDS} />
          </div>
          <SelectField
            label="困りごと"
            required
            value={values.categoryCode}
            placeholder={categories.isPending ? '読み込み中…' : '選択してください'}
            options={(categories.data ?? []).map((c) => ({ value: c.code, label: c.requiresVehicle ? `${c.name}（車が必要）` : c.name }))}
            onChange={(e) => set('categoryCode', e.target.value)}
            error={fieldError('categoryCode')}
          />
          {categories.isError && <ProblemAlert error={categories.error} />}
          <RadioGroup legend="頻度" name="frequency" value={values.frequency} options={FREQUENCY_OPTIONS} onChange={(v) => set('frequency', v)} />
          <div className="row">
            {values.frequency === 'ONCE' ? (
              <TextField label="日付" type="date" required value={values.date} onChange={(e) => set('date', e.target.value)} error={fieldError('date')} />
            ) : (
              <SelectField
                label="曜日"
                required
                value={values.weeklyDay}
                placeholder="選択してください"
                options={WEEKDAY_OPTIONS}
                onChange={(e) => set('weeklyDay', e.target.value)}
                error={fieldError('weeklyDay') ?? apiError?.fieldError('date')}
              />
            )}
            <TextField label="開始時刻" type="time" required value={values.start} onChange={(e) => set('start', e.target.value)} error={fieldError('start')} />
            <TextField label="終了時刻" type="time" required value={values.end} onChange={(e) => set('end', e.target.value)} error={fieldError('end')} />
          </div>
          <RadioGroup legend="有償・無償" name="payment" value={values.payment} options={PAYMENT_OPTIONS} onChange={(v) => set('payment', v)} error={fieldError('payment')} />
          <SelectField label="緊急度" value={values.urgency} options={URGENCY_OPTIONS} onChange={(e) => set('urgency', e.target.value as Urgency)} />
          <TextAreaField label="相談の内容" rows={3} value={values.description} onChange={(e) => set('description', e.target.value)} error={fieldError('description')} />
          <div className="actions">
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? '受け付けています…' : '相談を受け付ける'}
            </Button>
          </div>
        </form>
      </section>
    </div>
  );
}
