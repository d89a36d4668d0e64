import { useId, useRef, useState, type ReactNode } from 'react';
import { Button } from './button';

type Copied = 'yes' | 'no' | undefined;

/**
 * A secret shown once (a system token, a webhook's signing secret): read-only, selected on focus, with a button that
 * copies it. Where the browser refuses the clipboard, the text is selected for the person to copy themselves.
 */
export function SecretField({ label, value }: { label: ReactNode; value: string }) {
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState<Copied>();

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setCopied('yes');
    } catch {
      input.current?.select();
      setCopied('no');
    }
  };

  return (
    <>
      <div className="field">
        <label className="field__label" htmlFor={inputId}>
          {label}
        </label>
        <div className="secret__row">
          <input
            ref={input}
            id={inputId}
            className="input secret__value"
            readOnly
            value={value}
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
    </>
  );
}
