import { Navigate, useLocation } from 'react-router';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { hasRole, useMe, type Me } from '@/features/auth/api/get-me';
import { canCoordinate } from './support-guard';

/**
 * Where 生活支援 opens for someone: a coordinator's day starts at 要対応 (what needs a call now); an administrator,
 * who looks at the whole city, at 相談の一覧; everyone else at 地区の統計, the only page of 生活支援 they may read.
 */
export function supportStartPage(me: Me | undefined): string {
  if (hasRole(me, 'COORDINATOR') && !hasRole(me, 'ADMIN')) return paths.supportFollowUps;
  return canCoordinate(me) ? paths.supportRequests : paths.supportStats;
}

/**
 * 生活支援 itself (the main menu's 生活支援, and /support typed or bookmarked): sends each to their start page. An
 * address with a status (`/support?status=RECEIVED`, from when 相談の一覧 lived here) still opens that list.
 */
export function SupportLandingRoute() {
  const me = useMe();
  const { search } = useLocation();
  if (me.isPending) return <Loading />;
  if (new URLSearchParams(search).has('status')) return <Navigate to={{ pathname: paths.supportRequests, search }} replace />;
  return <Navigate to={supportStartPage(me.data)} replace />;
}
