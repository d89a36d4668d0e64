import { useEffect, useId, useRef, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Controller, useForm, useWatch, type FieldError, type FieldErrors, type Resolver } from 'react-hook-form';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { Loading } from '@/components/ui/loading';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import { useReload } from '@/lib/use-reload';
import { hhmm } from '@/lib/week';
import { useSupportRequest, useUpdateSupportRequest, type SupportRequest, type SupportRequestUpdate } from '../api/support-requests';
import { PAYMENT_OPTIONS, URGENCY_OPTIONS } from '../labels';
import {
  FREQUENCY_OPTIONS,
  RadioGroup,
  REQUEST_FIELDS,
  toRequestFields,
  validateRequestFields,
  WEEKDAY_OPTIONS,
  type RequestFieldValues,
} from './intake-form';

type SupportCategory = components['schemas']['SupportCategoryResponse'];

/** 困りごとの種類 in use, as the page read them (features/categories), handed in as to the intake form. */
export type RequestCategories = Pick<UseQueryResult<readonly SupportCategory[]>, 'data' | 'isPending' | 'isError' | 'error'>;

/** What a 409 stale-version means here: someone saved the request after this form was filled. */
export const REQUEST_CONFLICT_MESSAGE = '他の人が先に変更しました。読み込み直してください。';

/** The fields in the order the form shows them, for the summary of what is wrong. */
const ORDER = ['categoryCode', 'date', 'weeklyDay', 'start', 'end', 'payment', 'description'] as const;

/** Where the focus goes when the form refuses a try: the first field marked wrong, in the page's order. */
const INVALID_FIELD = '[aria-invalid="true"], fieldset.field--invalid input';

/**
 * The form filled from the request as stored. The API names the category, not its code: it is found among those in
 * use by its name, and left to be chosen again when it is no longer one of them.
 */
export function requestValuesOf(request: SupportRequest, categories: readonly SupportCategory[]): RequestFieldValues {
  return {
    categoryCode: categories.find((c) => c.name === request.category)?.code ?? '',
    frequency: request.weeklyDay ? 'WEEKLY' : 'ONCE',
    date: request.date ?? '',
    weeklyDay: request.weeklyDay ? String(request.weeklyDay) : '',
    start: hhmm(request.start),
    end: hhmm(request.end),
    payment: request.payment,
    urgency: request.urgency,
    description: request.description ?? '',
  };
}

/** validateRequestFields for react-hook-form: each message at the field it is about. */
const resolver: Resolver<RequestFieldValues> = (values) => {
  const found = validateRequestFields(values);
  if (Object.keys(found).length === 0) return { values, errors: {} };
  const errors: FieldErrors<RequestFieldValues> = {};
  for (const [field, message] of Object.entries(found)) {
    errors[field as keyof RequestFieldValues] = { type: 'validate', message } satisfies FieldError;
  }
  return { values: {}, errors };
};

/** The body of PUT /support-requests/{id}: the fields as the intake sends them, and the version the form was filled from. */
export function toUpdateBody(values: RequestFieldValues, version: number): SupportRequestUpdate {
  return { ...toRequestFields(values), version };
}

export interface RequestEditFormProps {
  /** The request as read when the form was opened (or read again after a refusal). */
  request: SupportRequest;
  categories: readonly SupportCategory[];
  onSaved: (saved: SupportRequest) => void;
  onCancel: () => void;
  /** Reads the request again after a stale-version refusal (the form is then filled afresh). */
  onReload: () => void;
  reloading?: boolean;
}

