import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { usePlans } from '@/features/plans/api/plans';
import { PlansTable } from '@/features/plans/components/plans-table';

/** 計画一覧. */
export function PlansRoute() {
  const plans = usePlans();
  return (
    <div className="stack">
      <PageHeading lead="地域福祉計画などの計画と、その成果指標の進み具合を確認します。">計画</PageHeading>
      {plans.isPending ? <Loading label="計画を読み込んでいます…" /> : plans.isError ? <ProblemAlert error={plans.error} /> : <PlansTable plans={plans.data} />}
    </div>
  );
}
