import { useState } from 'react';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { links } from '@/config/paths';
import { useAreasOfKind } from '@/features/areas/api/areas';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { usePlans } from '@/features/plans/api/plans';
import { PlanForm } from '@/features/plans/components/plan-form';
import { PlansTable } from '@/features/plans/components/plans-table';

/** 計画一覧, and for planners and administrators 計画を作成 (the new plan opens at once, ready to be built). */
export function PlansRoute() {
  const plans = usePlans();
  const me = useMe();
  const canBuild = hasRole(me.data, 'PLANNER') || hasRole(me.data, 'ADMIN');
  const [creating, setCreating] = useState(false);
  const cities = useAreasOfKind('CITY', creating);
  const navigate = useNavigate();

  return (
    <div className="stack">
      <PageHeading lead="地域福祉計画などの計画と、その成果指標の進み具合を確認します。">計画</PageHeading>
      {canBuild && !creating && (
        <div className="actions">
          <Button onClick={() => setCreating(true)}>計画を作成</Button>
        </div>
      )}
      {creating &&
        (cities.isPending ? (
          <Loading label="市の一覧を読み込んでいます…" />
        ) : cities.isError ? (
          <ProblemAlert error={cities.error} />
        ) : (
          <PlanForm
            cities={cities.data.filter((c) => !c.retired)}
            onSaved={(plan) => void navigate(links.plan(plan.code), { state: { created: true } })}
            onCancel={() => setCreating(false)}
          />
        ))}
      {plans.isPending ? <Loading label="計画を読み込んでいます…" /> : plans.isError ? <ProblemAlert error={plans.error} /> : <PlansTable plans={plans.data} />}
    </div>
  );
}
