import { Link, useParams, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { useKpiSummary } from '@/features/plans/api/kpis';
import { usePlan } from '@/features/plans/api/plans';
import { GradeCounts } from '@/features/plans/components/grade-counts';
import { KpiCsvButton } from '@/features/plans/components/kpi-csv-button';
import { KpiTable } from '@/features/plans/components/kpi-table';
import { yearsBetween } from '@/features/plans/plan-kind';
import { formatFiscalYear } from '@/lib/fiscal-year';

function parseYear(value: string | null): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  return Number(value);
}

/**
 * 評価ダッシュボード of a plan and a fiscal year (?fiscalYear=2022). Without a year the API picks the latest
 * year with any actual, else the latest year of the plan's period up to today. The counts (未設定 apart from
 * 未評価) and rows of the year shown can be downloaded as CSV.
 */
export function PlanDashboardRoute() {
  const { code } = useParams();
  const [params, setParams] = useSearchParams();
  const requested = parseYear(params.get('fiscalYear'));
  const plan = usePlan(code);
  const summary = useKpiSummary(code, requested);
  const fiscalYear = requested ?? summary.data?.fiscalYear;

  if (plan.isPending) return <Loading label="計画を読み込んでいます…" />;
  if (plan.isError) return <ProblemAlert error={plan.error} />;
  const p = plan.data;
  const years = yearsBetween(Math.min(p.periodStart, fiscalYear ?? p.periodStart), Math.max(p.periodEnd, fiscalYear ?? p.periodEnd));

  return (
    <div className="stack">
      <p>
        <Link to={links.plan(p.code)}>← {p.title}</Link>
      </p>
      <PageHeading lead={fiscalYear ? `${formatFiscalYear(fiscalYear)}の成果指標の評価です。評価の低い順に並べています。` : undefined}>
        {p.title} 評価ダッシュボード
      </PageHeading>
      {fiscalYear === undefined ? (
        summary.isError ? <ProblemAlert error={summary.error} /> : <Loading label="実績のある年度を調べています…" />
      ) : (
        <>
          <div className="toolbar">
            <SelectField
              label="年度"
              value={String(fiscalYear)}
              options={years.map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
              onChange={(e) => setParams({ fiscalYear: e.target.value }, { replace: true })}
            />
            {summary.isSuccess && <KpiCsvButton planCode={p.code} planTitle={p.title} summary={summary.data} />}
          </div>
          {summary.isPending ? (
            <Loading label="評価を読み込んでいます…" />
          ) : summary.isError ? (
            <ProblemAlert error={summary.error} />
          ) : (
            <>
              <GradeCounts counts={summary.data.counts} />
              <section className="stack" aria-labelledby="kpi-rows-heading">
                <h2 id="kpi-rows-heading">成果指標（評価の低い順）</h2>
                <KpiTable rows={summary.data.rows} />
              </section>
            </>
          )}
        </>
      )}
    </div>
  );
}
