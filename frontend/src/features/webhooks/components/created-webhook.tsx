import { useId } from 'react';
import { Button } from '@/components/ui/button';
import { SecretField } from '@/components/ui/secret-field';
import type { CreatedWebhook } from '../api/webhooks';

/**
 * The signing secret of a subscription just registered, shown this once (the list never carries it), with how the
 * receiving system checks each delivery's signature with it. A lost secret means deleting the subscription and
 * registering it again.
 */
export function CreatedWebhookSecret({ created, onClose }: { created: CreatedWebhook; onClose: () => void }) {
  const headingId = useId();
  return (
    <section className="secret stack" aria-labelledby={headingId}>
      <h2 id={headingId}>Webhook を登録しました</h2>
      <p>
        <span className="code">{created.webhook.url}</span> に通知します。
      </p>
      <p className="secret__warning">
        <strong>署名の秘密はいまだけ表示します。</strong>
        この画面を閉じると二度と表示できません。コピーして、通知を受け取るシステムの設定に安全な方法で渡してください（メールやチャットに貼らないでください）。
      </p>
      <SecretField label="署名の秘密" value={created.secret} />
      <div className="stack">
        <h3>受け取る側での署名の確かめ方</h3>
        <p>
          通知には次のヘッダーが付きます: <span className="code">Tsunagu-Signature: t=&lt;UNIX 時刻（秒）&gt;,v1=&lt;署名&gt;</span>、
          <span className="code">Tsunagu-Event</span>（できごとの種類）、<span className="code">Tsunagu-Event-Id</span>。
        </p>
        <ol>
          <li>
            本文（JSON）をそのまま受け取り、<span className="code">t</span> と <span className="code">&quot;.&quot;</span> と本文をつないだ文字列を作ります。
          </li>
          <li>
            その文字列を、上の秘密を鍵にして HMAC-SHA256 で計算し、16 進の文字列にします:{' '}
            <span className="code">v1 = HMAC-SHA256(秘密, t + &quot;.&quot; + 本文)</span>
          </li>
          <li>
            計算した値が <span className="code">v1</span> と一致し、<span className="code">t</span> が数分以内のものだけを受け付けます。
          </li>
        </ol>
        <p>同じ通知が 2 度届くことがあります。本文の id（Tsunagu-Event-Id）で重複を除いてください。</p>
      </div>
      <div className="actions">
        <Button onClick={onClose}>控えたので閉じる</Button>
      </div>
    </section>
  );
}
