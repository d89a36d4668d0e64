import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { useFocusRegistry } from '@/lib/use-focus-registry';
import { useReload } from '@/lib/use-reload';
import { useDeleteFinding, useFindings, type Finding } from '../api/findings';
import type { Plan, PlanTreeNode } from '../api/plans';
import { FINDING_KIND_LABELS, groupFindings, sourcesText } from '../findings';
import '../plans.css';
import { FindingForm } from './finding-form';

type Open = { kind: 'add' } | { kind: 'edit' | 'delete'; id: number };

/** The level name of each node (基本方針, 取組 …), by its code. */
function levelsByCode(nodes: readonly PlanTreeNode[], levels: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (list: readonly PlanTreeNode[], depth: number) => {
    for (const n of list) {
      const level = n.level ?? levels[depth];
      if (level) out.set(n.code, level);
      walk(n.children ?? [], depth + 1);
    }
  };
  walk(nodes, 0);
  return out;
}

export interface FindingsSectionProps {
  plan: Plan;
  nodes: readonly PlanTreeNode[];
  /** Planners and administrators add, edit and delete. */
  canEdit: boolean;
}

/**
 * 課題・困りごと: what the plan was built on — the issues found in hearings and workshops, the residents' troubles with
 * their own words as examples, the state of things — grouped by kind, each with the node it is about and where it came
 * from. Planners and administrators add, edit (with the version read) and delete (after asking).
 */
export function FindingsSection({ plan, nodes, canEdit }: FindingsSectionProps) {
  const findings = useFindings(plan.code);
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string>();
  const { register, focus, focusAfter } = useFocusRegistry(findings.dataUpdatedAt);
  // When the list the open form works from was read: the focus waits for the list a change leaves to be read.
  const readAt = useRef(0);
  const { generation, reloading, reload } = useReload(async () => {
    readAt.current = (await findings.refetch()).dataUpdatedAt;
  });
  const levels = levelsByCode(nodes, plan.levels);

  const start = (next: Open) => {
    readAt.current = findings.dataUpdatedAt;
    setNotice(undefined);
    setOpen(next);
  };
  /** Closes the open form, says what was done, and gives the focus back once the list as the change left it is read. */
  const close = (message?: string, focusKey?: string) => {
    const from = open;
    setOpen(null);
    setNotice(message);
    const key = focusKey ?? (from && from.kind !== 'add' ? `${from.id}:${from.kind}` : 'add');
    if (message) focusAfter(readAt.current, key, 'add');
    else focus(key, 'add');
  };

  const form = (editing?: Finding) => (
    <FindingForm
      key={generation}
      plan={plan.code}
      nodes={nodes}
      editing={editing}
      onSaved={(saved) => close(`「${saved.title}」を${editing ? '保存' : '追加'}しました。`, `${saved.id}:edit`)}
      onCancel={() => close()}
      onReload={reload}
      reloading={reloading}
    />
  );

  const items = findings.data ?? [];
  return (
    <section className="stack" aria-labelledby="findings-heading">
      <div className="toolbar">
        <h2 id="findings-heading">課題・困りごと</h2>
        {canEdit && (
          <Button variant="secondary" ref={register('add')} onClick={() => start({ kind: 'add' })}>
            課題・困りごとを追加
          </Button>
        )}
      </div>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>
      {open?.kind === 'add' && form()}
      {findings.isPending ? (
        <Loading label="課題・困りごとを読み込んでいます…" />
      ) : findings.isError ? (
        <ProblemAlert error={findings.error} />
      ) : items.length === 0 ? (
        <p className="empty">この計画には課題・困りごとがまだ登録されていません</p>
      ) : (
        groupFindings(items).map(({ kind, items: group }) => (
          <section key={kind} className="stack findings__group" aria-labelledby={`findings-${kind}`}>
            <h3 id={`findings-${kind}`}>
              {FINDING_KIND_LABELS[kind]}
              <span className="table__sub findings__count">（{group.length}件）</span>
            </h3>
            <ul className="findings">
              {group.map((f) => (
                <FindingItem
                  key={f.id}
                  plan={plan.code}
                  finding={f}
                  level={f.nodeCode ? levels.get(f.nodeCode) : undefined}
                  canEdit={canEdit}
                  register={register}
                  open={open !== null && open.kind !== 'add' && open.id === f.id ? open.kind : null}
                  onEdit={() => start({ kind: 'edit', id: f.id })}
                  onDelete={() => start({ kind: 'delete', id: f.id })}
                  onDeleted={() => close(`「${f.title}」を削除しました。`, 'add')}
                  onCancel={() => close()}
                  form={form}
                />
              ))}
            </ul>
          </section>
        ))
      )}
    </section>
  );
}

