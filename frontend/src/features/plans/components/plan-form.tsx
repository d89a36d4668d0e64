import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, ITEM_CONFLICT_MESSAGE, problemDetail } from '@/lib/api/problem';
import { fiscalYearOf, formatFiscalYear } from '@/lib/fiscal-year';
import { useCreatePlan, useUpdatePlan, type Plan, type PlanActor } from '../api/plans';
import { DEFAULT_LEGEND, legendErrors, trimLegend } from '../legend';
import { PLAN_KIND_LABELS, PLAN_KINDS, PLAN_STATUS_LABELS, type PlanKind, type PlanStatus } from '../plan-kind';
import '../plans.css';
import { LegendEditor, legendRows, type LegendRow } from './legend-editor';
import { keyed, RowList, type Keyed } from './row-list';

const CODE_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
const ACTOR_KEY_PATTERN = /^[a-z][a-z0-9-]*$/;
/** A phone or FAX number as the API takes it: digits (half or full width), hyphens, brackets, +, spaces. */
const PHONE_PATTERN = /^[0-9０-９()（）+ ー-]*$/;

/** A 問い合わせ先 row as typed ('' for a number not given). */
type ContactRow = { department: string; phone: string; fax: string };

/** The message the API gave for a field, matching "levels[0]" and "create.request.levels[0]". */
function apiError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.fieldError(field) : undefined;
}

/** The fiscal years offered for a plan's period: ten years back, fifteen ahead, and any the plan already has. */
export function periodYears(...known: number[]): number[] {
  const now = fiscalYearOf(new Date());
  const from = Math.min(now - 10, ...known);
  const to = Math.max(now + 15, ...known);
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

function parsePercent(text: string): number | null {
  const n = Number(text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)));
  return text.trim() !== '' && Number.isFinite(n) ? n : null;
}

export interface CityOption {
  code: string;
  name: string;
}

export interface PlanFormProps {
  /** The cities a new plan may belong to (from the area tree). */
  cities: readonly CityOption[];
  /** The plan being changed (its version is sent back; its code, city and actor columns stay); none: a new plan. */
  editing?: Plan;
  onSaved: (plan: Plan) => void;
  onCancel: () => void;
  onReload?: () => void;
  reloading?: boolean;
}

type Errors = Record<string, string>;

/**
 * 計画を作成 / 計画の設定: code, title, city, kind, period in fiscal years, めざす姿, the level names (第1階層 …),
 * the actor columns of the role matrix (key + name), the legend of its role symbols (◎ 実施主体 ○ 連携・協力 unless the
 * city prints another), its 問い合わせ先 (部署・電話・FAX; all of them are sent, none clears them) and the grade bands. The API's field errors are shown at the
 * fields they are about.
 */
