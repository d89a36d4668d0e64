import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { Loading } from '@/components/ui/loading';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { links } from '@/config/paths';
import { ApiError, isStaleVersion, ITEM_CONFLICT_MESSAGE, problemDetail } from '@/lib/api/problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { useReload } from '@/lib/use-reload';
import {
  IndicatorSaveError,
  useIndicator,
  useSaveIndicator,
  type Direction,
  type Indicator,
  type IndicatorValue,
  type ValueKind,
  type ValueWrite,
} from '../api/indicators';
import { DIRECTION_LABELS, MARKER_LABELS, parseCell } from '../values';

const CODE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;
const DIRECTIONS = Object.keys(DIRECTION_LABELS) as Direction[];

export interface IndicatorEditorProps {
  planCode: string;
  nodeCode: string;
  /** The node as the heading names it ("13 相談支援体制の充実"). */
  nodeLabel: string;
  periodStart: number;
  periodEnd: number;
  /** The indicator to edit; none: a new one on the node. */
  indicatorCode?: string;
  onSaved: (indicator: Indicator) => void;
  onCancel: () => void;
}

/** 指標を追加 / 指標を編集 on a node of a plan: reads the indicator first when it is an edit. */
export function IndicatorEditor(props: IndicatorEditorProps) {
  const indicator = useIndicator(props.indicatorCode);
  const { generation, reloading, reload } = useReload(() => indicator.refetch());
  if (props.indicatorCode) {
    if (indicator.isPending) return <Loading label="指標を読み込んでいます…" />;
    if (indicator.isError) return <ProblemAlert error={indicator.error} />;
  }
  return <IndicatorForm key={generation} {...props} initial={indicator.data ?? null} onReload={reload} reloading={reloading} />;
}

function valueText(v: IndicatorValue | undefined): string {
  if (!v) return '';
  if (v.value !== null) return String(v.value);
  return v.marker ? MARKER_LABELS[v.marker] : '';
}

/** The value of the total (no disaggregation option) of a kind and year. */
function totalOf(indicator: Indicator | null, kind: ValueKind, year: number): IndicatorValue | undefined {
  return indicator?.values.find((v) => v.kind === kind && v.option === null && v.fiscalYear === year);
}

function latestBaseline(indicator: Indicator | null): IndicatorValue | undefined {
  return indicator?.values
    .filter((v) => v.kind === 'BASELINE' && v.option === null)
    .sort((a, b) => b.fiscalYear - a.fiscalYear)[0];
}

function yearsFrom(from: number, to: number): number[] {
  const years: number[] = [];
  for (let y = from; y <= to; y++) years.push(y);
  return years;
}

interface IndicatorFormProps extends IndicatorEditorProps {
  initial: Indicator | null;
  onReload: () => void;
  reloading: boolean;
}

type Errors = Record<string, string>;

/**
 * The definition of an indicator (name, code, unit, direction 増加 / 減少 / 維持, 指標設定の考え方 — or 未設定 with its
 * reason —, and for a new one its disaggregation) with its baseline (year and value) and a target for each fiscal
 * year of the plan. Values are of the total; the values of each disaggregation option are entered on the indicator's
 * own page.
 */
