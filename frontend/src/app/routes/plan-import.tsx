import { Link, useParams } from 'react-router';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { ImportWizard } from '@/features/evaluations/components/import-wizard';
import { usePlan } from '@/features/plans/api/plans';
import { yearsBetween } from '@/features/plans/plan-kind';

/** 事業調書の取り込み (PLANNER / ADMIN): the city's sheet as TSV, CSV or XLSX, checked before it is saved. */
export function PlanImportRoute() {
  const { code } = useParams();
  const plan = usePlan(code);
  const me = useMe();

  if (plan.isPending) return <Loading label="計画を読み込んでいます…" />;
  if (plan.isError) return <ProblemAlert error={plan.error} />;
  const p = plan.data;
  const allowed = hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN');

  return (
    <div className="stack">
      <p>
        <Link to={links.plan(p.code)}>← {p.title}</Link>
      </p>
      <PageHeading lead="事業調書のファイルを読み、作成・変更される取組と問題を確かめてから取り込みます。">
        {p.title} 事業調書の取り込み
      </PageHeading>
      {me.isSuccess && !allowed ? (
        <Alert kind="info">
          <p>取り込みは計画担当（PLANNER）または管理者だけが行えます。</p>
        </Alert>
      ) : (
        <ImportWizard plan={p.code} years={yearsBetween(p.periodStart, p.periodEnd)} />
      )}
    </div>
  );
}
