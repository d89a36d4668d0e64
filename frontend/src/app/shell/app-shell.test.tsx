import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { getAccessToken, getProviderSession, saveProviderSession, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { cityProvider } from '@/testing/oidc-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { AppShell } from './app-shell';

function renderShell(roles: string[], mustChangePassword = false, external = false) {
  mockFetch((request) =>
    new URL(request.url).pathname === '/api/v1/me'
      ? jsonResponse({ subject: 'u', displayName: '利用者', kind: 'USER', roles, scopes: [], districts: [], mustChangePassword, external })
      : jsonResponse({ status: 404 }, 404),
  );
  return renderWithProviders(
    <Routes>
      <Route path="/" element={<AppShell />} />
      <Route path="/login" element={<p>ログイン画面</p>} />
    </Routes>,
  );
}

async function menuItems() {
  await screen.findByText('利用者 さん');
  return within(screen.getByRole('navigation', { name: 'メインメニュー' }))
    .getAllByRole('link')
    .map((a) => [a.textContent, a.getAttribute('href')]);
}

describe('メインメニュー', () => {
  it('gives an admin the admin pages', async () => {
    renderShell(['ADMIN']);
    const items = await menuItems();
    expect(items).toContainEqual(['管理', '/admin/windows']);
    expect(items).toContainEqual(['困りごとの種類', '/admin/categories']);
    expect(items).toContainEqual(['職員アカウント', '/admin/accounts']);
    expect(items).toContainEqual(['API トークン', '/admin/tokens']);
    expect(items).toContainEqual(['Webhook', '/admin/webhooks']);
    expect(items).toContainEqual(['監査ログ', '/admin/audit']);
  });

  it('offers パスワード変更 beside ログアウト', async () => {
    renderShell(['VIEWER']);
    await screen.findByText('利用者 さん');
    expect(screen.getByRole('link', { name: 'パスワード変更' }).getAttribute('href')).toBe('/password');
  });

  it('offers no パスワード変更 to someone signed in through the city\'s identity provider', async () => {
    renderShell(['VIEWER'], false, true);
    await screen.findByText('利用者 さん');
    expect(screen.queryByRole('link', { name: 'パスワード変更' })).toBeNull();
    expect(screen.getByRole('button', { name: 'ログアウト' })).toBeTruthy();
  });

  it('offers no menu while a password set by an administrator waits to be changed', async () => {
    renderShell([], true);
    await screen.findByText('利用者 さん');
    expect(screen.queryByRole('navigation', { name: 'メインメニュー' })).toBeNull();
    expect(screen.getByRole('link', { name: 'パスワード変更' })).toBeTruthy();
  });

  it('gives a planner neither', async () => {
    renderShell(['PLANNER']);
    const labels = (await menuItems()).map(([label]) => label);
    expect(labels).toEqual(['相談先検索', '計画', '市の比較', '生活支援', '市民アンケート']);
  });

  it('offers 市の比較 to every staff role, a coordinator too', async () => {
    renderShell(['COORDINATOR']);
    expect(await menuItems()).toContainEqual(['市の比較', '/kpis/compare']);
  });
});

describe('ログアウト', () => {
  const END_SESSION = cityProvider.endSessionEndpoint!;
  const session = { provider: cityProvider, refreshToken: 'idp-refresh' };

  afterEach(() => vi.unstubAllGlobals());

  /** jsdom cannot navigate, and its location.assign cannot be spied on: a stand-in records where it was sent. */
  function stubAssign() {
    const assign = vi.fn<(url: string) => void>();
    vi.stubGlobal('location', { ...window.location, assign });
    return assign;
  }

  async function logOut() {
    const { client } = renderShell(['COORDINATOR']);
    await screen.findByText('利用者 さん');
    await userEvent.click(screen.getByRole('button', { name: 'ログアウト' }));
    return client;
  }

  it('ends a provider session at the provider too, and has it send the browser back to the login page', async () => {
    const assign = stubAssign();
    saveProviderSession('idp-token', 300, session);

    const client = await logOut();

    await vi.waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    expect(getAccessToken()).toBeNull();
    expect(getProviderSession()).toBeNull();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
    const url = new URL(assign.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe(END_SESSION);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'tsunagu-spa',
      post_logout_redirect_uri: `${window.location.origin}/login`,
    });
  });

  it('names the session to end with the ID token when there is one', async () => {
    const assign = stubAssign();
    saveProviderSession('idp-token', 300, { ...session, idToken: 'h.p.s' });

    await logOut();

    await vi.waitFor(() => expect(assign).toHaveBeenCalledTimes(1));
    const url = new URL(assign.mock.calls[0][0]);
    expect(url.searchParams.get('id_token_hint')).toBe('h.p.s');
    expect(url.searchParams.get('client_id')).toBe('tsunagu-spa');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${window.location.origin}/login`);
  });

  it('sends a built-in session to the login page, to no provider', async () => {
    const assign = stubAssign();
    saveSession('jwt-builtin', 28_800);

    const client = await logOut();

    expect(await screen.findByText('ログイン画面')).toBeTruthy();
    expect(assign).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
    expect(client.getQueryCache().getAll()).toHaveLength(0);
  });

  it('sends a provider session without an end-session endpoint to the login page, as a built-in one', async () => {
    const assign = stubAssign();
    saveProviderSession('idp-token', 300, { ...session, provider: { ...cityProvider, endSessionEndpoint: null } });

    await logOut();

    expect(await screen.findByText('ログイン画面')).toBeTruthy();
    expect(assign).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
    expect(getProviderSession()).toBeNull();
  });
});
