import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
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
  slotErrorKey,
  supporterValuesOf,
  toSupporterBody,
  validateSupporter,
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

/** 担い手の登録 / 担い手の変更: who, where, in which group, what they can do, when, how many at once. */
export function SupporterForm({ editing, areaOptions, categories, defaultArea, onSaved, onCancel, onReload, reloading }: SupporterFormProps) {
  const create = useCreateSupporter();
  const update = useUpdateSupporter();
  const mutation = editing ? update : create;
  const groups = useSupporterGroups();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const summaryRef = useRef<HTMLDivElement>(null);

  // The version sent back is the one the form was filled from, even if the supporter is read again meanwhile:
  // a newer copy arriving under the form must not let these edits overwrite someone else's.
  const [original] = useState(editing);
  const [values, setValues] = useState<SupporterValues>(() => {
    const start = areaOptions.length === 1 ? areaOptions[0].value : areaOptions.find((o) => o.value === defaultArea)?.value;
    return supporterValuesOf(editing, start);
  });
  const [errors, setErrors] = useState<Record<string, string>>({});

  useEffect(() => headingRef.current?.focus(), []);
  const error = mutation.error;
  // Bring a refusal into view and to the screen reader, wherever the save button was.
  useEffect(() => {
    if (error) summaryRef.current?.focus();
  }, [error]);

  // The district an area is in (a neighbourhood's district; a district itself): its groups are the ones to offer.
  const districtOf = (code: string) => (code ? (areaOptions.find((o) => o.value === code)?.district ?? code) : '');
  const set = <K extends keyof SupporterValues>(key: K, value: SupporterValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const activeCodes = (categories.data ?? []).map((c) => c.code);

  const apiError = error instanceof ApiError ? error : undefined;
  const stale = editing !== undefined && isStaleVersion(error);
  const fieldError = (f: string) => errors[f] ?? apiError?.fieldError(f);
  const slotErrors: Record<string, string> = {};
  values.availability.forEach((row, i) => {
    const mine = errors[slotErrorKey(row)];
    const server = ['dayOfWeek', 'start', 'end'].map((p) => apiError?.fieldError(`availability[${i}].${p}`)).find(Boolean);
    if (mine ?? server) slotErrors[slotErrorKey(row)] = (mine ?? server)!;
  });
  const shownFields = [
    'name', 'kana', 'contact', 'areaCode', 'groupId', 'categoryCodes', 'availability', 'capacity', 'version',
    ...values.availability.flatMap((_, i) => [`availability[${i}].dayOfWeek`, `availability[${i}].start`, `availability[${i}].end`]),
  ];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateSupporter(values, activeCodes);
    setErrors(found);
    if (Object.keys(found).length > 0) {
      mutation.reset();
      summaryRef.current?.focus();
      return;
    }
    const body = toSupporterBody(values, activeCodes, original);
    try {
      onSaved(original ? await update.mutateAsync({ id: original.id, body }) : await create.mutateAsync(body));
    } catch {
      // shown from mutation.error
    }
  };

  // The line numbers of the summary follow the lines as they are now.
  const summary = Object.entries(errors).map(([key, message]) => {
    const line = values.availability.findIndex((r) => slotErrorKey(r) === key);
    return { key, message: line >= 0 ? `空き時間 ${line + 1}: ${message}` : message };
  });

  return (
    <section className="panel" aria-labelledby={headingId}>
      <h2 id={headingId} ref={headingRef} tabIndex={-1}>
        {original ? `担い手の変更: ${original.name}さん` : '担い手の登録'}
      </h2>
      <form className="stack" onSubmit={submit} noValidate aria-labelledby={headingId}>
        <div className="form-errors" ref={summaryRef} tabIndex={-1}>
          {summary.length > 0 && (
            <Alert kind="error" title="入力内容を確認してください">
              <ul>
                {summary.map((e) => (
                  <li key={e.key}>{e.message}</li>
                ))}
              </ul>
            </Alert>
          )}
          {stale && onReload ? <StaleVersionAlert onReload={onReload} reloading={reloading} /> : <ProblemAlert error={error} shownFields={shownFields} />}
        </div>
        <div className="row">
          <TextField label="氏名" required maxLength={100} value={values.name} onChange={(e) => set('name', e.target.value)} error={fieldError('name')} />
          <TextField label="ふりがな" required maxLength={100} value={values.kana} onChange={(e) => set('kana', e.target.value)} error={fieldError('kana')} />
          <TextField label="連絡先" type="tel" maxLength={200} value={values.contact} onChange={(e) => set('contact', e.target.value)} error={fieldError('contact')} />
        </div>
        <div className="row">
          <AreaSelect
            value={values.areaCode}
            options={areaOptions}
            current={original?.area}
            error={fieldError('areaCode') ?? problemDetail(error, 'area-not-yours') ?? problemDetail(error, 'area-retired')}
            onChange={(areaCode) =>
              setValues((v) => {
                // A group belongs to one district: keep it only if it is of the new area's district.
                const group = groups.data?.find((g) => String(g.id) === v.groupId);
                return { ...v, areaCode, groupId: group && group.area.code !== districtOf(areaCode) ? '' : v.groupId };
              })
            }
          />
          <GroupSelect
            value={values.groupId}
            district={districtOf(values.areaCode)}
            groups={groups.data ?? []}
            loading={groups.isPending}
            current={original}
            error={fieldError('groupId') ?? problemDetail(error, 'unknown-group') ?? problemDetail(error, 'group-retired')}
            onChange={(groupId) => set('groupId', groupId)}
          />
        </div>
        {groups.isError && <ProblemAlert error={groups.error} />}
        <CategoryChecklist
          categories={categories.data ?? []}
          loading={categories.isPending}
          selected={values.categoryCodes}
          stored={original}
          error={fieldError('categoryCodes') ?? problemDetail(error, 'unknown-category')}
          onChange={(codes) => set('categoryCodes', codes)}
        />
        {categories.isError && <ProblemAlert error={categories.error} />}
        <AvailabilityEditor
          rows={values.availability}
          onChange={(rows) => set('availability', rows)}
          errors={slotErrors}
          error={fieldError('availability')}
        />
        <div className="row">
          <TextField
            label="受け持ちの上限"
            type="number"
            required
            inputMode="numeric"
            min={CAPACITY_MIN}
            max={CAPACITY_MAX}
            value={values.capacity}
            onChange={(e) => set('capacity', e.target.value)}
            hint={`同時に受け持てる相談の件数（${CAPACITY_MIN}〜${CAPACITY_MAX}）${original ? `。いま ${original.openAssignments} 件を受け持っています` : ''}`}
            // The server's reason (「いま 2 件を受け持っています…」) belongs right at the number it refuses.
            error={fieldError('capacity') ?? problemDetail(error, 'capacity-below-open')}
          />
        </div>
        <div className="field">
          <label className="checkbox">
            <input
              type="checkbox"
              checked={values.hasVehicle}
              aria-describedby={`${headingId}-vehicle`}
              onChange={(e) => set('hasVehicle', e.target.checked)}
            />
            車あり
          </label>
          <p className="field__hint" id={`${headingId}-vehicle`}>
            車が必要な困りごと（送迎・粗大ごみなど）の候補になります
          </p>
        </div>
        {original && <ActiveChoice active={values.active} onChange={(active) => set('active', active)} />}
        <div className="actions">
          <Button type="submit" disabled={mutation.isPending}>
            {mutation.isPending ? '保存中…' : original ? '変更を保存' : '登録する'}
          </Button>
          <Button variant="secondary" onClick={onCancel} disabled={mutation.isPending}>
            キャンセル
          </Button>
        </div>
      </form>
    </section>
  );
}

