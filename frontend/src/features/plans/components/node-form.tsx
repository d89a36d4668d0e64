import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { TextAreaField, TextField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { ApiError, isStaleVersion, ITEM_CONFLICT_MESSAGE, problemDetail } from '@/lib/api/problem';
import { useCreateNode, useUpdateNode, type ActorRoleKind, type NodeRole, type Plan, type PlanTreeNode } from '../api/plans';
import { ROLE_LABELS, ROLE_MARKS } from './plan-tree-table';

const fieldErrorOf = (error: unknown, field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);

type RoleChoice = { role: ActorRoleKind | ''; statement: string };

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
  onSaved: (code: string) => void;
  onCancel: () => void;
  onReload: () => void;
  reloading?: boolean;
}

/**
 * 項目の追加 / 編集: number, title, summary, 主な活動の単位, and for each actor column of the plan its role
 * (◎ 実施主体 / ○ 連携・協力 / なし) with what it does. Renumbering is a change of the number.
 */
export function NodeForm({ plan, editing, parent = null, depth, onSaved, onCancel, onReload, reloading }: NodeFormProps) {
  const create = useCreateNode(plan.code);
  const update = useUpdateNode(plan.code);
  const mutation = editing ? update : create;
  const error = mutation.error;
  const id = useId();
  const [code, setCode] = useState(editing?.code ?? '');
  const [title, setTitle] = useState(editing?.title ?? '');
  const [summary, setSummary] = useState(editing?.summary ?? '');
  const [activityUnit, setActivityUnit] = useState(editing?.activityUnit ?? '');
  const [roles, setRoles] = useState<Record<string, RoleChoice>>(() =>
    Object.fromEntries(
      plan.actors.map((a) => {
        const r = editing?.roles.find((x) => x.actor === a.key);
        return [a.key, { role: r?.role ?? '', statement: r?.statement ?? '' }];
      }),
    ),
  );
  const [errors, setErrors] = useState<Record<string, string>>({});
  const level = plan.levels[depth];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next: Record<string, string> = {};
    if (!code.trim()) next.code = '番号を入力してください';
    if (!title.trim()) next.title = '名前を入力してください';
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    const chosen: NodeRole[] = plan.actors.flatMap((a) => {
      const r = roles[a.key];
      return r?.role ? [{ actor: a.key, role: r.role, statement: r.statement.trim() || null }] : [];
    });
    const body = { code: code.trim(), title: title.trim(), summary: summary.trim() || null, activityUnit: activityUnit.trim() || null, roles: chosen };
    try {
      if (editing) await update.mutateAsync({ node: editing.code, body: { ...body, version: editing.version } });
      else await create.mutateAsync({ ...body, parentCode: parent?.code ?? null });
      onSaved(body.code);
    } catch {
      // shown below and at the fields
    }
  };

  const heading = editing ? `項目の編集: ${nodeLabel(editing)}` : parent ? `「${nodeLabel(parent)}」の下に項目を追加` : '最上位に項目を追加';
  const setRole = (actor: string, patch: Partial<RoleChoice>) => setRoles({ ...roles, [actor]: { ...roles[actor], ...patch } });

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
      {plan.actors.length > 0 && (
        <fieldset className="fieldset">
          <legend>役割分担</legend>
          <p className="field__hint">
            {ROLE_MARKS.LEAD} {ROLE_LABELS.LEAD}　{ROLE_MARKS.PARTNER} {ROLE_LABELS.PARTNER}。それぞれの主体が行うことも書けます（任意）。
          </p>
          <div className="role-grid">
            {plan.actors.map((a) => {
              const choice = roles[a.key] ?? { role: '', statement: '' };
              return (
                <fieldset key={a.key} className="role-grid__actor">
                  <legend>{a.name}</legend>
                  <div className="radio-group">
                    {(['LEAD', 'PARTNER', ''] as const).map((r) => (
                      <label key={r || 'none'}>
                        <input type="radio" name={`${id}-${a.key}`} value={r} checked={choice.role === r} onChange={() => setRole(a.key, { role: r })} />
                        {r ? `${ROLE_MARKS[r]} ${ROLE_LABELS[r]}` : 'なし'}
                      </label>
                    ))}
                  </div>
                  <TextField
                    label={`${a.name}が行うこと`}
                    maxLength={2000}
                    disabled={!choice.role}
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
            error && !problemDetail(error, 'node-code-taken') && <ProblemAlert error={error} shownFields={['code', 'title', 'summary', 'activityUnit']} />
          )}
        </div>
      </FocusOnError>
      <div className="actions">
        <Button type="submit" disabled={mutation.isPending}>
          {editing ? '変更を保存' : '追加する'}
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          キャンセル
        </Button>
      </div>
    </form>
  );
}
