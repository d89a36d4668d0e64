import { useId, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { SecretField } from '@/components/ui/secret-field';
import { formatDate } from '@/lib/format';
import type { CreatedApiToken } from '../api/api-tokens';
import { lastValidDay } from '../expiry';

/**
 * The secret of a token just issued, shown this once: the API keeps only its hash, so once this panel is closed
 * nobody can read it again (a lost secret means a new token). A button copies it (see SecretField). The same panel
 * shows a rotated token's new secret, under its own heading and with what becomes of the old one.
 */
export function IssuedSecret({
  token,
  onClose,
  title = `「${token.name}」を発行しました`,
  children,
}: {
  token: CreatedApiToken;
  onClose: () => void;
  /** The panel's heading (and name). */
  title?: string;
  /** Said after the warning (a rotation: until when the old secret works). */
  children?: ReactNode;
}) {
  const headingId = useId();
  return (
    <section className="secret stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="secret__warning">
        <strong>このトークンはいまだけ表示します。</strong>
        この画面を閉じると二度と表示できません。コピーして、連携するシステムの設定に安全な方法で渡してください（メールやチャットに貼らないでください）。
      </p>
      {children}
      <SecretField label={`トークン（${formatDate(lastValidDay(token.expiresAt))}まで有効）`} value={token.token} />
      <div className="actions">
        <Button onClick={onClose}>控えたので閉じる</Button>
      </div>
    </section>
  );
}
