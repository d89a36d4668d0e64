import { useId, useState } from 'react';
import { Alert, ProblemAlert } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { FocusOnError } from '@/components/ui/focus-on-error';
import { Loading } from '@/components/ui/loading';
import { PageHeading } from '@/components/ui/page-heading';
import { useApiTokens, useRevokeApiToken, type ApiToken, type CreatedApiToken } from '@/features/api-tokens/api/api-tokens';
import { ApiTokenForm } from '@/features/api-tokens/components/api-token-form';
import { ApiTokensTable } from '@/features/api-tokens/components/api-tokens-table';
import { IssuedSecret } from '@/features/api-tokens/components/issued-secret';
import { RenewForm } from '@/features/api-tokens/components/renew-form';
import { RotateForm } from '@/features/api-tokens/components/rotate-form';
import { EXPIRY_WARNING_DAYS, GRACE_OPTIONS, lastValidDay } from '@/features/api-tokens/expiry';
import { formatDate } from '@/lib/format';
import { RequireRole } from '../shell/require-auth';

type Mode =
  | { kind: 'list' }
  | { kind: 'create' }
  | { kind: 'issued'; token: CreatedApiToken }
  | { kind: 'rotate'; token: ApiToken }
  | { kind: 'rotated'; token: CreatedApiToken; graceHours: number }
  | { kind: 'renew'; token: ApiToken }
  | { kind: 'revoke'; token: ApiToken };

/** API トークン (ADMIN): the tokens other systems call the API with — issue, renew, rotate the secret, revoke. */
export function AdminTokensRoute() {
  return (
    <RequireRole role="ADMIN">
      <AdminTokensPage />
    </RequireRole>
  );
}

function AdminTokensPage() {
  const tokens = useApiTokens();
  const revoke = useRevokeApiToken();
  const [mode, setMode] = useState<Mode>({ kind: 'list' });
  const [notice, setNotice] = useState<string>();
  const headingId = useId();

  const open = (next: Mode) => {
    setNotice(undefined);
    revoke.reset();
    setMode(next);
  };
  const confirmRevoke = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        setMode({ kind: 'list' });
        setNotice(`「${token.name}」を失効させました。このトークンを使うシステムは、これから API を呼べません。`);
      },
    });

  return (
    <div className="stack">
      <PageHeading
        lead={`連携するシステム（オープンデータの公開、指標の実績値の送信など）が API を呼ぶためのトークンです。有効期限が ${EXPIRY_WARNING_DAYS} 日以内のものと切れたものには印が付きます。秘密が漏れたおそれがあるときや定期的な入れ替えには「秘密を切り替える」を使います。`}
      >
        API トークン
      </PageHeading>
      <div aria-live="polite">{notice && <Alert kind="success">{notice}</Alert>}</div>

      {mode.kind === 'list' && (
        <div>
          <Button onClick={() => open({ kind: 'create' })}>API トークンを発行</Button>
        </div>
      )}
      {mode.kind === 'create' && <ApiTokenForm onIssued={(token) => open({ kind: 'issued', token })} onCancel={() => setMode({ kind: 'list' })} />}
      {/* The secret lives only in this state: closing the panel forgets it, and the list never has it. */}
      {mode.kind === 'issued' && <IssuedSecret token={mode.token} onClose={() => setMode({ kind: 'list' })} />}
      {mode.kind === 'rotate' && (
        <RotateForm
          token={mode.token}
          onCancel={() => setMode({ kind: 'list' })}
          onRotated={(token, graceHours) => setMode({ kind: 'rotated', token, graceHours })}
        />
      )}
      {/* The new secret, like an issued one, lives only in this state. */}
      {mode.kind === 'rotated' && (
        <IssuedSecret token={mode.token} title={`「${mode.token.name}」の秘密を切り替えました`} onClose={() => setMode({ kind: 'list' })}>
          <p>{oldSecretNote(mode.graceHours)}</p>
        </IssuedSecret>
      )}
      {mode.kind === 'renew' && (
        <RenewForm
          token={mode.token}
          onCancel={() => setMode({ kind: 'list' })}
          onDone={(saved) => {
            setMode({ kind: 'list' });
            setNotice(`「${saved.name}」の有効期限を ${formatDate(lastValidDay(saved.expiresAt))} まで延ばしました。`);
          }}
        />
      )}
      {mode.kind === 'revoke' && (
        <section className="confirm" aria-labelledby={`${headingId}-revoke`}>
          <h2 id={`${headingId}-revoke`}>「{mode.token.name}」を失効させますか？</h2>
          <p>失効させたトークンは元に戻せず、期限も延ばせません。このトークンを使うシステムは、すぐに API を呼べなくなります。</p>
          <FocusOnError error={revoke.error}>
            <ProblemAlert error={revoke.error} />
          </FocusOnError>
          <div className="actions">
            <Button variant="danger" disabled={revoke.isPending} onClick={() => confirmRevoke(mode.token)}>
              {revoke.isPending ? '失効させています…' : '失効させる'}
            </Button>
            <Button variant="secondary" disabled={revoke.isPending} onClick={() => open({ kind: 'list' })}>
              やめる
            </Button>
          </div>
        </section>
      )}

      <section className="stack" aria-labelledby={headingId}>
        <h2 id={headingId}>発行したトークン</h2>
        {tokens.isPending ? (
          <Loading label="API トークンを読み込んでいます…" />
        ) : tokens.isError ? (
          <ProblemAlert error={tokens.error} />
        ) : (
          <ApiTokensTable
            tokens={tokens.data}
            now={new Date()}
            busy={revoke.isPending}
            onRenew={(token) => open({ kind: 'renew', token })}
            onRotate={(token) => open({ kind: 'rotate', token })}
            onRevoke={(token) => open({ kind: 'revoke', token })}
          />
        )}
      </section>
    </div>
  );
}

/** What became of the old secret, said beside the new one. */
function oldSecretNote(graceHours: number): string {
  if (graceHours === 0) return '古い秘密はもう使えません。連携するシステムの設定を、すぐに新しい秘密に替えてください。';
  const chosen = GRACE_OPTIONS.find((o) => o.hours === graceHours);
  const span = chosen ? chosen.label.replace('（既定）', '') : `${graceHours}時間`;
  return `古い秘密は、これから${span}のあいだ使えます（いつまでかは一覧に出ます）。その間に、連携するシステムの設定を新しい秘密に替えてください。`;
}
