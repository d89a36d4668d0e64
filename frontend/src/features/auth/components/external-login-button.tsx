import { useState } from 'react';
import { Alert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { providerHost, startLogin, type ExternalLogin } from '../oidc';

/** 「庁内アカウントでログイン」: sends people to the city's identity provider, coming back to returnTo. */
export function ExternalLoginButton({ login, returnTo }: { login: ExternalLogin; returnTo?: string }) {
  const [pending, setPending] = useState(false);
  const [failed, setFailed] = useState(false);

  const start = async () => {
    setPending(true);
    setFailed(false);
    try {
      await startLogin(login, returnTo);
    } catch {
      // crypto.subtle exists only on https (or localhost); a malformed endpoint URL ends up here too.
      setFailed(true);
      setPending(false);
    }
  };

  return (
    <div className="stack">
      {failed && (
        <Alert kind="error">
          庁内アカウントでのログインを開始できませんでした。https で開いているか確認し、解決しない場合はシステム管理者にお問い合わせください。
        </Alert>
      )}
      <div>
        <Button onClick={() => void start()} disabled={pending}>
          {pending ? '移動中…' : '庁内アカウントでログイン'}
        </Button>
        <p className="login__provider">市の認証基盤（{providerHost(login)}）の画面でログインします。</p>
      </div>
    </div>
  );
}
