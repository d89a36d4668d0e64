import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, ITEM_CONFLICT_MESSAGE, problemDetail } from '@/lib/api/problem';
import { useCreateNode, useUpdateNode, type NodeRole, type Plan, type PlanTreeNode } from '../api/plans';
import { legendErrors, legendText, NOT_IN_LEGEND, trimLegend, type RoleLegendEntry } from '../legend';
import { LegendEditor, legendRows, type LegendRow } from './legend-editor';

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

/** An actor's cell as chosen: the symbol as printed ('' none) and what the actor does. */
type RoleChoice = { symbol: string; statement: string };

/**
 * What a role cell may be set to: （なし）, each symbol of the legend in force, and the symbol chosen already when that
 * legend does not list it (a symbol stored as printed stays what it is unless the planner changes it).
 */
export function symbolOptions(legend: readonly RoleLegendEntry[], chosen: string): { value: string; label: string }[] {
  const options = [{ value: '', label: '（なし）' }];
  for (const e of legend) {
    if (e.symbol && !options.some((o) => o.value === e.symbol)) options.push({ value: e.symbol, label: `${e.symbol} ${e.meaning}` });
  }
  if (chosen && !options.some((o) => o.value === chosen)) options.push({ value: chosen, label: `${chosen}（${NOT_IN_LEGEND}）` });
  return options;
}

export function nodeLabel(node: Pick<PlanTreeNode, 'code' | 'title'>): string {
  return `${node.code} ${node.title}`;
}

export interface NodeFormProps {
  plan: Plan;
  /** The node being changed (its version is sent back); none: a new node. */
  editing?: PlanTreeNode;
  /** Where a new node goes: under this node, or at the top when null. */
  parent?: PlanTreeNode | null;
  /** The depth of the node in the tree (0 = top), for the name of its level. */
  depth: number;
  /** The legend in force above the node (its parent's, or the plan's): the node follows it unless it has its own. */
  inherited: readonly RoleLegendEntry[];
  onSaved: (code: string) => void;
  onCancel: () => void;
  onReload: () => void;
  reloading?: boolean;
}

/**
 * 項目の追加 / 編集: number, title, summary, 主な活動の単位, 取組の主な対象, the node's own legend (a city may print one per 取組; none:
 * the legend above it holds), and for each actor column of the plan its symbol as printed, chosen from the legend in
 * force (◎ 実施主体 / ○ 連携・協力 / なし …), with what it does. Renumbering is a change of the number.
 */
