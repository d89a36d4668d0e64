import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { useEvaluation } from '@/features/evaluations/api/evaluations';
import { EvaluationEditor } from '@/features/evaluations/components/evaluation-editor';
import { TransitionsList } from '@/features/evaluations/components/transitions-list';
import { useIndicator } from '@/features/indicators/api/indicators';
import { IndicatorChart } from '@/features/indicators/components/indicator-chart';
import { indicatorYears } from '@/features/indicators/values';
import { usePlanTree, type Plan, type PlanTreeNode } from '@/features/plans/api/plans';
import { formatFiscalYear } from '@/lib/fiscal-year';
import { formatDateTime } from '@/lib/format';
import { parseYear } from './evaluations';

function findNode(nodes: readonly PlanTreeNode[], code: string): PlanTreeNode | undefined {
  for (const node of nodes) {
    if (node.code === code) return node;
    const found = findNode(node.children ?? [], code);
    if (found) return found;
  }
  return undefined;
}

/** One indicator of the measure with its chart of targets and actuals (the route composes the two features). */
function NodeIndicator({ code, name, plan }: { code: string; name: string | null; plan: Plan }) {
  const indicator = useIndicator(code);
  return (
    <li className="stack evaluation-indicator">
      <h3>
        <Link to={links.indicator(code)}>{name ?? `（名称なし: ${code}）`}</Link>
      </h3>
      {indicator.isPending ? (
        <Loading label="指標を読み込んでいます…" />
      ) : indicator.isError ? (
        <ProblemAlert error={indicator.error} />
      ) : (
        <IndicatorChart indicator={indicator.data} years={indicatorYears(indicator.data, plan)} />
      )}
    </li>
  );
}

/** 事業調書の編集: the text and self grade of one measure for one year, its workflow, its 経過 and indicators. */
export function EvaluationRoute() {
  const { code, node, fiscalYear: yearParam } = useParams();
  const fiscalYear = parseYear(yearParam);
  const tree = usePlanTree(code);
  const evaluation = useEvaluation(code, node, fiscalYear);
  const me = useMe();

  if (fiscalYear === undefined) return <ProblemAlert error={new Error('年度の指定が正しくありません')} />;
  if (tree.isPending || evaluation.isPending) return <Loading label="事業調書を読み込んでいます…" />;
  if (tree.isError) return <ProblemAlert error={tree.error} />;
  if (evaluation.isError) return <ProblemAlert error={evaluation.error} />;
  const { plan, nodes } = tree.data;
  const treeNode = findNode(nodes, node!);
  const e = evaluation.data;
  const title = e?.nodeTitle ?? treeNode?.title ?? node!;
  const permissions = {
    canWrite: hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN'),
    canApprove: hasRole(me.data, 'APPROVER'),
  };
  const indicators = treeNode?.indicators ?? [];

  return (
    <div className="stack">
      <p>
        <Link to={links.evaluations(plan.code, fiscalYear)}>← {formatFiscalYear(fiscalYear)}の事業調書の状況</Link>
      </p>
      <PageHeading lead={`${plan.title} ・ ${formatFiscalYear(fiscalYear)}の事業調書`}>
        {node} {title}
      </PageHeading>
      {treeNode?.summary && <p className="vision">{treeNode.summary}</p>}
      {e && (
        <p className="muted">
          最終更新: {formatDateTime(e.updatedAt)}（{e.updatedBy}）
        </p>
      )}
      <div className="indicator-layout">
        <div className="stack">
          <EvaluationEditor
            key={`${plan.code}/${node}/${fiscalYear}`}
            plan={plan.code}
            node={node!}
            fiscalYear={fiscalYear}
            evaluation={e}
            permissions={permissions}
            onReload={() => void evaluation.refetch()}
          />
          <section className="stack" aria-labelledby="transitions-heading">
            <h2 id="transitions-heading">経過</h2>
            <TransitionsList transitions={e?.transitions ?? []} />
          </section>
        </div>
        <section className="stack" aria-labelledby="node-indicators-heading">
          <h2 id="node-indicators-heading">成果指標</h2>
          {indicators.length === 0 ? (
            <p className="empty">この取組には成果指標がありません</p>
          ) : (
            <ul className="plain-list stack">
              {indicators.map((i) => (
                <NodeIndicator key={i.code} code={i.code} name={i.name ?? null} plan={plan} />
              ))}
            </ul>
          )}
        </section>
      </div>
    </div>
  );
}
