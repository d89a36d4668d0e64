import { Button } from '@/components/ui/button';
import { formatDate } from '@/lib/format';
import type { Account } from '../api/accounts';
import { roleNames } from '../roles';

export interface AccountsTableProps {
  accounts: readonly Account[];
  onEdit: (account: Account) => void;
  onResetPassword: (account: Account) => void;
}

/** 職員アカウント: who may sign in, with what roles, for which districts, and when they last did. */
export function AccountsTable({ accounts, onEdit, onResetPassword }: AccountsTableProps) {
  if (accounts.length === 0) return <p className="empty">該当するアカウントはありません</p>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">職員アカウント</caption>
        <thead>
          <tr>
            <th scope="col">ユーザー名</th>
            <th scope="col">表示名</th>
            <th scope="col">ロール</th>
            <th scope="col">担当地区</th>
            <th scope="col">状態</th>
            <th scope="col">最終ログイン</th>
            <th scope="col">操作</th>
          </tr>
        </thead>
        <tbody>
          {accounts.map((a) => (
            <tr key={a.id}>
              <th scope="row">
                {a.username}
                {a.external && (
                  <>
                    {' '}
                    <span className="account-badge" title="市の認証基盤でログインします（パスワードはありません）">
                      市の認証基盤
                    </span>
                  </>
                )}
              </th>
              <td>{a.displayName}</td>
              <td>{a.roles.length ? roleNames(a.roles) : <span className="muted">なし</span>}</td>
              <td>{a.districts.length ? a.districts.map((d) => d.name).join('、') : <span className="muted">—</span>}</td>
              <td>
                {a.active ? '有効' : <strong>無効</strong>}
                {a.mustChangePassword && a.active && <div className="muted">パスワード変更待ち</div>}
              </td>
              <td>{a.lastSignInAt ? formatDate(a.lastSignInAt) : <span className="muted">まだありません</span>}</td>
              <td className="table__actions">
                <Button size="sm" variant="secondary" onClick={() => onEdit(a)} aria-label={`${a.username}を変更`}>
                  変更
                </Button>
                {!a.external && (
                  <Button size="sm" variant="secondary" onClick={() => onResetPassword(a)} aria-label={`${a.username}のパスワード再設定`}>
                    パスワード再設定
                  </Button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