export function NodeForm({ plan, editing, parent = null, depth, inherited, onSaved, onCancel, onReload, reloading }: NodeFormProps) {
  const create = useCreateNode(plan.code);
  const update = useUpdateNode(plan.code);
  const mutation = editing ? update : create;
  const error = mutation.error;
  const id = useId();
  const [code, setCode] = useState(editing?.code ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [summary, setSummary] = useState(editing?.summary ?? '');
  const [activityUnit, setActivityUnit] = useState(editing?.activityUnit ?? '');
  const [mainTarget, setMainTarget] = useState(editing?.mainTarget ?? '');
  const [roles, setRoles] = useState<Record<string, RoleChoice>>(() =>
    Object.fromEntries(
      plan.actors.map((a) => {
        const r = editing?.roles.find((x) => x.actor === a.key);
        return [a.key, { symbol: r?.symbol ?? '', statement: r?.statement ?? '' }];
      }),
    ),
  );
  const [legend, setLegend] = useState<LegendRow[]>(() => legendRows(editing?.legend ?? []));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const level = plan.levels[depth];
  const ownLegend = trimLegend(legend);
  const inForce = ownLegend.length > 0 ? ownLegend : inherited;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!code.trim()) next.code = '番号を入力してください';
    if (!title.trim()) next.title = '名前を入力してください';
    Object.assign(next, legendErrors(legend));
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const chosen: NodeRole[] = plan.actors.flatMap((a) => {
      const r = roles[a.key];
      // The symbol as chosen; its meaning comes from the legend in force (the API reads it so).
      return r?.symbol ? [{ actor: a.key, symbol: r.symbol, role: null, statement: r.statement.trim() || null }] : [];
    });
    const body = {
      code: code.trim(),
      title: title.trim(),
      summary: summary.trim() || null,
      activityUnit: activityUnit.trim() || null,
      roles: chosen,
      legend: ownLegend,
    };
    try {
      // On a change the text goes as typed ("" clears it: the API keeps what it has when it is left out or null).
      if (editing) await update.mutateAsync({ node: editing.code, body: { ...body, mainTarget: mainTarget.trim(), version: editing.version } });
      else await create.mutateAsync({ ...body, mainTarget: mainTarget.trim() || null, parentCode: parent?.code ?? null });
      onSaved(body.code);
    } catch {
      // shown below and at the fields
    }
  };

  const heading = editing ? `項目の編集: ${nodeLabel(editing)}` : parent ? `「${nodeLabel(parent)}」の下に項目を追加` : '最上位に項目を追加';
  const setRole = (actor: string, patch: Partial<RoleChoice>) => setRoles({ ...roles, [actor]: { ...roles[actor], ...patch } });
  const fieldError = (field: string) => errors[field] ?? fieldErrorOf(error, field);
  const shownFields = ['code', 'title', 'summary', 'activityUnit', 'mainTarget', 'legend', ...legend.flatMap((_, i) => ['symbol', 'meaning', 'role'].map((f) => `legend[${i}].${f}`))];

  return (
    <form className="stack panel" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`}>{heading}</h3>
      {level && <p className="muted">階層: {level}</p>}
      <div className="row">
        <TextField
          label="番号"
          required
          maxLength={40}
          autoFocus
          className="input input--narrow"
          hint="計画書での番号（例: Ⅳ、Ⅳ-1、13）。振り直すときはここを変えます。"
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={errors.code ?? fieldErrorOf(error, 'code') ?? problemDetail(error, 'node-code-taken')}
        />
        <TextField label="名前" required maxLength={400} value={title} onChange={(e) => setTitle(e.target.value)} error={errors.title ?? fieldErrorOf(error, 'title')} />
      </div>
      <TextAreaField label="概要" rows={3} value={summary} onChange={(e) => setSummary(e.target.value)} error={fieldErrorOf(error, 'summary')} />
      <TextField
        label="主な活動の単位"
        maxLength={200}
        hint="例: 市内全域、日常生活圏域、小中学校区"
        value={activityUnit}
        onChange={(e) => setActivityUnit(e.target.value)}
        error={fieldErrorOf(error, 'activityUnit')}
      />
      <TextAreaField
        label="取組の主な対象"
        rows={2}
        maxLength={2000}
        hint="計画書の「取組の主な対象」のとおりに（例: 地域と連携できる多様な関係機関・地域で困難な課題を抱える方など）"
        value={mainTarget}
        onChange={(e) => setMainTarget(e.target.value)}
        error={fieldErrorOf(error, 'mainTarget')}
      />
      {plan.actors.length > 0 && (
        <LegendEditor
          title="この項目の凡例"
          hint="計画書がこの項目に凡例を載せているときに（例: 事業の実施主体〔○〕 連携・協力団体〔□〕）。この項目とその下の項目の記号は、この凡例で読みます。"
          empty={`入力しなければ、上位の凡例（${legendText(inherited)}）に従います。`}
          rows={legend}
          onChange={setLegend}
          fieldError={fieldError}
        />
      )}
      {plan.actors.length > 0 && (
        <fieldset className="fieldset">
          <legend>役割分担</legend>
          <p className="field__hint">
            凡例: {legendText(inForce)}（{ownLegend.length > 0 ? 'この項目の凡例' : '上位の凡例'}）。記号は計画書のとおりに選びます。それぞれの主体が行うことも書けます（任意）。
          </p>
          <div className="role-grid">
            {plan.actors.map((a) => {
              const choice = roles[a.key] ?? { symbol: '', statement: '' };
              return (
                <fieldset key={a.key} className="role-grid__actor">
                  <legend>{a.name}</legend>
                  <SelectField
                    label={`${a.name}の記号`}
                    value={choice.symbol}
                    options={symbolOptions(inForce, choice.symbol)}
                    onChange={(e) => setRole(a.key, { symbol: e.target.value })}
                  />
                  <TextField
                    label={`${a.name}が行うこと`}
                    maxLength={2000}
                    disabled={!choice.symbol}
                    value={choice.statement}
                    onChange={(e) => setRole(a.key, { statement: e.target.value })}
                  />
                </fieldset>
              );
            })}
          </div>
        </fieldset>
      )}
      <FocusOnError error={error}>
        <div aria-live="polite">
          {isStaleVersion(error) ? (
            <StaleVersionAlert onReload={onReload} reloading={reloading} message={ITEM_CONFLICT_MESSAGE} />
          ) : (
            error && !problemDetail(error, 'node-code-taken') && <ProblemAlert error={error} shownFields={shownFields} />
          )}
        </div>
      </FocusOnError>
      <FormActions submitLabel={editing ? '変更を保存' : '追加する'} pending={mutation.isPending} onCancel={onCancel} />
    </form>
  );
}
