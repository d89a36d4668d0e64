import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { useIndicator } from '@/features/indicators/api/indicators';
import { IndicatorChart } from '@/features/indicators/components/indicator-chart';
import { IndicatorSummary } from '@/features/indicators/components/indicator-summary';
import { SeriesTable } from '@/features/indicators/components/series-table';
import { ValuesGrid, columnsOf } from '@/features/indicators/components/values-grid';
import { indicatorYears } from '@/features/indicators/values';
import { usePlan } from '@/features/plans/api/plans';

/** One indicator: what it measures, a chart of targets and actuals, the values grid and the derived table. */
export function IndicatorRoute() {
  const { code } = useParams();
  const indicator = useIndicator(code);
  const plan = usePlan(indicator.data?.planCode);
  const me = useMe();
  const editable = hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN');

  if (indicator.isPending) return <Loading label="指標を読み込んでいます…" />;
  if (indicator.isError) return <ProblemAlert error={indicator.error} />;
  const i = indicator.data;
  const years = indicatorYears(i, plan.data);
  const disaggregated = columnsOf(i).some((c) => c !== null);

  return (
    <div className="stack">
      <p>
        <Link to={links.plan(i.planCode)}>← {i.planTitle}</Link>
      </p>
      <PageHeading lead={`${i.nodeCode} ${i.nodeTitle}`}>{i.name ?? `（名称なし: ${i.code}）`}</PageHeading>
      <IndicatorSummary indicator={i} />
      <section className="stack" aria-labelledby="chart-heading">
        <h2 id="chart-heading">目標値と実績値の推移</h2>
        <IndicatorChart indicator={i} years={years} />
      </section>
      <div className="indicator-layout">
        <ValuesGrid indicator={i} years={years} editable={editable} onReload={() => void indicator.refetch()} />
        <SeriesTable series={i.series} disaggregated={disaggregated} />
      </div>
    </div>
  );
}