function IndicatorForm({ planCode, nodeCode, nodeLabel, periodStart, periodEnd, initial, onSaved, onCancel, onReload, reloading }: IndicatorFormProps) {
  const save = useSaveIndicator();
  const id = useId();
  /** The indicator as the API last gave it: none until a new one is created. */
  const [current, setCurrent] = useState<Indicator | null>(initial);
  const [code, setCode] = useState(initial?.code ?? '');
  const [name, setName] = useState(initial?.name ?? '');
  const [unit, setUnit] = useState(initial?.unit ?? '');
  const [direction, setDirection] = useState<Direction | ''>(initial?.direction ?? '');
  const [rationale, setRationale] = useState(initial?.rationale ?? '');
  const [notSet, setNotSet] = useState(initial?.notSet ?? false);
  const [notSetReason, setNotSetReason] = useState(initial?.notSetReason ?? '');
  const [disaggregated, setDisaggregated] = useState(false);
  const [disName, setDisName] = useState('');
  const [additive, setAdditive] = useState(true);
  const [options, setOptions] = useState<string[]>(['', '']);
  const shownBaseline = latestBaseline(initial);
  const [baselineYear, setBaselineYear] = useState(shownBaseline?.fiscalYear ?? periodStart - 1);
  const [baselineText, setBaselineText] = useState(valueText(shownBaseline));
  const targetYears = [
    ...new Set([
      ...yearsFrom(periodStart, periodEnd),
      ...(initial?.values ?? []).filter((v) => v.kind === 'TARGET' && v.option === null).map((v) => v.fiscalYear),
    ]),
  ].sort((a, b) => a - b);
  const [targets, setTargets] = useState<Record<number, string>>(() =>
    Object.fromEntries(targetYears.map((y) => [y, valueText(totalOf(initial, 'TARGET', y))])),
  );
  const [errors, setErrors] = useState<Errors>({});

  const failure = save.error instanceof IndicatorSaveError ? save.error : null;
  const apiError = failure?.error;
  const fieldError = (field: string) => errors[field] ?? (apiError instanceof ApiError && !failure?.cell ? apiError.fieldError(field) : undefined);
  const cellError = (cell: string) =>
    errors[cell] ?? (failure?.cell === cell ? ((apiError instanceof ApiError && apiError.fieldError('value')) || (apiError instanceof Error ? apiError.message : undefined)) : undefined);
  const isNew = current === null;
  const disaggregation = current?.disaggregation ?? null;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Errors = {};
    if (isNew) {
      if (!code.trim()) next.code = '指標コードを入力してください';
      else if (!CODE_PATTERN.test(code.trim())) next.code = '英数字と . _ - で入力してください（先頭は英数字）';
    }
    if (!name.trim()) next.name = '指標名を入力してください';
    if (!notSet && !unit.trim()) next.unit = '単位を入力してください（未設定の指標を除く）';
    if (!notSet && !direction) next.direction = '方向を選んでください（未設定の指標を除く）';
    if (notSet && !notSetReason.trim()) next.notSetReason = '未設定の理由を入力してください';
    const optionNames = options.map((o) => o.trim());
    if (isNew && disaggregated) {
      if (!disName.trim()) next['disaggregation.name'] = '内訳の名前を入力してください';
      if (optionNames.filter(Boolean).length < 2) next['disaggregation.options'] = '選択肢を 2 つ以上入力してください';
      else if (new Set(optionNames.filter(Boolean)).size !== optionNames.filter(Boolean).length) next['disaggregation.options'] = '同じ選択肢が重複しています';
    }

    const writes: ValueWrite[] = [];
    if (!notSet) {
      const wish = (kind: ValueKind, year: number, text: string, cell: string) => {
        const parsed = parseCell(text, null, kind);
        if (!parsed.ok) {
          next[cell] = parsed.error;
          return;
        }
        const old = totalOf(current, kind, year);
        if ((old?.value ?? null) === parsed.value && (old?.marker ?? null) === parsed.marker) return;
        writes.push({
          fiscalYear: year,
          cell,
          body: { kind, option: null, value: parsed.value, marker: parsed.marker, version: old?.version ?? 0 },
        });
      };
      const before = latestBaseline(current);
      if (before && before.fiscalYear !== baselineYear) {
        writes.push({ fiscalYear: before.fiscalYear, cell: 'baseline', body: { kind: 'BASELINE', option: null, value: null, marker: null, version: before.version } });
      }
      wish('BASELINE', baselineYear, baselineText, 'baseline');
      for (const y of targetYears) wish('TARGET', y, targets[y] ?? '', `target-${y}`);
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;

    const definition = {
      name: name.trim(),
      unit: unit.trim() || null,
      direction: direction || null,
      rationale: notSet ? null : rationale.trim() || null,
      notSet,
      notSetReason: notSet ? notSetReason.trim() : null,
    };
    const changed =
      current !== null &&
      (current.name !== definition.name ||
        (current.unit ?? null) !== definition.unit ||
        (current.direction ?? null) !== definition.direction ||
        (current.rationale ?? null) !== definition.rationale ||
        current.notSet !== definition.notSet ||
        (current.notSetReason ?? null) !== definition.notSetReason);
    const indicatorCode = current?.code ?? code.trim();
    try {
      const saved = await save.mutateAsync({
        code: indicatorCode,
        create: isNew
          ? {
              ...definition,
              code: indicatorCode,
              planCode,
              nodeCode,
              disaggregation: disaggregated ? { name: disName.trim(), additive, options: optionNames.filter(Boolean) } : null,
            }
          : undefined,
        update: changed ? { ...definition, version: current.version } : undefined,
        values: writes,
      });
      setCurrent(saved);
      onSaved(saved);
    } catch (error) {
      if (error instanceof IndicatorSaveError && error.saved) setCurrent(error.saved);
    }
  };

  const heading = isNew ? `指標を追加: ${nodeLabel}` : `指標を編集: ${current.name}`;
  const unitSuffix = unit.trim() ? `（${unit.trim()}）` : '';
  return (
    <form className="stack" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`}>{heading}</h3>
      <div className="row">
        <TextField label="指標名" required maxLength={300} autoFocus value={name} onChange={(e) => setName(e.target.value)} error={fieldError('name')} />
        {isNew ? (
          <TextField
            label="指標コード"
            required
            maxLength={100}
            hint={`英数字と . _ - （例: ${planCode}-1）。後から変えられません。`}
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={fieldError('code') ?? problemDetail(apiError, 'indicator-code-taken')}
          />
        ) : (
          <TextField label="指標コード" readOnly value={current.code} hint="指標コードは変えられません" />
        )}
      </div>
      <label className="checkbox">
        <input type="checkbox" checked={notSet} onChange={(e) => setNotSet(e.target.checked)} />
        <span>未設定（この項目には数値の指標を設けない）</span>
      </label>
      {notSet && (
        <TextAreaField
          label="未設定の理由"
          required
          rows={2}
          value={notSetReason}
          onChange={(e) => setNotSetReason(e.target.value)}
          error={fieldError('notSetReason')}
        />
      )}
      <div className="row">
        <TextField
          label="単位"
          required={!notSet}
          maxLength={40}
          className="input input--narrow"
          hint="例: 件、%、人、回"
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
          error={fieldError('unit')}
        />
        <fieldset className={`fieldset${fieldError('direction') ? ' field--invalid' : ''}`} aria-describedby={fieldError('direction') ? `${id}-direction-error` : undefined}>
          <legend>
            方向{!notSet && <span className="field__required">必須</span>}
          </legend>
          <div className="radio-group">
            {DIRECTIONS.map((d) => (
              <label key={d}>
                <input type="radio" name={`${id}-direction`} value={d} checked={direction === d} onChange={() => setDirection(d)} />
                {DIRECTION_LABELS[d]}
              </label>
            ))}
          </div>
          {fieldError('direction') && (
            <p className="field__error" id={`${id}-direction-error`}>
              {fieldError('direction')}
            </p>
          )}
        </fieldset>
      </div>
      {!notSet && (
        <TextAreaField label="指標設定の考え方" rows={2} value={rationale} onChange={(e) => setRationale(e.target.value)} error={fieldError('rationale')} />
      )}
      {isNew ? (
        <fieldset className="fieldset">
          <legend>内訳</legend>
          <label className="checkbox">
            <input type="checkbox" checked={disaggregated} onChange={(e) => setDisaggregated(e.target.checked)} />
            <span>内訳がある（例: 開催頻度 月4回以上 / 月2回以上 / 月1回以上）</span>
          </label>
          {disaggregated && (
            <>
              <TextField label="内訳の名前" required maxLength={60} value={disName} onChange={(e) => setDisName(e.target.value)} error={fieldError('disaggregation.name')} />
              <label className="checkbox">
                <input type="checkbox" checked={additive} onChange={(e) => setAdditive(e.target.checked)} />
                <span>合計は内訳の和（内訳を足すと合計になる）</span>
              </label>
              <ol className="plain-list stack">
                {options.map((o, i) => (
                  // The options have no identity beyond their place; a row is removed by its place.
                  <li key={i} className="row">
                    <TextField label={`選択肢${i + 1}`} maxLength={60} value={o} onChange={(e) => setOptions(options.map((x, j) => (j === i ? e.target.value : x)))} />
                    <Button size="sm" variant="secondary" disabled={options.length <= 2} onClick={() => setOptions(options.filter((_, j) => j !== i))} aria-label={`選択肢${i + 1}を削除`}>
                      削除
                    </Button>
                  </li>
                ))}
              </ol>
              {fieldError('disaggregation.options') && <p className="field__error">{fieldError('disaggregation.options')}</p>}
              <Button size="sm" variant="secondary" disabled={options.length >= 20} onClick={() => setOptions([...options, ''])}>
                選択肢を追加
              </Button>
            </>
          )}
        </fieldset>
      ) : (
        disaggregation && (
          <p className="muted">
            内訳: {disaggregation.name}（{disaggregation.options.join(' / ')}
            {disaggregation.additive ? '、合計は内訳の和' : ''}）。内訳は作成後には変えられません。
          </p>
        )
      )}
      {!notSet && (
        <fieldset className="fieldset">
          <legend>基準値と目標値{unitSuffix}</legend>
          <p className="field__hint">
            数値のほか「現状維持」「前年度維持」「***」も入力できます。空欄にすると値を消します。
            {(disaggregated || disaggregation) && '内訳ごとの値は指標のページで入力します。'}
          </p>
          <div className="row">
            <SelectField
              label="基準値の年度"
              value={String(baselineYear)}
              options={yearsFrom(Math.min(periodStart - 10, baselineYear), Math.max(periodEnd, baselineYear)).map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
              onChange={(e) => setBaselineYear(Number(e.target.value))}
            />
            <TextField label={`基準値${unitSuffix}`} inputMode="decimal" value={baselineText} onChange={(e) => setBaselineText(e.target.value)} error={cellError('baseline')} />
          </div>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">年度ごとの目標値</caption>
              <thead>
                <tr>
                  <th scope="col">年度</th>
                  <th scope="col">目標値{unitSuffix}</th>
                </tr>
              </thead>
              <tbody>
                {targetYears.map((y) => {
                  const cell = `target-${y}`;
                  const error = cellError(cell);
                  return (
                    <tr key={y}>
                      <th scope="row">{formatFiscalYear(y)}</th>
                      <td>
                        <input
                          className="input input--narrow"
                          inputMode="decimal"
                          aria-label={`${formatFiscalYear(y)}の目標値`}
                          aria-invalid={error ? true : undefined}
                          aria-describedby={error ? `${id}-${cell}-error` : undefined}
                          value={targets[y] ?? ''}
                          onChange={(e) => setTargets({ ...targets, [y]: e.target.value })}
                        />
                        {error && (
                          <p className="field__error" id={`${id}-${cell}-error`}>
                            {error}
                          </p>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </fieldset>
      )}
      <FocusOnError error={failure}>
        <div aria-live="polite">
          {isStaleVersion(apiError) ? (
            <StaleVersionAlert onReload={onReload} reloading={reloading} message={ITEM_CONFLICT_MESSAGE} />
          ) : (
            apiError !== undefined && (
              <ProblemAlert
                error={apiError}
                shownFields={['code', 'name', 'unit', 'direction', 'rationale', 'notSetReason', 'disaggregation.name', 'disaggregation.options', 'value']}
              />
            )
          )}
          {failure?.saved && isNew === false && initial === null && <p>指標は登録しました。直して「保存する」を押すと、残りの値を登録します。</p>}
        </div>
      </FocusOnError>
      <FormActions submitLabel={isNew ? '指標を追加' : '保存する'} pending={save.isPending} onCancel={onCancel} cancelLabel={current && !initial ? '閉じる' : 'キャンセル'}>
        {current && (
          <Link className="btn btn--secondary" to={links.indicator(current.code)}>
            指標のページへ
          </Link>
        )}
      </FormActions>
    </form>
  );
}
