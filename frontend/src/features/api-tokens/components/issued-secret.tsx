import { useId, useRef, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { formatDate } from '@/lib/format';
import type { CreatedApiToken } from '../api/api-tokens';
import { lastValidDay } from '../expiry';

type Copied = 'yes' | 'no' | undefined;

/**
 * The secret of a token just issued, shown this once: the API keeps only its hash, so once this panel is closed
 * nobody can read it again (a lost secret means a new token). A button copies it; where the browser refuses the
 * clipboard, the text is selected for the person to copy themselves. The same panel shows a rotated token's new
 * secret, under its own heading and with what becomes of the old one.
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
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Copied>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(token.token);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };

  return (
    <section className="secret stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      <p className="secret__warning">
        <strong>このトークンはいまだけ表示します。</strong>
        この画面を閉じると二度と表示できません。コピーして、連携するシステムの設定に安全な方法で渡してください（メールやチャットに貼らないでください）。
      </p>
      {children}
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          トークン（{formatDate(lastValidDay(token.expiresAt))}まで有効）
        </label>
        <div className="secret__row">
          <input
            ref={input}
            id={inputId}
            className="input secret__value"
            readOnly
            value={token.token}
            spellCheck={false}
            autoComplete="off"
            onFocus={(e) => e.target.select()}
          />
          <Button variant="secondary" onClick={() => void copy()}>
            コピー
          </Button>
        </div>
      </div>
      <p aria-live="polite" className={copied === 'no' ? 'field__error' : undefined}>
        {copied === 'yes' ? 'コピーしました。' : copied === 'no' ? 'コピーできませんでした。選択されている文字列を Ctrl+C でコピーしてください。' : ''}
      </p>
      <div className="actions">
        <Button onClick={onClose}>控えたので閉じる</Button>
      </div>
    </section>
  );
}
