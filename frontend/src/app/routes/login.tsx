import { useQueryClient } from '@tanstack/react-query';
import { Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { LoginForm } from '@/features/auth/components/login-form';
import { getAccessToken } from '@/lib/session';

export function LoginRoute() {
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const from = (location.state as { from?: string } | null)?.from;

  if (getAccessToken()) return <Navigate to={from ?? paths.directory} replace />;

  const onSuccess = async () => {
    queryClient.removeQueries();
    await queryClient.fetchQuery(meQueryOptions);
    navigate(from && from !== paths.login ? from : paths.directory, { replace: true });
  };

  return (
    <main id="main" className="login">
      <div className="login__box">
        <p className="login__brand">
          Tsunagu <span>つなぐ</span>
        </p>
        <PageHeading>ログイン</PageHeading>
        {search.get('expired') && (
          <Alert kind="info">ログインの有効期限が切れました。もう一度ログインしてください。</Alert>
        )}
        <LoginForm onSuccess={onSuccess} />
      </div>
    </main>
  );
}
