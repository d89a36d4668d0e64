import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Navigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { setupStatusQueryOptions, useSetupStatus } from '@/features/auth/api/setup';
import { LoginFrame } from '@/features/auth/components/login-frame';
import { SetupForm } from '@/features/auth/components/setup-form';

/** What the login page is told after 初期設定, to greet the new administrator. */
export interface SetupDoneState {
  setupDone: string;
}

/** 初期設定 (public): the first administrator of a new installation; once there is one, the login page. */
export function SetupRoute() {
  const queryClient = useQueryClient();
  const status = useSetupStatus();
  const [created, setCreated] = useState<string | null>(null);

  if (created) {
    const state: SetupDoneState = { setupDone: created };
    return <Navigate to={paths.login} replace state={state} />;
  }
  if (status.isPending) return <Loading />;
  // Not needed (or the API does not know the question): nothing to set up here.
  if (!status.data?.needed && !status.isError) return <Navigate to={paths.login} replace />;

  const onDone = (username: string) => {
    setCreated(username);
    // The login page must not offer 初期設定 any more.
    queryClient.setQueryData(setupStatusQueryOptions.queryKey, { needed: false });
  };

  return (
    <LoginFrame>
      <PageHeading lead="最初の管理者のアカウントを作成します。作成後は、この管理者で職員のアカウントを作ります。">初期設定</PageHeading>
      {status.isError && <Alert kind="info">初期設定が必要かどうかを確認できませんでした。作成できない場合は、API が起動しているか確かめてください。</Alert>}
      <SetupForm onDone={onDone} />
    </LoginFrame>
  );
}
