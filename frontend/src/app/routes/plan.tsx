import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { SelectField } from '@/components/ui/field';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links, paths } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { usePlanTree } from '@/features/plans/api/plans';
import { SheetDownloadButtons } from '@/features/evaluations/components/sheet-download';
import { PlanFacts } from '@/features/plans/components/plan-header';
import { PlanTreeTable } from '@/features/plans/components/plan-tree-table';
import { yearsBetween } from '@/features/plans/plan-kind';
import { fiscalYearOf, formatFiscalYear } from '@/lib/fiscal-year';

/** One plan: its header, its tree with the role matrix and indicators, and the way to its dashboard and its 変更履歴. */
export function PlanRoute() {
  const { code } = useParams();
  const tree = usePlanTree(code);
  const [year, setYear] = useState<number | null>(null);
  const me = useMe();
  const canImport = hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN');
  // GET /plans/{plan}/changes and /indicator-value-changes answer these roles; a coordinator alone gets 403.
  const readsChanges = (['ADMIN', 'PLANNER', 'APPROVER', 'VIEWER'] as const).some((role) => hasRole(me.data, role));

  if (tree.isPending) return <Loading label="計画を読み込んでいます…" />;
  if (tree.isError) return <ProblemAlert error={tree.error} />;
  const { plan, nodes } = tree.data;
  const years = yearsBetween(plan.periodStart, plan.periodEnd);
  const current = fiscalYearOf(new Date());
  const chosen = year ?? (years.includes(current) ? current : plan.periodStart);

  return (
    <div className="stack">
      <p>
        <Link to={paths.plans}>← 計画一覧</Link>
      </p>
      <PageHeading>{plan.title}</PageHeading>
      <PlanFacts plan={plan} />
      {readsChanges && (
        <p>
          <Link to={links.planChanges(plan.code)}>変更履歴</Link>
          <span className="muted">（計画・項目・指標と値が、いつ・誰によって・どう変わったか）</span>
        </p>
      )}
      <div className="toolbar" role="group" aria-label="評価と事業調書">
        <SelectField
          label="年度"
          value={String(chosen)}
          options={years.map((y) => ({ value: String(y), label: formatFiscalYear(y) }))}
          onChange={(e) => setYear(Number(e.target.value))}
        />
        {/* Until a year is chosen here, the dashboard picks its own: the latest year with actuals. */}
        <Link className="btn btn--secondary toolbar__link" to={links.planDashboard(plan.code, year ?? undefined)}>
          {year === null ? '評価ダッシュボード' : `${formatFiscalYear(year)}の評価ダッシュボード`}
        </Link>
        <Link className="btn btn--secondary toolbar__link" to={links.evaluations(plan.code, chosen)}>
          事業調書の状況
        </Link>
        {canImport && (
          <Link className="btn btn--secondary toolbar__link" to={links.planImport(plan.code)}>
            取り込み
          </Link>
        )}
      </div>
      <SheetDownloadButtons plan={plan.code} fiscalYear={chosen} />
      <section className="stack" aria-labelledby="tree-heading">
        <h2 id="tree-heading">施策の体系と役割分担</h2>
        <PlanTreeTable nodes={nodes} actors={plan.actors} levels={plan.levels} />
      </section>
    </div>
  );
}
