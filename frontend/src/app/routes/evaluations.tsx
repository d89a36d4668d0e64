import { Link, useParams, useSearchParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { useEvaluationOverview } from '@/features/evaluations/api/evaluations';
import { EvaluationOverviewTable } from '@/features/evaluations/components/overview-table';
import { SheetDownloadButtons } from '@/features/evaluations/components/sheet-download';
import { DirectionCounts, SelfGradeCounts, StatusCounts } from '@/features/evaluations/components/status-counts';
import { usePlan } from '@/features/plans/api/plans';
import { yearsBetween } from '@/features/plans/plan-kind';
import { fiscalYearOf, formatFiscalYear } from '@/lib/fiscal-year';
import { formatEraDate } from '@/lib/format';

export function parseYear(value: string | null | undefined): number | undefined {
  if (!value || !/^\d{4}$/.test(value)) return undefined;
  return Number(value);
}

/** 事業調書の状況 of a plan and a fiscal year (?fiscalYear=2022; default: this year within the plan, else its first). */
export function EvaluationsRoute() {
  const { code } = useParams();
  const [params, setParams] = useSearchParams();
  const plan = usePlan(code);
  const requested = parseYear(params.get('fiscalYear'));
  const p = plan.data;
  const current = fiscalYearOf(new Date());
  const fiscalYear = requested ?? (p ? (current >= p.periodStart && current <= p.periodEnd ? current : p.periodStart) : undefined);
  const overview = useEvaluationOverview(code, fiscalYear);

  if (plan.isPending) return <Loading label="計画を読み込んでいます…" />;
  if (plan.isError) return <ProblemAlert error={plan.error} />;
  const year = fiscalYear!;
  const years = yearsBetween(Math.min(plan.data.periodStart, year), Math.max(plan.data.periodEnd, year));

  return (
    <div className="stack">
      <p>
        <Link to={links.plan(plan.data.code)}>← {plan.data.title}</Link>
      </p>
      <PageHeading lead={`${formatFiscalYear(year)}の事業調書（取組ごとの結果と自己評価）の作成・提出・承認の状況です。`}>
        {plan.data.title} 事業調書の状況
      </PageHeading>
      <div className="toolbar">
        <SelectField
          label="年度"
          value={String(year)}
          options={years.map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
          onChange={(e) => setParams({ fiscalYear: e.target.value }, { replace: true })}
        />
        <Link className="btn btn--secondary toolbar__link" to={links.planImport(plan.data.code)}>
          取り込み
        </Link>
      </div>
      <SheetDownloadButtons plan={plan.data.code} fiscalYear={year} />
      {overview.isPending ? (
        <Loading label="事業調書の状況を読み込んでいます…" />
      ) : overview.isError ? (
        <ProblemAlert error={overview.error} />
      ) : (
        <>
          <dl className="facts">
            <div>
              <dt>提出期限</dt>
              <dd>
                <time dateTime={overview.data.dueDate}>{formatEraDate(overview.data.dueDate)}</time>
              </dd>
            </div>
            <div>
              <dt>取組数</dt>
              <dd>{overview.data.items.length}件</dd>
            </div>
            <div>
              <dt>遅れ</dt>
              <dd>{overview.data.items.filter((i) => i.late).length}件</dd>
            </div>
          </dl>
          <div className="count-layout">
            <StatusCounts counts={overview.data.byStatus} />
            <SelfGradeCounts counts={overview.data.byGrade} />
            <DirectionCounts counts={overview.data.byDirection} />
          </div>
          <section className="stack" aria-labelledby="evaluation-items-heading">
            <h2 id="evaluation-items-heading">取組ごとの事業調書</h2>
            <EvaluationOverviewTable plan={plan.data.code} fiscalYear={year} items={overview.data.items} />
          </section>
        </>
      )}
    </div>
  );
}
