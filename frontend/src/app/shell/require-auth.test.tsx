import { screen } from '@testing-library/react';
import { Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { saveProviderSession, saveSession } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { cityProvider, providerJson } from '@/testing/oidc-fixtures';
import { renderWithProviders } from '@/testing/test-utils';
import { RequireAuth } from './require-auth';

const TOKEN_ENDPOINT = cityProvider.tokenEndpoint;
const session = { provider: cityProvider, refreshToken: 'r' };
const me = { subject: 'tanaka', displayName: '田中 一郎', kind: 'USER', roles: ['COORDINATOR'], scopes: [], districts: [] };

function renderGuarded() {
  const network = mockFetch((request) =>
    request.url === TOKEN_ENDPOINT ? providerJson({ access_token: 'access-2', expires_in: 300 }) : jsonResponse(me),
  );
  renderWithProviders(
    <Routes>
      <Route path="/" element={<RequireAuth>相談の一覧</RequireAuth>} />
      <Route path="/login" element={<p>ログイン画面</p>} />
    </Routes>,
  );
  return network;
}

describe('RequireAuth', () => {
  it('keeps a provider session whose access token ran out while the tab sat idle, renewing it', async () => {
    saveProviderSession('access-1', 300, session, Date.now() - 600_000);
    const { requests } = renderGuarded();

    expect(await screen.findByText('相談の一覧')).toBeTruthy();
    const meCall = requests.find((r) => new URL(r.url).pathname === '/api/v1/me')!;
    expect(meCall.headers.get('Authorization')).toBe('Bearer access-2');
  });

  it('sends a built-in session whose token ran out to the login page', async () => {
    saveSession('jwt-builtin', 60, Date.now() - 120_000);
    const { spy } = renderGuarded();

    expect(await screen.findByText('ログイン画面')).toBeTruthy();
    expect(spy).not.toHaveBeenCalled();
  });
});
