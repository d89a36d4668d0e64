import { useEffect, useId, useRef, useState } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { useController, useForm, useWatch, type Control } from 'react-hook-form';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextField } from '@/components/ui/field';
import { FormActions } from '@/components/ui/form-actions';
import { Loading } from '@/components/ui/loading';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, problemDetail } from '@/lib/api/problem';
import type { components } from '@/lib/api/schema';
import type { AreaOption } from '@/lib/support-areas';
import { PAYMENT_LABELS } from './supporters-table';
import { useReload } from '@/lib/use-reload';
import { useSupporterGroups, type SupporterGroup } from '../api/supporter-groups';
import { useCreateSupporter, useSupporter, useUpdateSupporter, type Supporter } from '../api/supporters';
import {
  CAPACITY_MAX,
  CAPACITY_MIN,
  SUPPORTER_FIELDS,
  supporterResolver,
  supporterValuesOf,
  toSupporterBody,
  type SupporterValues,
} from '../supporter-values';
import '../supporters.css';
import { AvailabilityEditor } from './availability-editor';

type SupportCategory = components['schemas']['SupportCategoryResponse'];

/**
 * 困りごとの種類 in use, as the page read them (features/categories): what a supporter can be ticked for. Handed in
 * rather than read here, so that this feature does not reach into another.
 */
export type SupportCategories = Pick<UseQueryResult<readonly SupportCategory[]>, 'data' | 'isPending' | 'isError' | 'error'>;

export interface SupporterFormProps {
  /** The supporter being changed, as read from the API; none: a new one. */
  editing?: Supporter;
  /** The districts a supporter may belong to (the caller's, or all for ADMIN). */
  areaOptions: readonly AreaOption[];
  categories: SupportCategories;
  /** The district a new supporter starts in (if it is one of areaOptions; the only one is taken anyway). */
  defaultArea?: string;
  onSaved: (saved: Supporter) => void;
  onCancel: () => void;
  /** Reads the supporter again after a stale-version refusal (the form is then filled afresh). */
  onReload?: () => void;
  reloading?: boolean;
}

const paymentLabel = (g: SupporterGroup) => PAYMENT_LABELS[g.payment];

/** Where the focus goes when the form refuses a try: the first field marked wrong, in the page's order. */
const INVALID_FIELD = '[aria-invalid="true"], fieldset.field--invalid input';