export function PlanForm({ cities, editing, onSaved, onCancel, onReload, reloading }: PlanFormProps) {
  const create = useCreatePlan();
  const update = useUpdatePlan(editing?.code ?? '');
  const mutation = editing ? update : create;
  const error = mutation.error;
  const now = fiscalYearOf(new Date());

  const [code, setCode] = useState('');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [cityCode, setCityCode] = useState(cities.length === 1 ? cities[0].code : '');
  const [kind, setKind] = useState<PlanKind>(editing?.kind ?? 'COMMUNITY_WELFARE');
  const [status, setStatus] = useState<PlanStatus>(editing?.status ?? 'ACTIVE');
  const [periodStart, setPeriodStart] = useState(editing?.periodStart ?? now);
  const [periodEnd, setPeriodEnd] = useState(editing?.periodEnd ?? now + 4);
  const [vision, setVision] = useState(editing?.vision ?? '');
  const [levels, setLevels] = useState<Keyed<{ name: string }>[]>(() =>
    (editing?.levels ?? ['']).map((name) => keyed({ name })),
  );
  const [actors, setActors] = useState<Keyed<PlanActor>[]>(() => (editing?.actors ?? []).map((a) => keyed({ ...a })));
  const [legend, setLegend] = useState<LegendRow[]>(() => legendRows(editing?.legend ?? DEFAULT_LEGEND));
  const [contacts, setContacts] = useState<Keyed<ContactRow>[]>(() =>
    (editing?.contacts ?? []).map((c) => keyed({ department: c.department, phone: c.phone ?? '', fax: c.fax ?? '' })),
  );
  const [grades, setGrades] = useState(() => {
    const g = editing?.gradeThresholds ?? { a: 100, b: 80, c: 50 };
    return { a: String(g.a), b: String(g.b), c: String(g.c) };
  });
  const [errors, setErrors] = useState<Errors>({});
  const years = periodYears(periodStart, periodEnd);

  const validate = (): Errors => {
    const next: Errors = {};
    if (!editing) {
      if (!code.trim()) next.code = '計画コードを入力してください';
      else if (!CODE_PATTERN.test(code.trim())) next.code = '英小文字・数字・ハイフンで入力してください（先頭は英小文字か数字）';
      if (!cityCode) next.cityCode = '市を選んでください';
    }
    if (!title.trim()) next.title = '計画の名前を入力してください';
    if (periodEnd < periodStart) next.periodEnd = '計画期間の終わりは始まりと同じか後の年度にしてください';
    levels.forEach((l, i) => {
      if (!l.name.trim()) next[`levels[${i}]`] = `第${i + 1}階層の名前を入力してください`;
    });
    if (!editing) {
      const seen = new Set<string>();
      actors.forEach((a, i) => {
        const key = a.key.trim();
        if (!ACTOR_KEY_PATTERN.test(key)) next[`actors[${i}].key`] = '英小文字で始まる英小文字・数字・ハイフンで入力してください';
        else if (seen.has(key)) next[`actors[${i}].key`] = `キー ${key} が重複しています`;
        seen.add(key);
        if (!a.name.trim()) next[`actors[${i}].name`] = '列の名前を入力してください';
      });
    }
    contacts.forEach((c, i) => {
      if (!c.department.trim()) next[`contacts[${i}].department`] = '部署の名前を入力してください';
      if (!PHONE_PATTERN.test(c.phone.trim())) next[`contacts[${i}].phone`] = '電話番号は数字とハイフンで入力してください';
      if (!PHONE_PATTERN.test(c.fax.trim())) next[`contacts[${i}].fax`] = 'FAX 番号は数字とハイフンで入力してください';
    });
    if (legend.length === 0) next.legend = '凡例を 1 行以上入力してください';
    Object.assign(next, legendErrors(legend));
    const [a, b, c] = [parsePercent(grades.a), parsePercent(grades.b), parsePercent(grades.c)];
    if (a === null || a <= 0) next['gradeThresholds.a'] = '0 より大きい数を入力してください';
    if (b === null || b <= 0) next['gradeThresholds.b'] = '0 より大きい数を入力してください';
    if (c === null || c <= 0) next['gradeThresholds.c'] = '0 より大きい数を入力してください';
    if (a !== null && b !== null && c !== null && !(a > b && b > c)) next.gradeThresholds = '評価の閾値は A > B > C の順にしてください';
    return next;
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = validate();
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const gradeThresholds = { a: parsePercent(grades.a)!, b: parsePercent(grades.b)!, c: parsePercent(grades.c)! };
    const common = {
      title: title.trim(),
      kind,
      periodStart,
      periodEnd,
      vision: vision.trim() || null,
      levels: levels.map((l) => l.name.trim()),
      gradeThresholds,
      legend: trimLegend(legend),
      contacts: contacts.map((c) => ({ department: c.department.trim(), phone: c.phone.trim() || null, fax: c.fax.trim() || null })),
    };
    try {
      const saved = editing
        ? await update.mutateAsync({ ...common, status, linkedPlans: editing.linkedPlans, version: editing.version })
        : await create.mutateAsync({
            ...common,
            code: code.trim(),
            cityCode,
            actors: actors.map((a) => ({ key: a.key.trim(), name: a.name.trim() })),
          });
      onSaved(saved);
    } catch {
      // shown below and at the fields
    }
  };

  const fieldError = (field: string) => errors[field] ?? apiError(error, field);
  const heading = editing ? `計画の設定: ${editing.title}` : '計画を作成';
  const yearOptions = years.map((y) => ({ value: String(y), label: formatFiscalYear(y) }));
  const shownFields = [
    ...['code', 'title', 'cityCode', 'kind', 'status', 'periodStart', 'periodEnd', 'vision', 'levels', 'actors', 'legend', 'gradeThresholds'],
    ...['a', 'b', 'c'].map((g) => `gradeThresholds.${g}`),
    ...levels.map((_, i) => `levels[${i}]`),
    ...actors.flatMap((_, i) => [`actors[${i}].key`, `actors[${i}].name`]),
    ...legend.flatMap((_, i) => ['symbol', 'meaning', 'role'].map((f) => `legend[${i}].${f}`)),
    'contacts',
    ...contacts.flatMap((_, i) => ['department', 'phone', 'fax'].map((f) => `contacts[${i}].${f}`)),
  ];

  return (
    <form className="stack panel" aria-labelledby="plan-form-heading" onSubmit={submit} noValidate>
      <h2 id="plan-form-heading">{heading}</h2>
      <div className="row">
        {!editing && (
          <TextField
            label="計画コード"
            required
            maxLength={64}
            autoFocus
            hint="URL や取り込みで使う、英小文字・数字・ハイフンのコード（後から変えられません）"
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError('code') ?? problemDetail(error, 'plan-code-taken')}
          />
        )}
        <TextField label="計画の名前" required maxLength={300} autoFocus={Boolean(editing)} value={title} onChange={(e) => setTitle(e.target.value)} error={fieldError('title')} />
      </div>
      <div className="row">
        {editing ? (
          <TextField label="市" value={editing.city.name} readOnly hint="計画の市は後から変えられません" />
        ) : (
          <SelectField
            label="市"
            required
            value={cityCode}
            placeholder="選択してください"
            options={cities.map((c) => ({ value: c.code, label: c.name }))}
            onChange={(e) => setCityCode(e.target.value)}
            error={fieldError('cityCode') ?? problemDetail(error, 'not-a-city')}
          />
        )}
        <SelectField
          label="種類"
          required
          value={kind}
          options={PLAN_KINDS.map((k) => ({ value: k, label: PLAN_KIND_LABELS[k] }))}
          onChange={(e) => setKind(e.target.value as PlanKind)}
          error={fieldError('kind')}
        />
        {editing && (
          <SelectField
            label="状態"
            required
            value={status}
            options={(Object.keys(PLAN_STATUS_LABELS) as PlanStatus[]).map((s) => ({ value: s, label: PLAN_STATUS_LABELS[s] }))}
            onChange={(e) => setStatus(e.target.value as PlanStatus)}
            error={fieldError('status')}
          />
        )}
      </div>
      <div className="row">
        <SelectField
          label="計画期間の始まり"
          required
          value={String(periodStart)}
          options={yearOptions}
          onChange={(e) => setPeriodStart(Number(e.target.value))}
          error={fieldError('periodStart')}
        />
        <SelectField
          label="計画期間の終わり"
          required
          value={String(periodEnd)}
          options={yearOptions}
          onChange={(e) => setPeriodEnd(Number(e.target.value))}
          error={fieldError('periodEnd') ?? problemDetail(error, 'invalid-period')}
        />
      </div>
      <TextAreaField label="めざす姿" rows={3} value={vision} onChange={(e) => setVision(e.target.value)} error={fieldError('vision')} />
      <RowList
        legend="階層の名前"
        hint="上の階層から順に（例: 基本方針、取組の視点、取組、事業）。最大 8 階層です。"
        rows={levels}
        onChange={setLevels}
        rowName={(i) => `第${i + 1}階層`}
        newRow={() => ({ name: '' })}
        addLabel="階層を追加"
        min={1}
        max={8}
        error={fieldError('levels')}
        renderRow={(row, i, set) => (
          <TextField
            label={`第${i + 1}階層の名前`}
            required
            maxLength={60}
            value={row.name}
            onChange={(e) => set({ name: e.target.value })}
            error={fieldError(`levels[${i}]`)}
          />
        )}
      />
      {editing ? (
        <div className="stack">
          <h3>役割表の列</h3>
          <p>{editing.actors.length > 0 ? editing.actors.map((a) => a.name).join(' / ') : 'なし'}</p>
          <p className="field__hint">役割表の列は計画の作成時に決めます（後からは変えられません）。</p>
        </div>
      ) : (
        <RowList
          legend="役割表の列"
          hint="役割の記号（◎ ○ など）を付ける主体を、表の左の列から順に（例: 地域 / 社協 / 市）。キーは英小文字・数字・ハイフンで、取り込みや API で使います。"
          rows={actors}
          onChange={setActors}
          rowName={(i) => `${i + 1}列目`}
          newRow={() => ({ key: '', name: '' })}
          addLabel="列を追加"
          max={20}
          error={fieldError('actors')}
          renderRow={(row, i, set) => (
            <div className="row">
              <TextField
                label={`${i + 1}列目の名前`}
                required
                maxLength={60}
                value={row.name}
                onChange={(e) => set({ name: e.target.value })}
                error={fieldError(`actors[${i}].name`)}
              />
              <TextField
                label={`${i + 1}列目のキー`}
                required
                maxLength={40}
                className="input input--narrow"
                value={row.key}
                onChange={(e) => set({ key: e.target.value })}
                error={fieldError(`actors[${i}].key`)}
              />
            </div>
          )}
        />
      )}
      <LegendEditor
        title="役割の記号の凡例"
        hint="役割表の記号と、その意味を計画書の凡例のとおりに（例: ◎ 実施主体、○ 連携・協力）。凡例を載せる項目（取組など）では、その項目の凡例が優先します。"
        rows={legend}
        onChange={setLegend}
        fieldError={fieldError}
        min={1}
      />
      <RowList
        legend="問い合わせ先"
        hint="計画書の最後に載せる問い合わせ先を、載せる順に（例: ○○市 健康福祉部 地域福祉課）。電話・FAX は数字とハイフンで（例: 000-000-0000）。"
        rows={contacts}
        onChange={setContacts}
        rowName={(i) => `${i + 1}件目の問い合わせ先`}
        newRow={() => ({ department: '', phone: '', fax: '' })}
        addLabel="問い合わせ先を追加"
        max={10}
        error={fieldError('contacts')}
        renderRow={(row, i, set) => (
          <div className="row">
            <TextField
              label={`${i + 1}件目の部署`}
              required
              maxLength={200}
              value={row.department}
              onChange={(e) => set({ department: e.target.value })}
              error={fieldError(`contacts[${i}].department`)}
            />
            <TextField
              label={`${i + 1}件目の電話`}
              type="tel"
              maxLength={40}
              className="input input--narrow"
              value={row.phone}
              onChange={(e) => set({ phone: e.target.value })}
              error={fieldError(`contacts[${i}].phone`)}
            />
            <TextField
              label={`${i + 1}件目の FAX`}
              type="tel"
              maxLength={40}
              className="input input--narrow"
              value={row.fax}
              onChange={(e) => set({ fax: e.target.value })}
              error={fieldError(`contacts[${i}].fax`)}
            />
          </div>
        )}
      />
      <fieldset className={`fieldset${fieldError('gradeThresholds') ? ' field--invalid' : ''}`}>
        <legend>評価の閾値（達成率 %）</legend>
        <p className="field__hint">達成率がこの値以上なら A・B・C、C の値未満は D です（A &gt; B &gt; C）。</p>
        <div className="row">
          {(['a', 'b', 'c'] as const).map((g) => (
            <TextField
              key={g}
              label={`${g.toUpperCase()}（% 以上）`}
              required
              inputMode="decimal"
              className="input input--narrow"
              value={grades[g]}
              onChange={(e) => setGrades({ ...grades, [g]: e.target.value })}
              error={fieldError(`gradeThresholds.${g}`)}
            />
          ))}
        </div>
        {fieldError('gradeThresholds') && <p className="field__error">{fieldError('gradeThresholds')}</p>}
      </fieldset>
      <FocusOnError error={error}>
        <div aria-live="polite">
          {isStaleVersion(error) && onReload ? (
            <StaleVersionAlert onReload={onReload} reloading={reloading} message={ITEM_CONFLICT_MESSAGE} />
          ) : (
            error && !isProblemShownAtField(error) && <ProblemAlert error={error} shownFields={shownFields} />
          )}
        </div>
      </FocusOnError>
      <FormActions submitLabel={editing ? '設定を保存' : '計画を作成'} pending={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}

/** Problems whose whole message already sits at a field (a taken code, a city that is not a city). */
function isProblemShownAtField(error: unknown): boolean {
  return ['plan-code-taken', 'not-a-city', 'invalid-period'].some((t) => problemDetail(error, t) !== undefined);
}