interface FindingItemProps {
  plan: string;
  finding: Finding;
  /** The level name of its node (基本方針 …). */
  level?: string;
  canEdit: boolean;
  register: (key: string) => (element: HTMLElement | null) => void;
  open: 'edit' | 'delete' | null;
  onEdit: () => void;
  onDelete: () => void;
  onDeleted: () => void;
  onCancel: () => void;
  form: (editing: Finding) => ReactNode;
}

function FindingItem({ plan, finding: f, level, canEdit, register, open, onEdit, onDelete, onDeleted, onCancel, form }: FindingItemProps) {
  const id = useId();
  return (
    <li className="finding">
      <h4 className="finding__title">{f.title}</h4>
      {f.nodeCode && (
        <p className="table__sub">
          {level ?? '項目'}: {f.nodeCode} {f.nodeTitle}
        </p>
      )}
      {f.text && <p className="finding__text">{f.text}</p>}
      {f.examples.length > 0 && (
        <div className="finding__examples">
          <p className="finding__label" id={`${id}-examples`}>
            例
          </p>
          <ul aria-labelledby={`${id}-examples`}>
            {f.examples.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        </div>
      )}
      {f.sources.length > 0 && (
        <p className="finding__sources">
          <span className="visually-hidden">出てきたところ: </span>
          <span className="tree__tag">{sourcesText(f.sources)}</span>
        </p>
      )}
      {canEdit && (
        <div className="actions" role="group" aria-label={`「${f.title}」の操作`}>
          <Button size="sm" variant="secondary" ref={register(`${f.id}:edit`)} onClick={onEdit} aria-label={`「${f.title}」を編集`}>
            編集
          </Button>
          <Button size="sm" variant="secondary" ref={register(`${f.id}:delete`)} onClick={onDelete} aria-label={`「${f.title}」を削除`}>
            削除
          </Button>
        </div>
      )}
      {open === 'edit' && form(f)}
      {open === 'delete' && <FindingDelete plan={plan} finding={f} onDeleted={onDeleted} onCancel={onCancel} />}
    </li>
  );
}

/** Asks before it deletes (a finding is the plan's own record of what residents said; it does not come back). */
function FindingDelete({ plan, finding, onDeleted, onCancel }: { plan: string; finding: Finding; onDeleted: () => void; onCancel: () => void }) {
  const remove = useDeleteFinding(plan);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.focus();
  }, []);
  const run = async () => {
    try {
      await remove.mutateAsync(finding.id);
      onDeleted();
    } catch {
      // shown below
    }
  };
  return (
    <div ref={ref} tabIndex={-1} className="confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <p className="alert__title" id={`${id}-title`}>
        「{finding.title}」を削除しますか？
      </p>
      <div id={`${id}-body`} className="stack">
        <p>{FINDING_KIND_LABELS[finding.kind]}「{finding.title}」とその例を削除します。元に戻せません。</p>
        {remove.isError && <ProblemAlert error={remove.error} />}
      </div>
      <div className="actions">
        <Button variant="danger" onClick={() => void run()} disabled={remove.isPending}>
          削除する
        </Button>
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </div>
  );
}
