import { useEffect, useId, useRef, useState } from 'react';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { ApiError, isProblemType } from '@/lib/api/problem';
import { useDeleteNode, type PlanTreeNode } from '../api/plans';
import { nodeLabel } from './node-form';

/** What the counts of a node-in-use problem are called, in the order they are listed. */
const COUNT_LABELS: Record<string, string> = {
  nodes: '下位の項目',
  indicators: '成果指標',
  values: '指標の値',
  evaluations: '事業調書',
};

/** "成果指標 3 件" … for each count above zero, known kinds first. */
export function inUseCounts(error: unknown): string[] {
  if (!(error instanceof ApiError) || !error.problem.counts) return [];
  const counts = error.problem.counts;
  const keys = [...Object.keys(COUNT_LABELS).filter((k) => k in counts), ...Object.keys(counts).filter((k) => !(k in COUNT_LABELS))];
  return keys.filter((k) => (counts[k] ?? 0) > 0).map((k) => `${COUNT_LABELS[k] ?? k} ${counts[k]} 件`);
}

export interface NodeDeleteProps {
  plan: string;
  node: PlanTreeNode;
  onDeleted: () => void;
  onCancel: () => void;
}

/**
 * 削除 in steps: ask; if the API refuses because indicators, values or 事業調書 hang on the node (409 node-in-use),
 * show what and how many, and offer まとめて削除, which asks once more before it deletes all of it (cascade=true).
 */
export function NodeDelete({ plan, node, onDeleted, onCancel }: NodeDeleteProps) {
  const remove = useDeleteNode(plan);
  const [cascadeAsked, setCascadeAsked] = useState(false);
  const id = useId();
  const ref = useRef<HTMLDivElement>(null);
  const inUse = isProblemType(remove.error, 'node-in-use');

  useEffect(() => {
    ref.current?.focus();
  }, [inUse, cascadeAsked]);

  const run = async (cascade: boolean) => {
    try {
      await remove.mutateAsync({ node: node.code, cascade });
      onDeleted();
    } catch {
      // shown below
    }
  };

  const counts = inUseCounts(remove.error);
  return (
    <div ref={ref} tabIndex={-1} className="confirm" role="alertdialog" aria-labelledby={`${id}-title`} aria-describedby={`${id}-body`}>
      <p className="alert__title" id={`${id}-title`}>
        「{nodeLabel(node)}」を削除しますか？
      </p>
      <div id={`${id}-body`} className="stack">
        {inUse ? (
          cascadeAsked ? (
            <p>下位の項目と、それらに付いた成果指標・指標の値・事業調書をすべて削除します。元に戻せません。本当に削除しますか？</p>
          ) : (
            <>
              <p>{remove.error?.message}</p>
              {counts.length > 0 && (
                <ul aria-label="この項目に付いているもの">
                  {counts.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </ul>
              )}
            </>
          )
        ) : (
          <>
            <p>{node.children.length > 0 ? '下位の項目もいっしょに削除します。' : ''}削除すると元に戻せません。</p>
            {remove.isError && <ProblemAlert error={remove.error} />}
          </>
        )}
      </div>
      <div className="actions">
        {!inUse && (
          <Button variant="danger" onClick={() => void run(false)} disabled={remove.isPending}>
            削除する
          </Button>
        )}
        {inUse && !cascadeAsked && (
          <Button variant="danger" onClick={() => setCascadeAsked(true)}>
            まとめて削除
          </Button>
        )}
        {inUse && cascadeAsked && (
          <Button variant="danger" onClick={() => void run(true)} disabled={remove.isPending}>
            まとめて削除する
          </Button>
        )}
        <Button variant="secondary" onClick={onCancel}>
          やめる
        </Button>
      </div>
    </div>
  );
}
