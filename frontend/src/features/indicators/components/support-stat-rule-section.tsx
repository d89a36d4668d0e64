import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { links } from '@/config/paths';
import { ApiError } from '@/lib/api/problem';
import { fiscalYearOf } from '@/lib/fiscal-year';
import { formatDateTime } from '@/lib/format';
import type { Indicator } from '../api/indicators';
import { useSupportStatRuleMutations, type SupportStatRule } from '../api/support-stat-rules';
import {
  STATISTIC_LABELS,
  ruleProblemField,
  statisticsFor,
  supportStatsSummary,
  type RuleField,
  type SupportStatistic,
} from '../source';

export interface SupportStatRuleSectionProps {
  indicator: Pick<Indicator, 'code' | 'name' | 'unit' | 'values'>;
  /** The current rule (null: none). */
  rule: SupportStatRule | null;
  /** PLANNER and ADMIN set and remove rules; others only read the current one. */
  editable: boolean;
  /** 困りごとの種類 in use (GET /support-categories), for 種類別の割合. */
  categories: readonly { code: string; name: string }[];
  /** Offered when there is no rule yet: the plan's city. */
  defaultAreaCode?: string;
  /** The areas to pick from (the plan's city and below, from the API); until they arrive, the code is typed. */
  areas?: readonly { value: string; label: string }[];
}

function ruleSummary(rule: SupportStatRule): string {
  return supportStatsSummary(
    { areaCode: rule.area.code, statistic: rule.statistic, categoryCode: rule.categoryCode },
    { areaName: rule.area.name, categoryName: rule.categoryName },
  );
}

/**
 * 実績値の自動集計 (支援統計): the rule that makes this indicator's actuals the 相談件数, 需給調整件数,
 * a category's share or the supporters of an area, year by year; planners set, change or remove it.
 */
