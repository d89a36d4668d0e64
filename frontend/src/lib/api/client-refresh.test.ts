import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  clearSession,
  getAccessToken,
  getExpiresAt,
  getProviderSession,
  isSignedIn,
  saveProviderSession,
  saveSession,
} from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { cityProvider, idToken, providerJson } from '@/testing/oidc-fixtures';
import { api, setUnauthorizedHandler } from './client';
import { ApiError, unwrap } from './problem';

const TOKEN_ENDPOINT = cityProvider.tokenEndpoint;
const session = { provider: cityProvider, refreshToken: 'refresh-1' };
const me = { subject: 'tanaka', displayName: '田中 一郎', kind: 'USER', roles: ['COORDINATOR'], scopes: [], districts: [] };

afterEach(() => setUnauthorizedHandler(() => {}));

/** The provider answers its token endpoint with `token`; the API answers everything else with /me. */
function network(token: () => Response | Promise<Response>) {
  const mocked = mockFetch((request) => (request.url === TOKEN_ENDPOINT ? token() : jsonResponse(me)));
  return {
    ...mocked,
    refreshes: () => mocked.requests.filter((r) => r.url === TOKEN_ENDPOINT),
    apiCalls: () => mocked.requests.filter((r) => r.url !== TOKEN_ENDPOINT),
  };
}

const renewed = (extra: Record<string, unknown> = {}) => () =>
  providerJson({ access_token: 'access-2', token_type: 'Bearer', expires_in: 300, ...extra });

/** A token endpoint that answers only when told to, so several requests can be waiting for it at once. */
function heldAnswer(answer: () => Response) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  return { respond: () => released.then(answer), release };
}

