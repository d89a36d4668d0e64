import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Navigate, Route, Routes } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { renderWithProviders } from '@/testing/test-utils';
import { LoginRoute } from './login';
import { cityProvider } from '@/features/auth/testing/fixtures';

const { startLogin } = vi.hoisted(() => ({ startLogin: vi.fn() }));
vi.mock('@/features/auth/oidc', async (importOriginal) => ({
  ...(await importOriginal<typeof import('@/features/auth/oidc')>()),
  startLogin,
}));

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

  it('starts the provider login, to come back to the page that asked for it', async () => {
    renderLogin(() => jsonResponse({ passwordLogin: false, oidc }));

    await userEvent.setup().click(await screen.findByRole('button', BUTTON));

    expect(startLogin).toHaveBeenCalledOnce();
    expect(startLogin).toHaveBeenCalledWith(oidc, '/plans');
  });
});
