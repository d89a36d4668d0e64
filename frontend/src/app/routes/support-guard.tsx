import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { hasRole, useMe, type Me } from '@/features/auth/api/get-me';

/** 生活支援 coordination (recipients, requests, supporters) is for COORDINATOR and ADMIN; others see statistics only. */
export function canCoordinate(me: Me | undefined): boolean {
  return hasRole(me, 'COORDINATOR') || hasRole(me, 'ADMIN');
}

/**
 * A coordinator and nothing more: their work is their own districts, and the pickers offer those alone. Any other
 * role (ADMIN, PLANNER, APPROVER, VIEWER) looks at the whole city, so it keeps every area.
 */
export function seesOwnDistrictsOnly(me: Me | undefined): boolean {
  return hasRole(me, 'COORDINATOR') && !(['ADMIN', 'PLANNER', 'APPROVER', 'VIEWER'] as const).some((r) => hasRole(me, r));
}

export function RequireCoordinator({ children }: { children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!canCoordinate(me.data)) {
    return (
      <div className="stack">
        <h1>このページを表示する権限がありません</h1>
        <p>相談の受付と担い手の調整には、地域生活支援相談員（COORDINATOR）または管理者（ADMIN）の権限が必要です。</p>
        <p>
          <Link to={paths.supportStats}>地区の統計</Link>は表示できます。
        </p>
      </div>
    );
  }
  return <>{children}</>;
}
