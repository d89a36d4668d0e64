import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Alert } from '@/components/ui/alert';
import { PageHeading } from '@/components/ui/page-heading';
import { paths } from '@/config/paths';
import { meQueryOptions, useMe } from '@/features/auth/api/get-me';
import { PasswordForm } from '@/features/auth/components/password-form';

/**
 * パスワード変更. After an administrator set a temporary password, RequireAuth sends every page here until it is
 * changed; then /me is read again (the roles come back) and the person goes on to the start page.
 */
export function PasswordRoute() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [changed, setChanged] = useState(false);
  const forced = me.data?.mustChangePassword ?? false;

  const onChanged = async () => {
    if (forced) {
      await queryClient.fetchQuery({ ...meQueryOptions, staleTime: 0 });
      navigate(paths.directory, { replace: true });
    } else {
      setChanged(true);
    }
  };

  return (
    <div className="stack">
      <PageHeading lead="ログインに使うパスワードを変更します。">パスワード変更</PageHeading>
      {forced && (
        <Alert kind="info" title="パスワードの変更が必要です">
          <p>管理者がパスワードを再設定しました。新しいパスワードを決めてください。</p>
          <p>変更が済むまで、ほかの画面は使えません。</p>
        </Alert>
      )}
      <div aria-live="polite">{changed && <Alert kind="success">パスワードを変更しました。次回からは新しいパスワードでログインしてください。</Alert>}</div>
      <PasswordForm key={changed ? 'changed' : 'form'} onChanged={onChanged} />
    </div>
  );
}
