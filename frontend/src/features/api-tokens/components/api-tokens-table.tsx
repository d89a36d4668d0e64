import { Button } from '@/components/ui/button';
import { formatDate, formatDateTime, formatJapanDateTime } from '@/lib/format';
import type { ApiToken } from '../api/api-tokens';
import { canRotate, daysLeft, graceEnd, lastValidDay, previousSecretWorks, tokenState, type TokenState } from '../expiry';
import { scopeLabel } from '../scopes';

export const TOKEN_STATE_LABELS: Record<TokenState, string> = {
  active: '有効',
  expiring: '有効（期限が近い）',
  expired: '期限切れ',
  revoked: '失効',
};

export interface ApiTokensTableProps {
  tokens: readonly ApiToken[];
  now: Date;
  busy?: boolean;
  onRenew: (token: ApiToken) => void;
  onRotate: (token: ApiToken) => void;
  onRevoke: (token: ApiToken) => void;
}

/** The expiry date, flagged in words (not by colour alone) when it has passed or is near. */
function Expiry({ token, now }: { token: ApiToken; now: Date }) {
  const state = tokenState(token, now);
  const day = `${formatDate(lastValidDay(token.expiresAt))}まで`;
  if (state === 'expired') {
    return (
      <span className="expiry expiry--expired">
        {day}
        <span className="expiry__note">期限切れ</span>
      </span>
    );
  }
  if (state === 'expiring') {
    return (
      <span className="expiry expiry--soon">
        {day}
        <span className="expiry__note">あと {daysLeft(token.expiresAt, now)} 日</span>
      </span>
    );
  }
  return <span className="expiry">{day}</span>;
}

/** When the secret was last rotated (Japan time), and until when the old one still works while it does. */
function Rotation({ token, now }: { token: ApiToken; now: Date }) {
  if (!token.rotatedAt) return <span className="muted">切り替えていません</span>;
  return (
    <>
      {formatJapanDateTime(token.rotatedAt)}
      {previousSecretWorks(token, now) && <div className="token-grace">古い秘密は{graceEnd(token.previousValidUntil)}まで使えます</div>}
    </>
  );
}

/**
 * 連携システム用の API トークン: what each may do, until when, when it was last used, whether it still works, and when
 * its secret was last rotated (with the old secret's grace while it lasts).
 */
export function ApiTokensTable({ tokens, now, busy, onRenew, onRotate, onRevoke }: ApiTokensTableProps) {
  if (tokens.length === 0) return <p className="empty">API トークンはまだ発行されていません。</p>;
  return (
    <div className="table-wrap" role="region" aria-label="API トークンの一覧（横にスクロールできます）" tabIndex={0}>
      <table className="table">
        <caption className="visually-hidden">API トークン</caption>
        <thead>
          <tr>
            <th scope="col">名前</th>
            <th scope="col">できること</th>
            <th scope="col">有効期限</th>
            <th scope="col">最後に使われた日時</th>
            <th scope="col">状態</th>
            <th scope="col">発行</th>
            <th scope="col">最後の切り替え</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((t) => {
            const state = tokenState(t, now);
            return (
              <tr key={t.id}>
                <th scope="row">{t.name}</th>
                <td>
                  <ul className="plain-list">
                    {t.scopes.map((s) => (
                      <li key={s}>
                        {scopeLabel(s)} <span className="code">{s}</span>
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  <Expiry token={t} now={now} />
                </td>
                <td>{t.lastUsedAt ? formatDateTime(t.lastUsedAt) : <span className="muted">まだ使われていません</span>}</td>
                <td>
                  {state === 'revoked' ? (
                    <>
                      <strong>{TOKEN_STATE_LABELS.revoked}</strong>
                      <div className="muted">{formatDate(t.revokedAt)}</div>
                    </>
                  ) : state === 'expired' ? (
                    <strong>{TOKEN_STATE_LABELS.expired}</strong>
                  ) : (
                    TOKEN_STATE_LABELS[state]
                  )}
                </td>
                <td>
                  {formatDate(t.createdAt)}
                  <div className="muted">{t.createdBy}</div>
                </td>
                <td>
                  <Rotation token={t} now={now} />
                </td>
                <td className="table__actions">
                  {state !== 'revoked' && (
                    <>
                      <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRenew(t)} aria-label={`期限を延ばす（${t.name}）`}>
                        期限を延ばす
                      </Button>
                      {canRotate(t, now) && (
                        <Button size="sm" variant="secondary" disabled={busy} onClick={() => onRotate(t)} aria-label={`秘密を切り替える（${t.name}）`}>
                          秘密を切り替える
                        </Button>
                      )}
                      <Button size="sm" variant="danger" disabled={busy} onClick={() => onRevoke(t)} aria-label={`失効させる（${t.name}）`}>
                        失効させる
                      </Button>
                    </>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