/** 相談の内容を直す: what trouble, when (1 回 or 毎週), paid or not, how urgent, and what was said. */
export function RequestEditForm({ request, categories, onSaved, onCancel, onReload, reloading = false }: RequestEditFormProps) {
  const update = useUpdateSupportRequest(request.id);
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  // The version sent back is the one the form was filled from, even if the request is read again meanwhile (the
  // page refreshes it after any change): a newer copy must not let these edits overwrite someone else's.
  const [original] = useState(request);
  const [initial] = useState(() => requestValuesOf(request, categories));
  const { control, register, handleSubmit, formState } = useForm<RequestFieldValues>({
    defaultValues: initial,
    resolver,
    reValidateMode: 'onSubmit',
    // Focused below in the page's order (the radio groups are not registered fields).
    shouldFocusError: false,
  });
  const { errors, submitCount } = formState;
  const refused = Object.keys(errors).length > 0;
  const frequency = useWatch({ control, name: 'frequency' });

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (refused) formRef.current?.querySelector<HTMLElement>(INVALID_FIELD)?.focus();
    // Once per try.
  }, [submitCount]);
  const error = refused ? null : update.error;
  // Bring a refusal into view and to the screen reader, wherever the save button was.
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  const apiError = error instanceof ApiError ? error : undefined;
  const stale = isStaleVersion(error);
  const fieldError = (f: keyof RequestFieldValues) => errors[f]?.message ?? apiError?.fieldError(f);
  const summary = ORDER.map((f) => errors[f]?.message).filter(Boolean);
  // The category the request has, when it is no longer offered: said, so that the empty choice is understood.
  const retired = initial.categoryCode === '' ? request.category : undefined;

  const submit = handleSubmit(
    async (values) => {
      try {
        onSaved(await update.mutateAsync(toUpdateBody(values, original.version)));
      } catch {
        // shown from update.error
      }
    },
    () => update.reset(),
  );

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1}>
        相談の内容を直す
      </h3>
      <form ref={formRef} className="stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <div className="form-errors" ref={summaryRef} tabIndex={-1}>
          {summary.length > 0 && (
            <Alert kind="error" title="入力内容を確認してください">
              <ul>
                {summary.map((message) => (
                  <li key={message}>{message}</li>
                ))}
              </ul>
            </Alert>
          )}
          {stale ? (
            <StaleVersionAlert onReload={onReload} reloading={reloading} message={REQUEST_CONFLICT_MESSAGE} />
          ) : apiError?.status === 409 ? (
            <Alert kind="error" title="直せませんでした">
              <p>{apiError.message}</p>
            </Alert>
          ) : (
            <ProblemAlert error={error} shownFields={[...REQUEST_FIELDS, 'description', 'urgency', 'version']} />
          )}
        </div>
        <SelectField
          label="困りごと"
          required
          placeholder="選択してください"
          options={categories.map((c) => ({ value: c.code, label: c.requiresVehicle ? `${c.name}（車が必要）` : c.name }))}
          hint={retired ? `いまの「${retired}」は使われなくなった種類です。選び直してください。` : undefined}
          {...register('categoryCode')}
          error={fieldError('categoryCode')}
        />
        <Controller
          control={control}
          name="frequency"
          render={({ field }) => (
            <RadioGroup legend="頻度" name="request-edit-frequency" value={field.value} options={FREQUENCY_OPTIONS} onChange={field.onChange} />
          )}
        />
        <div className="row">
          {frequency === 'ONCE' ? (
            <TextField label="日付" type="date" required {...register('date')} error={fieldError('date')} />
          ) : (
            <SelectField
              label="曜日"
              required
              placeholder="選択してください"
              options={WEEKDAY_OPTIONS}
              {...register('weeklyDay')}
              // The API names `date` when neither the day nor the weekday is given.
              error={fieldError('weeklyDay') ?? apiError?.fieldError('date')}
            />
          )}
          <TextField label="開始時刻" type="time" required {...register('start')} error={fieldError('start')} />
          <TextField label="終了時刻" type="time" required {...register('end')} error={fieldError('end')} />
        </div>
        <Controller
          control={control}
          name="payment"
          render={({ field }) => (
            <RadioGroup
              legend="有償・無償"
              name="request-edit-payment"
              value={field.value}
              options={PAYMENT_OPTIONS}
              onChange={field.onChange}
              error={fieldError('payment')}
            />
          )}
        />
        <SelectField label="緊急度" options={URGENCY_OPTIONS} {...register('urgency')} error={fieldError('urgency')} />
        <TextAreaField label="相談の内容" rows={3} maxLength={2000} {...register('description')} error={fieldError('description')} />
        <FormActions submitLabel={update.isPending ? '保存しています…' : '内容を保存'} pending={update.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}

export interface RequestEditPanelProps {
  requestId: number;
  categories: RequestCategories;
  onSaved: (saved: SupportRequest) => void;
  onCancel: () => void;
}

/** 内容を直す from the request as stored now, read again on a stale-version refusal; once the categories are there. */
export function RequestEditPanel({ requestId, categories, onSaved, onCancel }: RequestEditPanelProps) {
  const request = useSupportRequest(requestId);
  const { generation, reloading, reload } = useReload(request.refetch);
  if (request.isPending || categories.isPending) return <Loading label="相談の内容を読み込んでいます…" />;
  if (request.isError) return <ProblemAlert error={request.error} />;
  if (categories.isError) return <ProblemAlert error={categories.error} />;
  return (
    <RequestEditForm
      key={generation}
      request={request.data}
      categories={categories.data ?? []}
      onSaved={onSaved}
      onCancel={onCancel}
      onReload={reload}
      reloading={reloading}
    />
  );
}
