import { QueryClient } from '@tanstack/react-query';
import { render, screen } from '@testing-library/react';
import { StrictMode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppProvider } from '@/app/provider';
import { prepareLogin } from '@/features/auth/oidc';
import { setUnauthorizedHandler } from '@/lib/api/client';
import { getAccessToken, getProviderSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { cityProvider, idToken, providerJson } from '@/testing/oidc-fixtures';
import { AuthCallbackRoute } from './auth-callback';

const keycloak = cityProvider;

const me = { subject: 'tanaka', displayName: '田中 一郎', kind: 'USER', roles: ['PLANNER'], scopes: [], districts: [] };

afterEach(() => setUnauthorizedHandler(() => {}));

/** The provider: its token endpoint answers `token`; the API answers /me with `meResponse`. */
function network(token: () => Response | Promise<Response>, meResponse: () => Response = () => jsonResponse(me)) {
  return mockFetch((request) => {
    if (request.url === keycloak.tokenEndpoint) return token();
    if (new URL(request.url).pathname === '/api/v1/me') return meResponse();
    return jsonResponse({ status: 404 }, 404);
  });
}

/** What this tab keeps of logins on their way to the provider (the provider, state, verifier). */
function pendingLogins(): string[] {
  return Object.keys(sessionStorage).filter((key) => key.startsWith('tsunagu.oidc.'));
}

async function startedAt(returnTo: string) {
  return new URL(await prepareLogin(keycloak, returnTo)).searchParams.get('state')!;
}

function renderCallback(query: Record<string, string>) {
  // StrictMode at the root (nested, React does not repeat effects) runs the effect twice, as in development:
  // the code must still be exchanged once, and the second run must not report the pending login as missing.
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <StrictMode>
      <AppProvider client={client}>
        <MemoryRouter initialEntries={[`/auth/callback?${new URLSearchParams(query)}`]}>
          <Routes>
            <Route path="/auth/callback" element={<AuthCallbackRoute />} />
            <Route path="/plans" element={<p>計画の一覧</p>} />
            <Route path="/login" element={<p>ログイン画面</p>} />
          </Routes>
        </MemoryRouter>
      </AppProvider>
    </StrictMode>,
  );
}

describe('/auth/callback', () => {
  it('exchanges the code, keeps the token and goes back to the page that asked for login', async () => {
    const state = await startedAt('/plans');
    let answer: () => void = () => {};
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const { requests } = network(() =>
      answered.then(() => providerJson({ access_token: 'idp-token', token_type: 'Bearer', expires_in: 600, id_token: idToken() })),
    );

    renderCallback({ code: 'code-1', state });

    // While the provider answers: a progress line, and no error from a second run of the effect.
    await vi.waitFor(() => expect(requests).toHaveLength(1));
    await new Promise((settled) => setTimeout(settled, 20));
    expect(screen.getByText('ログインしています…')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    answer();

    expect(await screen.findByText('計画の一覧')).toBeTruthy();
    expect(getAccessToken()).toBe('idp-token');
    expect(pendingLogins()).toEqual([]);
    const exchanges = requests.filter((r) => r.url === keycloak.tokenEndpoint);
    expect(exchanges).toHaveLength(1);
    expect(new URLSearchParams(await exchanges[0].text()).get('code')).toBe('code-1');
    const meCall = requests.find((r) => new URL(r.url).pathname === '/api/v1/me')!;
    expect(meCall.headers.get('Authorization')).toBe('Bearer idp-token');
  });

  it('keeps the refresh token and where to spend it, so the short access token can be renewed', async () => {
    const state = await startedAt('/plans');
    const id = idToken();
    network(() => providerJson({ access_token: 'idp-token', expires_in: 300, refresh_token: 'idp-refresh', id_token: id }));

    renderCallback({ code: 'code-1', state });

    expect(await screen.findByText('計画の一覧')).toBeTruthy();
    expect(getAccessToken()).toBe('idp-token');
    expect(getProviderSession()).toEqual({ provider: keycloak, refreshToken: 'idp-refresh', idToken: id });
  });

  it('keeps the end-session endpoint and ID token, so logging out can sign out at the provider too', async () => {
    const state = await startedAt('/plans');
    const id = idToken();
    network(() => providerJson({ access_token: 'idp-token', expires_in: 300, id_token: id }));

    renderCallback({ code: 'code-1', state });

    expect(await screen.findByText('計画の一覧')).toBeTruthy();
    expect(getProviderSession()).toEqual({ provider: keycloak, idToken: id });
    expect(getProviderSession()?.provider.endSessionEndpoint).toBe(keycloak.endSessionEndpoint);
  });

  it('refuses a state mismatch with a message and a way back to the login page', async () => {
    await startedAt('/plans');
    const { spy } = network(() => providerJson({ access_token: 'idp-token', expires_in: 600, id_token: idToken() }));

    renderCallback({ code: 'code-1', state: 'not-the-one-we-sent' });

    expect(await screen.findByRole('heading', { name: 'ログインできませんでした' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('ログインの要求を確認できませんでした');
    expect(screen.getByRole('link', { name: 'ログイン画面へ戻る' }).getAttribute('href')).toBe('/login');
    expect(spy).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
    expect(pendingLogins()).toEqual([]);
  });

  it("shows the provider's error", async () => {
    const state = await startedAt('/plans');
    const { spy } = network(() => providerJson({}));

    renderCallback({ error: 'server_error', error_description: 'Realm is disabled', state });

    expect((await screen.findByRole('alert')).textContent).toContain('Realm is disabled（server_error）');
    expect(screen.getByRole('link', { name: 'ログイン画面へ戻る' })).toBeTruthy();
    expect(spy).not.toHaveBeenCalled();
  });

  it('explains a failed exchange', async () => {
    const state = await startedAt('/plans');
    network(() => providerJson({ error: 'invalid_grant', error_description: 'Code not valid' }, 400));

    renderCallback({ code: 'used', state });

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('認証基盤でトークンを受け取れませんでした');
    expect(alert.textContent).toContain('Code not valid');
    expect(getAccessToken()).toBeNull();
  });

  it('explains when the API does not accept the account, and forgets the token', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const state = await startedAt('/plans');
    network(
      () => providerJson({ access_token: 'no-roles', expires_in: 600, refresh_token: 'no-roles-refresh', id_token: idToken() }),
      () => jsonResponse({ title: 'Unauthorized', status: 401 }, 401),
    );

    renderCallback({ code: 'code-1', state });

    expect((await screen.findByRole('alert')).textContent).toContain('Tsunagu を利用する権限が確認できませんでした');
    expect(getAccessToken()).toBeNull();
    expect(getProviderSession()).toBeNull();
    expect(screen.queryByText('計画の一覧')).toBeNull();
  });
});
