import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { links } from '@/config/paths';
import { isStaleVersion, ITEM_CONFLICT_MESSAGE } from '@/lib/api/problem';
import { useFocusRegistry } from '@/lib/use-focus-registry';
import { useReload } from '@/lib/use-reload';
import { useMoveNode, type Plan, type PlanTreeNode } from '../api/plans';
import { NOT_IN_LEGEND, type RoleLegendEntry } from '../legend';
import '../plans.css';
import { NodeDelete } from './node-delete';
import { NodeForm, nodeLabel } from './node-form';
import { NodeMoveForm } from './node-move-form';
import { LegendLine } from './plan-tree-table';

/** What the indicator editor is opened for: a new indicator on a node, or one of its indicators. */
export interface IndicatorTarget {
  node: PlanTreeNode;
  indicatorCode?: string;
  /** Closes the editor; saved: say so. */
  onDone: (saved: boolean) => void;
}

export interface PlanEditorProps {
  plan: Plan;
  nodes: readonly PlanTreeNode[];
  /** When the tree was last read: the focus is put back once a change has been read again. */
  updatedAt: number;
  /** Reads the tree again (after a stale-version refusal). */
  onReload: () => Promise<unknown>;
  /** The indicator form (it belongs to the indicators feature; the page puts it in). */
  renderIndicatorEditor: (target: IndicatorTarget) => ReactNode;
}

type Open =
  | { kind: 'add'; parent: PlanTreeNode | null }
  | { kind: 'edit' | 'move' | 'delete'; code: string }
  | { kind: 'indicator'; code: string; indicator?: string };

/** The legend in force at a node: as the API gives it, else its own, else the one above it. */
function inForceAt(node: PlanTreeNode, above: readonly RoleLegendEntry[]): readonly RoleLegendEntry[] {
  if (node.legendInForce.length > 0) return node.legendInForce;
  return node.legend.length > 0 ? node.legend : above;
}

/** Where an open form is shown: under this node's row, or at the top (new top-level node). */
function openAt(open: Open | null): string | null | undefined {
  if (!open) return undefined;
  if (open.kind === 'add') return open.parent?.code ?? null;
  return open.code;
}

/**
 * 編集モード of a plan's tree: add a node at the top or under any node; edit (rename, renumber, legend, roles, 主な活動の単位);
 * move up or down among its siblings or under another parent; delete (with まとめて削除 when things hang on it);
 * add and edit indicators. Every change sends the version the tree was read with; the tree is read again after each.
 */
