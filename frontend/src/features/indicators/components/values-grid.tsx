import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiError, CONFLICT_MESSAGE, errorMessage } from '@/lib/api/problem';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { usePutIndicatorValue, type Indicator, type ValueKind } from '../api/indicators';
import type { SupportStatRule } from '../api/support-stat-rules';
import { describeSource, ruleReason } from '../source';
import { KINDS, KIND_LABELS } from '../values';
import { ValueCell } from './value-cell';

/** The columns under each kind: the options (and 合計 when they add up), or just the value. */
export function columnsOf(indicator: Pick<Indicator, 'disaggregation'>): (string | null)[] {
  const d = indicator.disaggregation;
  if (!d || d.options.length === 0) return [null];
  return d.additive ? [...d.options, null] : [...d.options];
}

/** A 409 is a stale version (someone saved first) — or, with its own type, a value that is now computed. */
function saveErrorText(error: unknown): string {
  if (error instanceof ApiError && error.status === 409) {
    if (error.problem.type?.endsWith('/indicator-value-derived') && error.problem.detail) return error.problem.detail;
    return CONFLICT_MESSAGE;
  }
  return errorMessage(error);
}

export interface ValuesGridProps {
  indicator: Indicator;
  years: readonly number[];
  editable: boolean;
  /** The rule that writes this indicator's actuals from the support statistics, if any. */
  statRule?: SupportStatRule | null;
  onReload: () => void;
}

/** 基準値 / 目標値 / 実績値 by fiscal year (and option); editable by PLANNER and ADMIN. */
export function ValuesGrid({ indicator, years, editable, statRule, onReload }: ValuesGridProps) {
  const put = usePutIndicatorValue(indicator.code);
  const [error, setError] = useState<{ text: string; conflict: boolean } | null>(null);
  const columns = columnsOf(indicator);
  const disaggregated = columns.length > 1 || columns[0] !== null;
  const stored = (year: number, kind: ValueKind, option: string | null) =>
    indicator.values.find((v) => v.fiscalYear === year && v.kind === kind && (v.option ?? null) === option);
  const optionName = (option: string | null) => option ?? '合計';
  const derived = indicator.values.some((v) => v.source !== null) || Boolean(statRule);

  const save = (fiscalYear: number) => async (body: Parameters<typeof put.mutateAsync>[0]['body']) => {
    setError(null);
    try {
      return await put.mutateAsync({ fiscalYear, body });
    } catch (e) {
      setError({ text: saveErrorText(e), conflict: e instanceof ApiError && e.status === 409 });
      throw e;
    }
  };

  return (
    <section className="stack" aria-labelledby="values-heading">
      <h2 id="values-heading">{editable ? '値の入力' : '基準値・目標値・実績値'}</h2>
      {editable && (
        <p className="muted">
          数値を入力して Enter（または次の欄へ移動）で保存します。記号（*** ／ 現状維持 ／ 前年度維持）は右の選択肢から選びます。空欄にすると値を取り消します。
        </p>
      )}
      {derived && (
        <p className="muted" data-testid="derived-note">
          「アンケートから算出」「支援統計から自動集計」の印がある値は、元のデータから算出した値です
          {editable ? '（ここでは変更できません。灰色の欄）' : ''}。印を押すと元のデータを確認できます。
        </p>
      )}
      <div aria-live="polite">
        {error && (
          <Alert kind="error">
            <p>{error.text}</p>
            {error.conflict && (
              <Button size="sm" variant="secondary" onClick={() => { setError(null); onReload(); }}>
                再読み込み
              </Button>
            )}
          </Alert>
        )}
      </div>
      <div className="table-wrap">
        <table className="table values-grid">
          <caption className="visually-hidden">年度別の基準値・目標値・実績値{indicator.unit ? `（単位: ${indicator.unit}）` : ''}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={disaggregated ? 2 : 1}>
                年度
              </th>
              {KINDS.map((k) => (
                <th key={k} scope="colgroup" colSpan={columns.length}>
                  {KIND_LABELS[k]}
                  {indicator.unit && <span className="table__sub">（{indicator.unit}）</span>}
                </th>
              ))}
            </tr>
            {disaggregated && (
              <tr>
                {KINDS.flatMap((k) =>
                  columns.map((o) => (
                    <th key={`${k}:${o ?? ''}`} scope="col" className="values-grid__option">
                      {optionName(o)}
                    </th>
                  )),
                )}
              </tr>
            )}
          </thead>
          <tbody>
            {years.map((year) => (
              <tr key={year}>
                <th scope="row">{formatFiscalYear(year)}</th>
                {KINDS.flatMap((kind) =>
                  columns.map((option) => {
                    const value = stored(year, kind, option);
                    const source = describeSource(value?.source, year, statRule);
                    const ruled = statRule && kind === 'ACTUAL' && option === null ? ruleReason(statRule) : null;
                    return (
                      <td key={`${kind}:${option ?? ''}:${value?.version ?? 'new'}:${value?.updatedAt ?? ''}`}>
                        <ValueCell
                          label={`${formatFiscalYear(year)} ${KIND_LABELS[kind]}${disaggregated ? ` ${optionName(option)}` : ''}`}
                          kind={kind}
                          option={option}
                          stored={value}
                          unit={indicator.unit}
                          editable={editable}
                          source={source}
                          lockedReason={ruled}
                          emptyText={indicator.notSet && kind === 'TARGET' ? '未設定' : undefined}
                          onSave={save(year)}
                        />
                      </td>
                    );
                  }),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