export function SupportStatRuleSection({ indicator, rule, editable, categories, defaultAreaCode, areas }: SupportStatRuleSectionProps) {
  const { put, remove } = useSupportStatRuleMutations(indicator.code);
  const statistics = statisticsFor(indicator.unit);
  const [areaCode, setAreaCode] = useState(rule?.area.code ?? defaultAreaCode ?? '');
  const [statistic, setStatistic] = useState<SupportStatistic>(rule && statistics.includes(rule.statistic) ? rule.statistic : statistics[0]);
  const [categoryCode, setCategoryCode] = useState(rule?.categoryCode ?? '');
  const [errors, setErrors] = useState<Partial<Record<RuleField, string>>>({});
  const [message, setMessage] = useState<string>();
  const [confirming, setConfirming] = useState(false);

  if (!rule && !editable) return null;

  const error = put.error ?? remove.error;
  const serverError = error instanceof ApiError ? error : undefined;
  const problemField = ruleProblemField(serverError?.problem);
  const errorOf = (field: RuleField) =>
    errors[field] ?? serverError?.fieldError(field) ?? (problemField === field ? serverError?.problem.detail : undefined);
  const busy = put.isPending || remove.isPending;
  const derivedCount = rule ? indicator.values.filter((v) => v.source?.key === rule.source.key).length : 0;
  const share = statistic === 'CATEGORY_SHARE';
  // A rule may name a category that has since been retired: keep it choosable so the form shows the truth.
  const categoryOptions = categories.map((c) => ({ value: c.code, label: c.name }));
  if (rule?.categoryCode && !categories.some((c) => c.code === rule.categoryCode)) {
    categoryOptions.push({ value: rule.categoryCode, label: `${rule.categoryName ?? rule.categoryCode}（使われなくなった種類）` });
  }

  const reset = () => {
    put.reset();
    remove.reset();
    setMessage(undefined);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    reset();
    setConfirming(false);
    const found: Partial<Record<RuleField, string>> = {};
    if (!areaCode.trim()) found.areaCode = '必須項目です';
    if (share && !categoryCode) found.categoryCode = '種類別の割合には困りごとの種類を選んでください';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    try {
      const saved = await put.mutateAsync({ areaCode: areaCode.trim(), statistic, categoryCode: share ? categoryCode : null });
      setMessage(`実績値を${ruleSummary(saved)}から自動集計します。相談や調整の記録が変わるたびに更新されます。`);
    } catch {
      // shown below
    }
  };

  const stop = async () => {
    reset();
    try {
      await remove.mutateAsync();
      setConfirming(false);
      setMessage('自動集計をやめました。この規則で算出していた実績値も消しました。');
    } catch {
      setConfirming(false);
    }
  };

  return (
    <section className="stack" aria-labelledby="stat-rule-heading">
      <h2 id="stat-rule-heading">実績値の自動集計（支援統計）</h2>
      {rule ? (
        <div className="rule-current" data-testid="stat-rule">
          <p>
            実績値は<strong>{ruleSummary(rule)}</strong>から年度ごとに自動集計しています。相談や調整の記録が変わるたびに更新され、ここでは入力できません。
          </p>
          <p className="table__sub">
            設定: {formatDateTime(rule.updatedAt)} {rule.updatedBy} ・{' '}
            <Link to={links.supportStats(rule.area.code, fiscalYearOf(new Date()))}>{rule.area.name}の地区の統計を見る</Link>
          </p>
        </div>
      ) : (
        <p className="muted">
          この指標の実績値は手入力です。生活支援の記録（相談件数・需給調整件数・種類別の割合・担い手の数・地域生活支援相談員の数）から自動で集計することもできます。
        </p>
      )}
      {message && (
        <Alert kind="success">
          <p>{message}</p>
        </Alert>
      )}
      {editable && (
        <details className="rule-details">
          <summary>{rule ? '自動集計の設定を変える・やめる' : '実績値を支援統計から自動集計する'}</summary>
          <form className="stack" onSubmit={submit} noValidate aria-label="支援統計からの自動集計">
            <div className="row">
              {areas && areas.length > 0 ? (
                <SelectField
                  label="地域"
                  required
                  hint="その地域と、その中の地区の記録を合計します"
                  value={areaCode}
                  placeholder="選んでください"
                  options={areas.some((a) => a.value === areaCode) || !areaCode ? areas : [{ value: areaCode, label: areaCode }, ...areas]}
                  onChange={(e) => setAreaCode(e.target.value)}
                  error={errorOf('areaCode')}
                />
              ) : (
                <TextField
                  label="地域"
                  required
                  hint="地域コードまたは名前（地域の管理で確かめられます）。その地域と、その中の地区の記録を合計します"
                  value={areaCode}
                  onChange={(e) => setAreaCode(e.target.value)}
                  error={errorOf('areaCode')}
                  autoComplete="off"
                />
              )}
              <SelectField
                label="統計"
                required
                hint={
                  indicator.unit?.trim() === '%'
                    ? '単位が % の指標なので、種類別の割合を選べます'
                    : `単位が「${indicator.unit ?? '未設定'}」の指標なので、件数・人数を選べます（種類別の割合は単位が % の指標だけ）`
                }
                value={statistic}
                options={statistics.map((s) => ({ value: s, label: STATISTIC_LABELS[s] }))}
                onChange={(e) => setStatistic(e.target.value as SupportStatistic)}
                error={errorOf('statistic')}
              />
              {share && (
                <SelectField
                  label="困りごとの種類"
                  required
                  hint="相談のうち、この種類が占める割合（相談窓口へつないだものを除く）"
                  value={categoryCode}
                  placeholder="選んでください"
                  options={categoryOptions}
                  onChange={(e) => setCategoryCode(e.target.value)}
                  error={errorOf('categoryCode')}
                />
              )}
            </div>
            <p className="muted">設定すると、記録のある年度の実績値がすべて書き換わります（手入力していた実績値も置き換わります）。</p>
            <ProblemAlert error={error} titled shownFields={['areaCode', 'statistic', 'categoryCode']} />
            <div className="actions">
              <Button type="submit" disabled={busy}>
                {put.isPending ? '設定しています…' : rule ? '設定を変更する' : '自動集計を設定する'}
              </Button>
              {rule && !confirming && (
                <Button variant="danger" onClick={() => { reset(); setConfirming(true); }} disabled={busy}>
                  自動集計をやめる
                </Button>
              )}
            </div>
            {rule && confirming && (
              <div className="confirm" role="group" aria-label="自動集計をやめる確認">
                <p>
                  <strong>自動集計をやめると、この規則で算出した実績値{derivedCount > 0 ? `（${derivedCount}件）` : ''}も消えます。</strong>
                  以後、実績値は手入力になります。よろしいですか？
                </p>
                <div className="actions">
                  <Button variant="danger" onClick={() => void stop()} disabled={busy}>
                    {remove.isPending ? 'やめています…' : 'やめて実績値を消す'}
                  </Button>
                  <Button variant="secondary" onClick={() => setConfirming(false)} disabled={busy}>
                    キャンセル
                  </Button>
                </div>
              </div>
            )}
          </form>
        </details>
      )}
    </section>
  );
}