/** 担い手の登録 / 担い手の変更: who, where, in which group, what they can do, when, how many at once. */
export function SupporterForm({ editing, areaOptions, categories, defaultArea, onSaved, onCancel, onReload, reloading }: SupporterFormProps) {
  const create = useCreateSupporter();
  const update = useUpdateSupporter();
  const mutation = editing ? update : create;
  const groups = useSupporterGroups();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The version sent back is the one the form was filled from, even if the supporter is read again meanwhile:
  // a newer copy arriving under the form must not let these edits overwrite someone else's.
  const [original] = useState(editing);
  const [initial] = useState(() => {
    const start = areaOptions.length === 1 ? areaOptions[0].value : areaOptions.find((o) => o.value === defaultArea)?.value;
    return supporterValuesOf(editing, start);
  });
  const activeCodes = (categories.data ?? []).map((c) => c.code);
  const { control, register, handleSubmit, getValues, setValue, formState } = useForm<SupporterValues>({
    defaultValues: initial,
    resolver: supporterResolver(activeCodes),
    // What is wrong is said when 登録する is pressed, and stays until the next try.
    reValidateMode: 'onSubmit',
    // Focused below in the page's order rather than in the order the fields were registered.
    shouldFocusError: false,
  });
  const { errors, submitCount } = formState;
  const refused = Object.keys(errors).length > 0;
  const areaCode = useWatch({ control, name: 'areaCode' });
  const lines = useWatch({ control, name: 'availability' });
  const lineMessages = lines.map((_, i) => errors.availability?.[i]?.end?.message);

  useEffect(() => headingRef.current?.focus(), []);
  useEffect(() => {
    if (refused) formRef.current?.querySelector<HTMLElement>(INVALID_FIELD)?.focus();
    // Once per try: not again while the lines are edited.
  }, [submitCount]);
  // The server's last answer is not shown over what the form itself has found wrong (its reset, on such a try,
  // reaches the page a moment later).
  const error = refused ? null : mutation.error;
  // Bring a refusal into view and to the screen reader, wherever the save button was.
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  // The district an area is in (a neighbourhood's district; a district itself): its groups are the ones to offer.
  const districtOf = (code: string) => (code ? (areaOptions.find((o) => o.value === code)?.district ?? code) : '');
  // A group belongs to one district: keep it only if it is of the new area's district.
  const keepGroupOf = (code: string) => {
    const group = groups.data?.find((g) => String(g.id) === getValues('groupId'));
    if (group && group.area.code !== districtOf(code)) setValue('groupId', '');
  };

  const apiError = error instanceof ApiError ? error : undefined;
  const stale = editing !== undefined && isStaleVersion(error);
  const fieldError = (f: (typeof SUPPORTER_FIELDS)[number] | 'contact' | 'groupId') => errors[f]?.message ?? apiError?.fieldError(f);
  const lineError = (i: number) =>
    lineMessages[i] ??
    ['dayOfWeek', 'start', 'end'].map((p) => apiError?.fieldError(`availability[${i}].${p}`)).find(Boolean);
  const shownFields = [
    'name', 'kana', 'contact', 'areaCode', 'groupId', 'categoryCodes', 'availability', 'capacity', 'version',
    ...lines.flatMap((_, i) => [`availability[${i}].dayOfWeek`, `availability[${i}].start`, `availability[${i}].end`]),
  ];

  const submit = handleSubmit(
    async (values) => {
      const body = toSupporterBody(values, activeCodes, original);
      try {
        onSaved(original ? await update.mutateAsync({ id: original.id, body }) : await create.mutateAsync(body));
      } catch {
        // shown from mutation.error
      }
    },
    () => mutation.reset(),
  );

  // The line numbers of the summary follow the lines as they are now.
  const summary = [
    ...SUPPORTER_FIELDS.map((f) => errors[f]?.message),
    errors.availability?.root?.message,
    ...lineMessages.map((m, i) => m && `空き時間 ${i + 1}: ${m}`),
  ].filter(Boolean);

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {original ? `担い手の変更: ${original.name}さん` : '担い手の登録'}
      </h2>
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
          {stale && onReload ? <StaleVersionAlert onReload={onReload} reloading={reloading} /> : <ProblemAlert error={error} shownFields={shownFields} />}
        </div>
        <div className="row">
          <TextField label="氏名" required maxLength={100} {...register('name')} error={fieldError('name')} />
          <TextField label="ふりがな" required maxLength={100} {...register('kana')} error={fieldError('kana')} />
          <TextField label="連絡先" type="tel" maxLength={200} {...register('contact')} error={fieldError('contact')} />
        </div>
        <div className="row">
          <AreaSelect
            control={control}
            options={areaOptions}
            current={original?.area}
            error={fieldError('areaCode') ?? problemDetail(error, 'area-not-yours') ?? problemDetail(error, 'area-retired')}
            onPicked={keepGroupOf}
          />
          <GroupSelect
            control={control}
            district={districtOf(areaCode)}
            groups={groups.data ?? []}
            loading={groups.isPending}
            current={original}
            error={fieldError('groupId') ?? problemDetail(error, 'unknown-group') ?? problemDetail(error, 'group-retired')}
          />
        </div>
        {groups.isError && <ProblemAlert error={groups.error} />}
        <CategoryChecklist
          control={control}
          categories={categories.data ?? []}
          loading={categories.isPending}
          stored={original}
          error={fieldError('categoryCodes') ?? problemDetail(error, 'unknown-category')}
        />
        {categories.isError && <ProblemAlert error={categories.error} />}
        <AvailabilityEditor
          control={control}
          register={register}
          lineError={lineError}
          error={errors.availability?.root?.message ?? apiError?.fieldError('availability')}
        />
        <div className="row">
          <TextField
            label="受け持ちの上限"
            type="number"
            required
            inputMode="numeric"
            min={CAPACITY_MIN}
            max={CAPACITY_MAX}
            {...register('capacity')}
            hint={`同時に受け持てる相談の件数（${CAPACITY_MIN}〜${CAPACITY_MAX}）${original ? `。いま ${original.openAssignments} 件を受け持っています` : ''}`}
            // The server's reason (「いま 2 件を受け持っています…」) belongs right at the number it refuses.
            error={fieldError('capacity') ?? problemDetail(error, 'capacity-below-open')}
          />
        </div>
        <div className="field">
          <label className="checkbox">
            <input type="checkbox" aria-describedby={`${headingId}-vehicle`} {...register('hasVehicle')} />
            車あり
          </label>
          <p className="field__hint" id={`${headingId}-vehicle`}>
            車が必要な困りごと（送迎・粗大ごみなど）の候補になります
          </p>
        </div>
        {original && <ActiveChoice control={control} />}
        <FormActions submitLabel={mutation.isPending ? '保存中…' : original ? '変更を保存' : '登録する'} pending={mutation.isPending} onCancel={onCancel} lockCancel />
      </form>
    </section>
  );
}

/** 地域: the caller's districts, plus the supporter's own area when it is not one of them (it stays choosable). */
function AreaSelect({
  control,
  options,
  current,
  error,
  onPicked,
}: {
  control: Control<SupporterValues>;
  options: readonly AreaOption[];
  current?: { code: string; name: string };
  error?: string;
  onPicked: (code: string) => void;
}) {
  const { field } = useController({ control, name: 'areaCode' });
  const all = current && !options.some((o) => o.value === current.code) ? [...options, { value: current.code, label: current.name }] : options;
  return (
    <SelectField
      label="地域"
      required
      {...field}
      placeholder="選択してください"
      options={all}
      hint="担当している地区だけを選べます。"
      error={error}
      onChange={(e) => {
        field.onChange(e);
        onPicked(e.target.value);
      }}
    />
  );
}