describe('token refresh', () => {
  it('sends a fresh provider token as it is, without asking the provider', async () => {
    saveProviderSession('access-1', 600, session);
    const { refreshes, apiCalls } = network(renewed());

    await api.GET('/api/v1/me').then(unwrap);

    expect(refreshes()).toHaveLength(0);
    expect(apiCalls()[0].headers.get('Authorization')).toBe('Bearer access-1');
  });

  it('renews a token that runs out within the minute before sending the request', async () => {
    saveProviderSession('access-1', 30, session);
    const { refreshes, apiCalls } = network(renewed());

    await api.GET('/api/v1/me').then(unwrap);

    expect(refreshes()).toHaveLength(1);
    const refresh = refreshes()[0];
    expect(refresh.method).toBe('POST');
    expect(refresh.headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(refresh.headers.get('Authorization')).toBeNull();
    expect(Object.fromEntries(new URLSearchParams(await refresh.text()))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'refresh-1',
      client_id: 'tsunagu-spa',
    });
    expect(apiCalls()[0].headers.get('Authorization')).toBe('Bearer access-2');
    expect(getAccessToken()).toBe('access-2');
    expect(getExpiresAt()).toBeGreaterThan(Date.now() + 290_000);
    // Not rotated: the same refresh token serves next time, at the same provider.
    expect(getProviderSession()).toEqual(session);
  });

  it('keeps how to sign out at the provider across a renewal', async () => {
    const id = idToken();
    saveProviderSession('access-1', 30, { ...session, idToken: id });
    const { refreshes } = network(renewed({ refresh_token: 'refresh-2' }));

    await api.GET('/api/v1/me').then(unwrap);

    expect(refreshes()).toHaveLength(1);
    expect(getProviderSession()).toEqual({ provider: cityProvider, refreshToken: 'refresh-2', idToken: id });
  });

  it('takes the new ID token a renewal brings, when it names the same person', async () => {
    saveProviderSession('access-1', 30, { ...session, idToken: idToken({ sub: 'tanaka', iat: 1 }) });
    const next = idToken({ sub: 'tanaka' });
    network(renewed({ id_token: next }));

    await api.GET('/api/v1/me').then(unwrap);

    expect(getProviderSession()?.idToken).toBe(next);
  });

  it('ends the session when a renewal brings an ID token naming someone else', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    saveProviderSession('access-1', 30, { ...session, idToken: idToken({ sub: 'tanaka' }) });
    const { apiCalls } = network(renewed({ id_token: idToken({ sub: 'suzuki' }) }));

    await expect(api.GET('/api/v1/me').then(unwrap)).rejects.toMatchObject({ status: 401 });

    expect(apiCalls()).toHaveLength(0);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(isSignedIn()).toBe(false);
  });

  it('renews a token that has already run out, and counts the session as signed in until then', async () => {
    saveProviderSession('access-1', 300, session, Date.now() - 600_000);
    expect(getAccessToken()).toBeNull();
    expect(isSignedIn()).toBe(true);
    const { refreshes, apiCalls } = network(renewed());

    await api.GET('/api/v1/me').then(unwrap);

    expect(refreshes()).toHaveLength(1);
    expect(apiCalls()[0].headers.get('Authorization')).toBe('Bearer access-2');
  });

  it('keeps a rotated refresh token and spends it on the next renewal', async () => {
    saveProviderSession('access-1', 30, session);
    const { refreshes } = network(renewed({ refresh_token: 'refresh-2', expires_in: 30 }));

    await api.GET('/api/v1/me').then(unwrap);
    expect(getProviderSession()).toEqual({ ...session, refreshToken: 'refresh-2' });

    await api.GET('/api/v1/me').then(unwrap);
    expect(refreshes()).toHaveLength(2);
    expect(new URLSearchParams(await refreshes()[1].text()).get('refresh_token')).toBe('refresh-2');
  });

  it('renews once for requests that find the token running out at the same time', async () => {
    saveProviderSession('access-1', 30, session);
    const provider = heldAnswer(renewed({ refresh_token: 'refresh-2' }));
    const { refreshes, apiCalls } = network(provider.respond);

    const calls = [api.GET('/api/v1/me'), api.GET('/api/v1/me'), api.GET('/api/v1/me')];
    await vi.waitFor(() => expect(refreshes()).toHaveLength(1));
    provider.release();
    await Promise.all(calls.map((call) => call.then(unwrap)));

    expect(refreshes()).toHaveLength(1);
    expect(apiCalls().map((r) => r.headers.get('Authorization'))).toEqual(Array(3).fill('Bearer access-2'));
  });

  it('ends the session once when the provider refuses the refresh token', async () => {
    saveProviderSession('access-1', 30, session);
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const provider = heldAnswer(() =>
      providerJson({ error: 'invalid_grant', error_description: 'Session not active' }, 400),
    );
    const { refreshes, apiCalls } = network(provider.respond);

    const calls = [api.GET('/api/v1/me'), api.GET('/api/v1/me')];
    await vi.waitFor(() => expect(refreshes()).toHaveLength(1));
    provider.release();
    const errors = await Promise.all(calls.map((call) => call.then(unwrap).catch((e: unknown) => e)));

    for (const error of errors) {
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).status).toBe(401);
    }
    expect(apiCalls()).toHaveLength(0);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(getAccessToken()).toBeNull();
    expect(getProviderSession()).toBeNull();
    expect(isSignedIn()).toBe(false);
    expect(sessionStorage.length).toBe(0);
  });

  it('ends the session when the provider cannot be reached', async () => {
    saveProviderSession('access-1', 30, session);
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    const { apiCalls } = network(() => Promise.reject(new TypeError('Failed to fetch')));

    await expect(api.GET('/api/v1/me').then(unwrap)).rejects.toMatchObject({ status: 401 });

    expect(apiCalls()).toHaveLength(0);
    expect(onUnauthorized).toHaveBeenCalledOnce();
    expect(isSignedIn()).toBe(false);
  });

  it('does not bring back a session logged out while the provider answered', async () => {
    saveProviderSession('access-1', 30, session);
    const provider = heldAnswer(renewed({ refresh_token: 'refresh-2' }));
    const { refreshes } = network(provider.respond);

    const call = api.GET('/api/v1/me');
    await vi.waitFor(() => expect(refreshes()).toHaveLength(1));
    clearSession();
    provider.release();
    await call;

    expect(sessionStorage.length).toBe(0);
  });

  it('never asks a provider for a built-in session, about to run out or run out', async () => {
    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    saveSession('jwt-builtin', 30);
    const { refreshes, apiCalls } = network(renewed());

    await api.GET('/api/v1/me').then(unwrap);
    expect(apiCalls()[0].headers.get('Authorization')).toBe('Bearer jwt-builtin');

    saveSession('jwt-builtin', 60, Date.now() - 120_000);
    expect(isSignedIn()).toBe(false);
    await api.GET('/api/v1/me');
    expect(apiCalls()[1].headers.get('Authorization')).toBeNull();

    expect(refreshes()).toHaveLength(0);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('forgets the refresh token when a built-in login replaces a provider session', () => {
    saveProviderSession('access-1', 300, session);
    saveSession('jwt-builtin', 28_800);
    expect(getProviderSession()).toBeNull();
    expect(getAccessToken()).toBe('jwt-builtin');
  });
});
