import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { useAreaSubtrees } from '@/features/areas/api/areas';
import { hasRole, useMe, type Me } from '@/features/auth/api/get-me';
import { useSupportCategories } from '@/features/categories/api/support-categories';
import { useIndicatorDefinitions } from '@/features/indicators/api/definitions';
import { useIndicator } from '@/features/indicators/api/indicators';
import { useSupportStatRule } from '@/features/indicators/api/support-stat-rules';
import { DefinitionLinkSection } from '@/features/indicators/components/definition-link-section';
import { IndicatorChart } from '@/features/indicators/components/indicator-chart';
import { IndicatorSummary } from '@/features/indicators/components/indicator-summary';
import { SeriesTable } from '@/features/indicators/components/series-table';
import { SupportStatRuleSection } from '@/features/indicators/components/support-stat-rule-section';
import { ValueHistory } from '@/features/indicators/components/value-history';
import { ValuesGrid, columnsOf } from '@/features/indicators/components/values-grid';
import { actualSourceOf } from '@/features/indicators/source';
import { indicatorYears } from '@/features/indicators/values';
import { usePlan } from '@/features/plans/api/plans';

/**
 * GET /support-stat-rules and GET /indicators/{code}/history answer ADMIN, PLANNER, APPROVER and VIEWER; a
 * coordinator alone gets 403.
 */
export function canReadStatRules(me: Me | undefined): boolean {
  return (['ADMIN', 'PLANNER', 'APPROVER', 'VIEWER'] as const).some((role) => hasRole(me, role));
}

/**
 * One indicator: what it measures, a chart of targets and actuals, the values grid (computed values
 * marked and read-only), the derived table, the rule that takes its actuals from the support statistics,
 * and the history of its values.
 */
type AreaTreeNode = NonNullable<ReturnType<typeof useAreaSubtrees>[number]['data']>;

/** The city and every area below it, in tree order, indented by depth; retired areas are left out. */
function areaOptions(root: AreaTreeNode): { value: string; label: string }[] {
  const out: { value: string; label: string }[] = [];
  const walk = (node: AreaTreeNode, depth: number) => {
    if (node.retired) return;
    out.push({ value: node.code, label: `${'　'.repeat(depth)}${node.name}` });
    node.children.forEach((child) => walk(child, depth + 1));
  };
  walk(root, 0);
  return out;
}

export function IndicatorRoute() {
  const { code } = useParams();
  const indicator = useIndicator(code);
  const plan = usePlan(indicator.data?.planCode);
  const me = useMe();
  const editable = hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN');
  const readsRules = canReadStatRules(me.data);
  const rule = useSupportStatRule(code, readsRules);
  const categories = useSupportCategories(editable);
  // The 地域 of a support-statistics rule is picked from the plan's city and what lies below it.
  const cityCode = plan.data?.city?.code;
  const [cityTree] = useAreaSubtrees(editable && cityCode ? [cityCode] : []);
  // 共通の指標定義 (PLANNER, ADMIN) to choose from; the one linked is the indicator's definitionCode.
  const definitions = useIndicatorDefinitions(editable);

  // Wait for the rule too: until it is known, the actuals it writes would look typeable.
  if (indicator.isPending || (readsRules && rule.isPending)) return <Loading label="指標を読み込んでいます…" />;
  if (indicator.isError) return <ProblemAlert error={indicator.error} />;
  const i = indicator.data;
  const years = indicatorYears(i, plan.data);
  const disaggregated = columnsOf(i).some((c) => c !== null);
  const statRule = rule.data ?? null;

  return (
    <div className="stack">
      <p>
        <Link to={links.plan(i.planCode)}>← {i.planTitle}</Link>
      </p>
      <PageHeading lead={`${i.nodeCode} ${i.nodeTitle}`}>{i.name ?? `（名称なし: ${i.code}）`}</PageHeading>
      <IndicatorSummary indicator={i} />
      <section className="stack" aria-labelledby="chart-heading">
        <h2 id="chart-heading">目標値と実績値の推移</h2>
        {i.notSet && <p>目標値: 未設定（目標を定めない指標です。理由は上に記しています）</p>}
        <IndicatorChart indicator={i} years={years} />
      </section>
      <div className="indicator-layout">
        <ValuesGrid indicator={i} years={years} editable={editable} statRule={statRule} onReload={() => void indicator.refetch()} />
        <SeriesTable
          series={i.series}
          disaggregated={disaggregated}
          actualSource={actualSourceOf(i.values, statRule)}
          notSet={i.notSet ? { reason: i.notSetReason } : null}
        />
      </div>
      {rule.isError ? (
        <ProblemAlert error={rule.error} />
      ) : (
        rule.isSuccess && (
          <SupportStatRuleSection
            indicator={i}
            rule={statRule}
            editable={editable}
            categories={categories.data ?? []}
            defaultAreaCode={plan.data?.city?.code}
            areas={cityTree?.data ? areaOptions(cityTree.data) : undefined}
          />
        )
      )}
      {editable && categories.isError && <ProblemAlert error={categories.error} />}
      {editable &&
        (definitions.isError ? (
          <ProblemAlert error={definitions.error} />
        ) : (
          <DefinitionLinkSection
            indicatorCode={i.code}
            definitions={definitions.data}
            current={i.definitionCode}
          />
        ))}
      {readsRules && <ValueHistory code={i.code} disaggregated={disaggregated} />}
    </div>
  );
}