/**
 * グループ (optional): the active groups of the chosen area's district, or of all the caller's districts until one is
 * chosen. A retired group is offered only to a supporter already in it (the API refuses it for anyone else).
 */
function GroupSelect({
  control,
  district,
  groups,
  loading,
  current,
  error,
}: {
  control: Control<SupporterValues>;
  district: string;
  groups: readonly SupporterGroup[];
  loading: boolean;
  current?: Supporter;
  error?: string;
}) {
  const { field } = useController({ control, name: 'groupId' });
  const value = field.value;
  const kept = current?.groupId ?? null;
  const shown = groups.filter((g) => (g.active || g.id === kept) && (!district || g.area.code === district));
  const options = shown.map((g) => ({
    value: String(g.id),
    label: `${g.name}（${district ? '' : `${g.area.name}・`}${paymentLabel(g)}${g.active ? '' : '・廃止'}）`,
  }));
  // The stored group stays on offer even when the list does not have it (another district's, or the list failed).
  if (value && !options.some((o) => o.value === value)) {
    const known = groups.find((g) => String(g.id) === value);
    const name = known?.name ?? (current?.groupId != null && String(current.groupId) === value ? current.groupName : null);
    options.push({ value, label: name ?? `グループ ${value}` });
  }
  return (
    <SelectField
      label="グループ"
      {...field}
      placeholder={loading ? '読み込み中…' : 'なし'}
      options={options}
      hint={district && shown.length === 0 && !loading ? 'この地区の担い手グループはありません。' : '有償・無償はグループで決まります。'}
      error={error}
    />
  );
}

/**
 * できること: a checkbox per category in use. A stored supporter's retired categories are named, since saving
 * drops them (the API no longer takes them).
 */
function CategoryChecklist({
  control,
  categories,
  loading,
  stored,
  error,
}: {
  control: Control<SupporterValues>;
  categories: readonly SupportCategory[];
  loading: boolean;
  stored?: Supporter;
  error?: string;
}) {
  const errorId = useId();
  const { field } = useController({ control, name: 'categoryCodes' });
  const selected = field.value;
  const toggle = (code: string, checked: boolean) =>
    field.onChange(checked ? [...selected, code] : selected.filter((c) => c !== code));
  const retired = loading
    ? []
    : (stored?.categoryCodes ?? [])
        .map((code, i) => ({ code, name: stored?.categories[i] ?? code }))
        .filter((c) => !categories.some((x) => x.code === c.code));
  return (
    <fieldset className={`fieldset${error ? ' field--invalid' : ''}`} aria-describedby={error ? errorId : undefined}>
      <legend>
        できること
        <span className="field__required">必須</span>
      </legend>
      {loading ? (
        <p className="muted">読み込み中…</p>
      ) : (
        <div className="check-grid">
          {categories.map((c) => (
            <label key={c.code} className="checkbox">
              <input type="checkbox" checked={selected.includes(c.code)} onChange={(e) => toggle(c.code, e.target.checked)} />
              {c.requiresVehicle ? `${c.name}（車が必要）` : c.name}
            </label>
          ))}
        </div>
      )}
      {retired.length > 0 && (
        <p className="field__hint">
          {retired.map((c) => `「${c.name}」`).join('')}は使われなくなったため、保存すると外れます。
        </p>
      )}
      {error && (
        <p className="field__error" id={errorId}>
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** 活動中 / 休止: a resting supporter is not proposed, but keeps what they already hold. */
function ActiveChoice({ control }: { control: Control<SupporterValues> }) {
  const name = useId();
  const { field } = useController({ control, name: 'active' });
  return (
    <fieldset className="fieldset">
      <legend>活動の状態</legend>
      <div className="radio-group">
        <label>
          <input type="radio" name={name} checked={field.value} onChange={() => field.onChange(true)} />
          活動中
        </label>
        <label>
          <input type="radio" name={name} checked={!field.value} onChange={() => field.onChange(false)} />
          休止
        </label>
      </div>
      <p className="field__hint">休止中は候補に出ません。受け持ち中の依頼はそのまま続きます。</p>
    </fieldset>
  );
}

export interface SupporterEditPanelProps {
  supporterId: number;
  areaOptions: readonly AreaOption[];
  categories: SupportCategories;
  onSaved: (saved: Supporter) => void;
  onCancel: () => void;
}

/** 担い手の変更 from the supporter as stored now (not the list's copy), read again on a stale-version refusal. */
export function SupporterEditPanel({ supporterId, areaOptions, categories, onSaved, onCancel }: SupporterEditPanelProps) {
  const supporter = useSupporter(supporterId);
  const { generation, reloading, reload } = useReload(supporter.refetch);
  if (supporter.isPending) return <Loading label="担い手を読み込んでいます…" />;
  if (supporter.isError) return <ProblemAlert error={supporter.error} />;
  return (
    <SupporterForm
      key={generation}
      editing={supporter.data}
      areaOptions={areaOptions}
      categories={categories}
      onSaved={onSaved}
      onCancel={onCancel}
      onReload={reload}
      reloading={reloading}
    />
  );
}
