import { useId, useState, type FormEvent } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { FormActions } from '@/components/ui/form-actions';
import { StaleVersionAlert } from '@/components/ui/stale-version-alert';
import { isStaleVersion, ITEM_CONFLICT_MESSAGE } from '@/lib/api/problem';
import { useMoveNode, type PlanTreeNode } from '../api/plans';
import { nodeLabel } from './node-form';

const TOP = '';

function flatten(nodes: readonly PlanTreeNode[], depth = 0): { node: PlanTreeNode; depth: number }[] {
  return nodes.flatMap((node) => [{ node, depth }, ...flatten(node.children, depth + 1)]);
}

function childrenOf(nodes: readonly PlanTreeNode[], parent: string): readonly PlanTreeNode[] {
  if (parent === TOP) return nodes;
  return flatten(nodes).find((r) => r.node.code === parent)?.node.children ?? [];
}

export interface NodeMoveFormProps {
  plan: string;
  /** The whole tree, for the parents to choose from. */
  nodes: readonly PlanTreeNode[];
  node: PlanTreeNode;
  /** The node's parent now (null at the top). */
  parentCode: string | null;
  onMoved: () => void;
  onCancel: () => void;
  onReload: () => void;
  reloading?: boolean;
}

/**
 * 別の親へ移動: the new parent (the top, or any node outside the node's own subtree) and the place among its
 * children. The node's subtree, roles and indicators go with it.
 */
export function NodeMoveForm({ plan, nodes, node, parentCode, onMoved, onCancel, onReload, reloading }: NodeMoveFormProps) {
  const move = useMoveNode(plan);
  const id = useId();
  const current = parentCode ?? TOP;
  const [parent, setParent] = useState(current);
  const siblingsOf = (p: string) => childrenOf(nodes, p).filter((n) => n.code !== node.code);
  const [position, setPosition] = useState(() => {
    const index = childrenOf(nodes, current).findIndex((n) => n.code === node.code);
    return index < 0 ? siblingsOf(current).length : index;
  });

  const own = new Set(flatten([node]).map((r) => r.node.code));
  const parents = flatten(nodes).filter((r) => !own.has(r.node.code));
  const siblings = siblingsOf(parent);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await move.mutateAsync({ node: node.code, body: { parentCode: parent === TOP ? null : parent, position, version: node.version } });
      onMoved();
    } catch {
      // shown below
    }
  };

  return (
    <form className="stack panel" aria-labelledby={`${id}-heading`} onSubmit={submit} noValidate>
      <h3 id={`${id}-heading`}>移動: {nodeLabel(node)}</h3>
      <p className="muted">下位の項目・役割分担・指標もいっしょに移ります。</p>
      <div className="row">
        <SelectField
          label="移動先の親"
          autoFocus
          value={parent}
          options={[
            { value: TOP, label: '（最上位）' },
            ...parents.map((r) => ({ value: r.node.code, label: `${'　'.repeat(r.depth)}${nodeLabel(r.node)}` })),
          ]}
          onChange={(e) => {
            setParent(e.target.value);
            setPosition(siblingsOf(e.target.value).length);
          }}
        />
        <SelectField
          label="位置"
          value={String(position)}
          options={[
            { value: '0', label: '先頭' },
            ...siblings.map((s, i) => ({ value: String(i + 1), label: `「${nodeLabel(s)}」の後` })),
          ]}
          onChange={(e) => setPosition(Number(e.target.value))}
        />
      </div>
      <FocusOnError error={move.error}>
        <div aria-live="polite">
          {isStaleVersion(move.error) ? (
            <StaleVersionAlert onReload={onReload} reloading={reloading} message={ITEM_CONFLICT_MESSAGE} />
          ) : (
            <ProblemAlert error={move.error} />
          )}
        </div>
      </FocusOnError>
      <FormActions submitLabel="移動する" pending={move.isPending} onCancel={onCancel} />
    </form>
  );
}
