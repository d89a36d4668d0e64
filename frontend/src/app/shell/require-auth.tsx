import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ProblemAlert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { paths } from '@/config/paths';
import { hasRole, useMe, type Role } from '@/features/auth/api/get-me';
import { isSignedIn } from '@/lib/session';

/** Sends a visitor without a session to the login page, remembering where they wanted to go. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const location = useLocation();
  // An expired provider token still counts: the /me call renews it, or ends the session if the provider refuses.
  const signedIn = isSignedIn();
  const me = useMe(signedIn);
  if (!signedIn) return <Navigate to={paths.login} replace state={{ from: location.pathname }} />;
  if (me.isPending) return <Loading />;
  if (me.isError) return <ProblemAlert error={me.error} />;
  // A password an administrator set (or reset) must be changed first: until then the account has no roles and every
  // other page would only be refused.
  if (me.data.mustChangePassword && location.pathname !== paths.password) {
    return <Navigate to={paths.password} replace state={{ from: location.pathname }} />;
  }
  return <>{children}</>;
}

export function RequireRole({ role, children }: { role: Role; children: ReactNode }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (!hasRole(me.data, role)) {
    return (
      <div className="stack">
        <h1>このページを表示する権限がありません</h1>
        <p>管理者（ADMIN）の権限が必要です。必要な場合はシステム管理者にお問い合わせください。</p>
      </div>
    );
  }
  return <>{children}</>;
}
