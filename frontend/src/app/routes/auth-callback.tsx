import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { meQueryOptions } from '@/features/auth/api/get-me';
import { ExternalLoginError, finishLogin } from '@/features/auth/oidc';
import { ApiError, errorMessage } from '@/lib/api/problem';
import { clearSession } from '@/lib/session';
import { LoginFrame } from '@/features/auth/components/login-frame';

interface Failure {
  message: string;
  detail?: string;
}

/** Signed in at the provider, but the API does not take the token (no Tsunagu role, wrong audience …). */
const NOT_ACCEPTED: Failure = {
  message: '庁内アカウントでの認証はできましたが、Tsunagu を利用する権限が確認できませんでした。',
  detail: 'アカウントに Tsunagu のロールが割り当てられているか、システム管理者にお問い合わせください。',
};

function failureOf(error: unknown): Failure {
  if (error instanceof ExternalLoginError) return { message: error.message, detail: error.detail };
  if (error instanceof ApiError && (error.status === 401 || error.status === 403)) return NOT_ACCEPTED;
  return { message: errorMessage(error) };
}

/** /auth/callback: where the city's identity provider sends people back with the authorization code. */
export function AuthCallbackRoute() {
  const [search] = useSearchParams();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [failure, setFailure] = useState<Failure | null>(null);
  // The code can be exchanged once only (StrictMode runs effects twice in development).
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const complete = async () => {
      try {
        const returnTo = await finishLogin(search);
        queryClient.removeQueries();
        await queryClient.fetchQuery(meQueryOptions);
        navigate(returnTo, { replace: true });
      } catch (error) {
        clearSession();
        setFailure(failureOf(error));
      }
    };
    void complete();
  }, [search, navigate, queryClient]);

  return (
    <LoginFrame>
      {failure ? (
        <>
          <PageHeading>ログインできませんでした</PageHeading>
          <Alert kind="error">
            <p>{failure.message}</p>
            {failure.detail && <p>{failure.detail}</p>}
          </Alert>
          <p>
            <Link to={paths.login}>ログイン画面へ戻る</Link>
          </p>
        </>
      ) : (
        <>
          <PageHeading>ログイン</PageHeading>
          <Loading label="ログインしています…" />
        </>
      )}
    </LoginFrame>
  );
}
