import { useQueryClient } from '@tanstack/react-query';
import { Link, NavLink, Outlet, useNavigate } from 'react-router';
import { Button } from '@/components/ui/button';
import { paths } from '@/config/paths';
import { hasRole, useMe } from '@/features/auth/api/get-me';
import { endSession } from '@/features/auth/oidc';
import { canReadSurveys } from '../routes/survey-guard';

export function AppShell() {
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();

  const logout = async () => {
    // The session ends at once; where to sign out at the provider comes after.
    const providerSignOut = endSession();
    queryClient.clear();
    // A provider session is ended at the provider too, which sends the browser back to the login page; otherwise
    // the next person on a shared PC who clicks 庁内アカウントでログイン would be let in as this one.
    const url = await providerSignOut;
    if (url) window.location.assign(url);
    else navigate(paths.login, { replace: true });
  };

  // Until a password set by an administrator is changed, every page but パスワード変更 is refused: offer none.
  const links = me.data?.mustChangePassword ? [] : [
    { to: paths.directory, label: '相談先検索' },
    { to: paths.plans, label: '計画' },
    // Every staff role reads the comparison (GET /kpis/compare answers them all).
    { to: paths.kpiCompare, label: '市の比較' },
    { to: paths.support, label: '生活支援' },
    // Coordinators alone may not read surveys (the API answers 403), so they do not see the item.
    ...(canReadSurveys(me.data) ? [{ to: paths.surveys, label: '市民アンケート' }] : []),
    ...(hasRole(me.data, 'ADMIN')
      ? [
          { to: paths.adminWindows, label: '管理' },
          { to: paths.adminCategories, label: '困りごとの種類' },
          { to: paths.adminAccounts, label: '職員アカウント' },
          { to: paths.adminAreas, label: '地域' },
          { to: paths.adminTokens, label: 'API トークン' },
          { to: paths.adminWebhooks, label: 'Webhook' },
          { to: paths.adminAudit, label: '監査ログ' },
        ]
      : []),
  ];

  return (
    <>
      <a className="skip-link" href="#main">
        本文へ移動
      </a>
      <header className="header">
        <div className="header__inner">
          <p className="header__title">
            <NavLink to={paths.directory}>
              Tsunagu <span lang="ja">つなぐ</span>
            </NavLink>
          </p>
          <div className="header__user">
            {me.data && (
              <span>
                <span className="visually-hidden">ログイン中: </span>
                {me.data.displayName} さん
              </span>
            )}
            {/* A provider session's password lives with the city's identity provider, not here. */}
            {me.data && !me.data.external && (
              <Link to={paths.password} className="header__link">
                パスワード変更
              </Link>
            )}
            <Button variant="secondary" size="sm" onClick={() => void logout()}>
              ログアウト
            </Button>
          </div>
        </div>
        {links.length > 0 && (
          <nav className="nav" aria-label="メインメニュー">
            <ul className="nav__list">
              {links.map((l) => (
                <li key={l.to}>
                  <NavLink to={l.to} className="nav__link">
                    {l.label}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </header>
      <main id="main" className="main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="footer">
        <p>Tsunagu つなぐ — 地域福祉の計画・生活支援・相談先案内</p>
      </footer>
    </>
  );
}