export function PlanEditor({ plan, nodes, updatedAt, onReload, renderIndicatorEditor }: PlanEditorProps) {
  const [open, setOpen] = useState<Open | null>(null);
  const [notice, setNotice] = useState<string>();
  const [moveError, setMoveError] = useState<{ code: string; error: unknown }>();
  const { register, focus, focusAfter } = useFocusRegistry(updatedAt);
  const { generation, reloading, reload } = useReload(onReload);
  const move = useMoveNode(plan.code);

  const start = (next: Open) => {
    setNotice(undefined);
    setMoveError(undefined);
    setOpen(next);
  };
  /**
   * Closes the open form and gives the focus back to the button that opened it (or the one named), once the tree as
   * the change left it has been read (`since`: when the tree the form was opened on was read; none: nothing changed).
   */
  const close = (message?: string, since?: number, ...focusKeys: string[]) => {
    const from = open;
    setOpen(null);
    setNotice(message);
    let keys = focusKeys;
    if (keys.length === 0 && from) {
      if (from.kind === 'add') keys = [from.parent ? `${from.parent.code}:add` : 'add-top'];
      else if (from.kind === 'indicator') keys = [`${from.code}:${from.indicator ? `indicator:${from.indicator}` : 'add-indicator'}`];
      else keys = [`${from.code}:${from.kind}`];
    }
    if (since === undefined) focus(...keys);
    else focusAfter(since, ...keys);
  };
  const reloadTree = () => {
    setMoveError(undefined);
    reload();
  };

  const moveBy = async (node: PlanTreeNode, parentCode: string | null, index: number, delta: -1 | 1) => {
    // One move at a time: the next is made from the tree as the first left it. (The buttons stay enabled meanwhile,
    // so that the focus stays on the one pressed.)
    if (move.isPending) return;
    setNotice(undefined);
    setMoveError(undefined);
    setOpen(null);
    const dir = delta < 0 ? 'up' : 'down';
    const since = updatedAt;
    try {
      await move.mutateAsync({ node: node.code, body: { parentCode, position: index + delta, version: node.version } });
      setNotice(`「${nodeLabel(node)}」を${delta < 0 ? '上' : '下'}へ移動しました。`);
      focusAfter(since, `${node.code}:${dir}`, `${node.code}:${dir === 'up' ? 'down' : 'up'}`);
    } catch (error) {
      setMoveError({ code: node.code, error });
    }
  };

  /** `inherited`: the legend in force above `node` (its parent's, or the plan's). */
  const renderForm = (node: PlanTreeNode | null, parentCode: string | null, depth: number, inherited: readonly RoleLegendEntry[]) => {
    if (!open || openAt(open) !== (node?.code ?? null)) return null;
    if (open.kind === 'add') {
      return (
        <NodeForm
          key={generation}
          plan={plan}
          parent={open.parent}
          depth={open.parent ? depth + 1 : 0}
          inherited={open.parent ? inForceAt(open.parent, plan.legend) : plan.legend}
          onSaved={(code) => close(`「${code}」を追加しました。`, updatedAt, `${code}:edit`)}
          onCancel={() => close()}
          onReload={reloadTree}
          reloading={reloading}
        />
      );
    }
    if (!node) return null;
    switch (open.kind) {
      case 'edit':
        return (
          <NodeForm
            key={generation}
            plan={plan}
            editing={node}
            depth={depth}
            inherited={inherited}
            onSaved={(code) => close(`「${code}」を保存しました。`, updatedAt, `${code}:edit`)}
            onCancel={() => close()}
            onReload={reloadTree}
            reloading={reloading}
          />
        );
      case 'move':
        return (
          <NodeMoveForm
            key={generation}
            plan={plan.code}
            nodes={nodes}
            node={node}
            parentCode={parentCode}
            onMoved={() => close(`「${nodeLabel(node)}」を移動しました。`, updatedAt, `${node.code}:move`)}
            onCancel={() => close()}
            onReload={reloadTree}
            reloading={reloading}
          />
        );
      case 'delete':
        return (
          <NodeDelete
            plan={plan.code}
            node={node}
            onDeleted={() => close(`「${nodeLabel(node)}」を削除しました。`, updatedAt, 'add-top')}
            onCancel={() => close()}
          />
        );
      case 'indicator':
        return (
          <div className="panel" key={generation}>
            {renderIndicatorEditor({
              node,
              indicatorCode: open.indicator,
              onDone: (saved) => close(saved ? (open.indicator ? '指標を保存しました。' : '指標を追加しました。') : undefined, saved ? updatedAt : undefined),
            })}
          </div>
        );
    }
  };

  const renderNodes = (list: readonly PlanTreeNode[], parentCode: string | null, depth: number, inherited: readonly RoleLegendEntry[]): ReactNode => (
    <ol className="builder-tree">
      {list.map((node, index) => {
        const label = nodeLabel(node);
        const level = plan.levels[depth];
        return (
          <li key={node.code} className="builder-tree__item" data-testid="builder-node">
            <div className="builder-node">
              <div className="builder-node__body">
                <p className="builder-node__title">
                  {level && <span className="tree__level">{level}</span>}
                  <span className="builder-node__code">{node.code}</span> {node.title}
                </p>
                {node.mainTarget && <p className="table__sub tree__target">主な対象: {node.mainTarget}</p>}
                {node.activityUnit && <p className="table__sub">主な活動の単位: {node.activityUnit}</p>}
                {node.legend.length > 0 && (
                  <p className="table__sub">
                    <LegendLine legend={node.legend} scope="この項目とその下の項目" />
                  </p>
                )}
                {node.roles.length > 0 && (
                  <ul className="builder-node__roles" aria-label={`${label}の役割分担`}>
                    {node.roles.map((r) => (
                      <li key={r.actor}>
                        <span aria-hidden="true" className={`role-mark${r.role ? ` role-mark--${r.role.toLowerCase()}` : ''}`}>
                          {r.symbol}
                        </span>
                        {plan.actors.find((a) => a.key === r.actor)?.name ?? r.actor}
                        {r.inLegend && r.meaning ? (
                          <span className="visually-hidden">（{r.meaning}）</span>
                        ) : (
                          <span className="tree__tag tree__tag--warn">{NOT_IN_LEGEND}</span>
                        )}
                        {r.statement && <span className="table__sub">: {r.statement}</span>}
                      </li>
                    ))}
                  </ul>
                )}
                {node.indicators.length > 0 && (
                  <ul className="builder-node__indicators" aria-label={`${label}の成果指標`}>
                    {node.indicators.map((i) => (
                      <li key={i.code}>
                        <span className="tree__tag">指標</span>
                        <Link to={links.indicator(i.code)}>{i.name}</Link>
                        {i.unit && <span className="table__sub">（{i.unit}）</span>}
                        {i.notSet && (
                          <span className="tree__tag tree__tag--warn" title={i.notSetReason ?? undefined}>
                            未設定{i.notSetReason ? `（${i.notSetReason}）` : ''}
                          </span>
                        )}{' '}
                        <Button
                          size="sm"
                          variant="secondary"
                          ref={register(`${node.code}:indicator:${i.code}`)}
                          onClick={() => start({ kind: 'indicator', code: node.code, indicator: i.code })}
                          aria-label={`指標を編集: ${i.name}`}
                        >
                          指標を編集
                        </Button>
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              <div className="builder-node__actions" role="group" aria-label={`${label}の操作`}>
                <Button size="sm" variant="secondary" ref={register(`${node.code}:edit`)} onClick={() => start({ kind: 'edit', code: node.code })} aria-label={`${label}を編集`}>
                  編集
                </Button>
                <Button size="sm" variant="secondary" ref={register(`${node.code}:add`)} onClick={() => start({ kind: 'add', parent: node })} aria-label={`${label}の下に項目を追加`}>
                  下に項目を追加
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  ref={register(`${node.code}:up`)}
                  disabled={index === 0}
                  onClick={() => void moveBy(node, parentCode, index, -1)}
                  aria-label={`${label}を上へ移動`}
                >
                  上へ
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  ref={register(`${node.code}:down`)}
                  disabled={index === list.length - 1}
                  onClick={() => void moveBy(node, parentCode, index, 1)}
                  aria-label={`${label}を下へ移動`}
                >
                  下へ
                </Button>
                <Button size="sm" variant="secondary" ref={register(`${node.code}:move`)} onClick={() => start({ kind: 'move', code: node.code })} aria-label={`${label}を別の親へ移動`}>
                  移動
                </Button>
                <Button
                  size="sm"
                  variant="secondary"
                  ref={register(`${node.code}:add-indicator`)}
                  onClick={() => start({ kind: 'indicator', code: node.code })}
                  aria-label={`${label}に指標を追加`}
                >
                  指標を追加
                </Button>
                <Button size="sm" variant="secondary" ref={register(`${node.code}:delete`)} onClick={() => start({ kind: 'delete', code: node.code })} aria-label={`${label}を削除`}>
                  削除
                </Button>
              </div>
            </div>
            {moveError?.code === node.code &&
              (isStaleVersion(moveError.error) ? (
                <StaleVersionAlert onReload={reloadTree} reloading={reloading} message={ITEM_CONFLICT_MESSAGE} />
              ) : (
                <ProblemAlert error={moveError.error} />
              ))}
            {renderForm(node, parentCode, depth, inherited)}
            {node.children.length > 0 && renderNodes(node.children, node.code, depth + 1, inForceAt(node, inherited))}
          </li>
        );
      })}
    </ol>
  );

  return (
    <div className="stack">
      <div aria-live="polite">
        {notice && <Alert kind="success">{notice}</Alert>}
      </div>
      <div className="actions">
        <Button ref={register('add-top')} onClick={() => start({ kind: 'add', parent: null })}>
          最上位に項目を追加
        </Button>
      </div>
      {renderForm(null, null, 0, plan.legend)}
      {nodes.length === 0 ? (
        <p className="empty">この計画にはまだ項目がありません。「最上位に項目を追加」から始めてください。</p>
      ) : (
        renderNodes(nodes, null, 0, plan.legend)
      )}
    </div>
  );
}
