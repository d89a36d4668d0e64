import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Navigate, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { finishLogin } from '@/features/auth/oidc';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { cityProvider, idToken, providerJson, s256 } from '@/testing/oidc-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { LoginRoute } from './login';

const oidc = cityProvider;

function renderLogin(options: () => Response | Promise<Response>, setup?: { needed: boolean }) {
  const { requests } = mockFetch((request) => {
    const { pathname } = new URL(request.url);
    if (pathname === '/api/v1/auth/options') return options();
    if (pathname === '/api/v1/setup' && setup) return jsonResponse(setup);
    return jsonResponse({ status: 404 }, 404);
  });
  // As RequireAuth sends a visitor without a session: to /login, remembering the page.
  renderWithProviders(
    <Routes>
      <Route path="/login" element={<LoginRoute />} />
      <Route path="/plans" element={<Navigate to="/login" replace state={{ from: '/plans' }} />} />
    </Routes>,
    { route: '/plans' },
  );
  return { requests };
}

const BUTTON = { name: '庁内アカウントでログイン' };

afterEach(() => vi.unstubAllGlobals());

/** jsdom cannot navigate, and its location.assign cannot be spied on: a stand-in records where it was sent. */
function stubAssign() {
  const assign = vi.fn<(url: string) => void>();
  vi.stubGlobal('location', { ...window.location, assign });
  return assign;
}

describe('ログイン画面', () => {
  it('offers both the city account and the password form when both are enabled', async () => {
    const { requests } = renderLogin(() => jsonResponse({ passwordLogin: true, oidc }));

    expect(await screen.findByRole('button', BUTTON)).toBeTruthy();
    expect(screen.getByText(/idp\.city\.example/).textContent).toContain('市の認証基盤（idp.city.example）');
    expect(screen.getByLabelText(/ユーザー名/)).toBeTruthy();
    expect(screen.getByLabelText(/パスワード/)).toBeTruthy();
    expect(requests[0].headers.get('Authorization')).toBeNull();
  });

  it('shows only the city account button when password login is off', async () => {
    renderLogin(() => jsonResponse({ passwordLogin: false, oidc }));

    expect(await screen.findByRole('button', BUTTON)).toBeTruthy();
    expect(screen.queryByLabelText(/ユーザー名/)).toBeNull();
    expect(screen.queryByLabelText(/パスワード/)).toBeNull();
    expect(screen.queryByRole('button', { name: 'ログイン' })).toBeNull();
  });

  it('shows only the password form when no provider is configured', async () => {
    renderLogin(() => jsonResponse({ passwordLogin: true, oidc: null }));

    expect(await screen.findByLabelText(/ユーザー名/)).toBeTruthy();
    expect(screen.queryByRole('button', BUTTON)).toBeNull();
  });

  it('does not offer a provider it could not use (no client id)', async () => {
    renderLogin(() => jsonResponse({ passwordLogin: true, oidc: { ...oidc, clientId: null } }));

    expect(await screen.findByLabelText(/ユーザー名/)).toBeTruthy();
    expect(screen.queryByRole('button', BUTTON)).toBeNull();
  });

  it('falls back to the password form when the options cannot be loaded', async () => {
    renderLogin(() => jsonResponse({ status: 404, title: 'Not Found' }, 404));

    expect(await screen.findByLabelText(/ユーザー名/)).toBeTruthy();
    expect(screen.getByLabelText(/パスワード/)).toBeTruthy();
    expect(screen.queryByRole('button', BUTTON)).toBeNull();
  });

  it('falls back to the password form when the API is unreachable', async () => {
    renderLogin(() => Promise.reject(new TypeError('Failed to fetch')));

    expect(await screen.findByLabelText(/ユーザー名/)).toBeTruthy();
    expect(screen.queryByRole('button', BUTTON)).toBeNull();
  });

  it('leads a new installation, which has no administrator yet, to 初期設定', async () => {
    renderLogin(() => jsonResponse({ passwordLogin: true, oidc: null }), { needed: true });

    expect(await screen.findByText('初期設定が必要です')).toBeTruthy();
    expect(screen.getByRole('link', { name: '初期設定へ進む' }).getAttribute('href')).toBe('/setup');
    expect(screen.getByLabelText(/ユーザー名/)).toBeTruthy();
  });

  it('says nothing of 初期設定 once it is done', async () => {
    renderLogin(() => jsonResponse({ passwordLogin: true, oidc: null }), { needed: false });

    expect(await screen.findByLabelText(/ユーザー名/)).toBeTruthy();
    expect(screen.queryByText('初期設定が必要です')).toBeNull();
  });

  it('sends the browser to the provider with PKCE, to come back to the page that asked for it', async () => {
    const assign = stubAssign();
    renderLogin(() => jsonResponse({ passwordLogin: false, oidc }));

    await userEvent.setup().click(await screen.findByRole('button', BUTTON));

    await vi.waitFor(() => expect(assign).toHaveBeenCalledOnce());
    const url = new URL(assign.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe(oidc.authorizationEndpoint);
    expect(url.searchParams.get('client_id')).toBe(oidc.clientId);
    expect(url.searchParams.get('response_type')).toBe('code');
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(screen.getByRole('button', { name: '移動中…' })).toHaveProperty('disabled', true);

    // Back from the provider: the code is exchanged with the verifier behind that challenge, and the page was /plans.
    const { requests } = mockFetch(() => providerJson({ access_token: 'idp-token', id_token: idToken() }));
    const returnTo = await finishLogin(new URLSearchParams({ code: 'c', state: url.searchParams.get('state')! }));
    expect(returnTo).toBe('/plans');
    const verifier = new URLSearchParams(await requests[0].text()).get('code_verifier')!;
    expect(await s256(verifier)).toBe(url.searchParams.get('code_challenge'));
  });

  it('explains when the provider login cannot start (no Web Crypto: not opened over https)', async () => {
    const assign = stubAssign();
    vi.stubGlobal('crypto', { getRandomValues: (array: Uint32Array) => globalThis.crypto.getRandomValues(array) });
    renderLogin(() => jsonResponse({ passwordLogin: false, oidc }));

    await userEvent.setup().click(await screen.findByRole('button', BUTTON));

    expect((await screen.findByRole('alert')).textContent).toContain('庁内アカウントでのログインを開始できませんでした');
    expect(screen.getByRole('button', BUTTON)).toHaveProperty('disabled', false);
    expect(assign).not.toHaveBeenCalled();
  });
});