/** 地域: the caller's districts, plus the supporter's own area when it is not one of them (it stays choosable). */
function AreaSelect({
  value,
  options,
  current,
  error,
  onChange,
}: {
  value: string;
  options: readonly AreaOption[];
  current?: { code: string; name: string };
  error?: string;
  onChange: (code: string) => void;
}) {
  const all = current && !options.some((o) => o.value === current.code) ? [...options, { value: current.code, label: current.name }] : options;
  return (
    <SelectField
      label="地域"
      required
      value={value}
      placeholder="選択してください"
      options={all}
      hint="担当している地区だけを選べます。"
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * グループ (optional): the active groups of the chosen area's district, or of all the caller's districts until one is
 * chosen. A retired group is offered only to a supporter already in it (the API refuses it for anyone else).
 */
function GroupSelect({
  value,
  district,
  groups,
  loading,
  current,
  error,
  onChange,
}: {
  value: string;
  district: string;
  groups: readonly SupporterGroup[];
  loading: boolean;
  current?: Supporter;
  error?: string;
  onChange: (groupId: string) => void;
}) {
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
      value={value}
      placeholder={loading ? '読み込み中…' : 'なし'}
      options={options}
      hint={district && shown.length === 0 && !loading ? 'この地区の担い手グループはありません。' : '有償・無償はグループで決まります。'}
      error={error}
      onChange={(e) => onChange(e.target.value)}
    />
  );
}

/**
 * できること: a checkbox per category in use. A stored supporter's retired categories are named, since saving
 * drops them (the API no longer takes them).
 */
function CategoryChecklist({
  categories,
  loading,
  selected,
  stored,
  error,
  onChange,
}: {
  categories: readonly SupportCategory[];
  loading: boolean;
  selected: readonly string[];
  stored?: Supporter;
  error?: string;
  onChange: (codes: string[]) => void;
}) {
  const errorId = useId();
  const toggle = (code: string, checked: boolean) =>
    onChange(checked ? [...selected, code] : selected.filter((c) => c !== code));
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
function ActiveChoice({ active, onChange }: { active: boolean; onChange: (active: boolean) => void }) {
  const name = useId();
  return (
    <fieldset className="fieldset">
      <legend>活動の状態</legend>
      <div className="radio-group">
        <label>
          <input type="radio" name={name} checked={active} onChange={() => onChange(true)} />
          活動中
        </label>
        <label>
          <input type="radio" name={name} checked={!active} onChange={() => onChange(false)} />
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
