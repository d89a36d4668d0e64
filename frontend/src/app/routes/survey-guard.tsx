import type { ReactNode } from 'react';
import { Loading } from '@/components/ui/loading';
import { hasRole, useMe, type Me } from '@/features/auth/api/get-me';

/** The API lets ADMIN, PLANNER, APPROVER and VIEWER read 市民アンケート; a coordinator alone gets 403. */
export function canReadSurveys(me: Me | undefined): boolean {
  return (['ADMIN', 'PLANNER', 'APPROVER', 'VIEWER'] as const).some((role) => hasRole(me, role));
}

/** ADMIN and PLANNER register surveys, enter published values and upload responses. */
export function canEditSurveys(me: Me | undefined): boolean {
  return hasRole(me, 'ADMIN') || hasRole(me, 'PLANNER');
}

export function RequireSurveyReader({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!canReadSurveys(me.data)) {
    return (
      <div className="stack">
        <h1>このページを表示する権限がありません</h1>
        <p>市民アンケートは、計画担当（PLANNER）・承認者（APPROVER）・閲覧者（VIEWER）・管理者（ADMIN）が見られます。</p>
      </div>
    );
  }
  return <>{children}</>;
}
