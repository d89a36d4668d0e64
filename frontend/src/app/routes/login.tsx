import { useQueryClient } from '@tanstack/react-query';
import { Link, Navigate, useLocation, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { useLoginOptions } from '@/features/auth/api/get-login-options';
import { useSetupStatus } from '@/features/auth/api/setup';
import { ExternalLoginButton } from '@/features/auth/components/external-login-button';
import { LoginForm } from '@/features/auth/components/login-form';
import { externalLogin } from '@/features/auth/oidc';
import { isSignedIn } from '@/lib/session';
import { LoginFrame } from '@/features/auth/components/login-frame';

export function LoginRoute() {
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const queryClient = useQueryClient();
  const state = location.state as { from?: string; setupDone?: string } | null;
  const from = state?.from;
  const signedIn = isSignedIn();
  const options = useLoginOptions(!signedIn);
  // A new installation has no account yet: say so, and lead to 初期設定 (when this cannot be read, say nothing).
  const setup = useSetupStatus(!signedIn);

  if (signedIn) return <Navigate to={from ?? paths.directory} replace />;

  const onSuccess = async () => {
    queryClient.removeQueries();
    await queryClient.fetchQuery(meQueryOptions);
    navigate(from && from !== paths.login ? from : paths.directory, { replace: true });
  };

  // No answer (an older API, or none at all): offer the password form, whose own errors will explain.
  const passwordLogin = options.data?.passwordLogin ?? true;
  const external = externalLogin(options.data);

  return (
    <LoginFrame>
      <PageHeading>ログイン</PageHeading>
      {state?.setupDone && (
        <Alert kind="success" title="初期設定が完了しました">
          <p>管理者「{state.setupDone}」を作成しました。いま決めたパスワードでログインしてください。</p>
        </Alert>
      )}
      {setup.data?.needed && (
        <Alert kind="info" title="初期設定が必要です">
          <p>まだ管理者のアカウントがありません。API の起動時のログに表示される設定コードで、最初の管理者を作成してください。</p>
          <p>
            <Link to={paths.setup}>初期設定へ進む</Link>
          </p>
        </Alert>
      )}
      {search.get('expired') && (
        <Alert kind="info">ログインの有効期限が切れました。もう一度ログインしてください。</Alert>
      )}
      {options.isPending ? (
        <Loading />
      ) : (
        <>
          {external && <ExternalLoginButton login={external} returnTo={from} />}
          {external && passwordLogin && <p className="login__or">または Tsunagu のアカウントで</p>}
          {passwordLogin && <LoginForm onSuccess={onSuccess} />}
          {!external && !passwordLogin && (
            <Alert kind="error">ログインの方法が設定されていません。システム管理者にお問い合わせください。</Alert>
          )}
        </>
      )}
    </LoginFrame>
  );
}
