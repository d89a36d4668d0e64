import { describe, expect, it } from 'vitest';
import {
  getAccessToken,
  getProviderLogout,
  getRefreshGrant,
  saveProviderLogout,
  saveRefreshableSession,
  saveSession,
} from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import {
  base64url,
  codeChallenge,
  endSession,
  endSessionUrl,
  ExternalLoginError,
  externalLogin,
  finishLogin,
  prepareLogin,
  randomToken,
} from './oidc';
import { cityProvider } from '@/features/auth/testing/fixtures';

const keycloak = cityProvider;

const PENDING_KEY = 'tsunagu.oidc.pending';

function pending() {
  return JSON.parse(sessionStorage.getItem(PENDING_KEY)!) as { state: string; verifier: string; returnTo: string };
}

/** Starts a login and returns the state the provider would echo back. */
async function started(returnTo?: string) {
  const url = new URL(await prepareLogin(keycloak, returnTo));
  return url.searchParams.get('state')!;
}

describe('PKCE', () => {
  it('derives the S256 challenge of RFC 7636 Appendix B', async () => {
    expect(await codeChallenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('encodes base64url without padding', () => {
    expect(base64url(new Uint8Array([0xfb, 0xff]))).toBe('-_8');
    expect(base64url(new Uint8Array([116, 24, 223, 180, 151, 153, 224, 37, 79, 250, 96, 125, 216, 173, 187, 186, 22, 212, 37, 77, 105, 214, 191, 240, 91, 88, 5, 88, 83, 132, 141, 121]))).toBe(
      'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    );
  });

  it('makes verifiers of 43 unreserved characters, a new one each time', () => {
    const tokens = new Set(Array.from({ length: 20 }, randomToken));
    expect(tokens.size).toBe(20);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });
});

describe('prepareLogin', () => {
  it('sends people to the authorization endpoint with the code flow and S256 parameters', async () => {
    const url = new URL(await prepareLogin(keycloak, '/plans/P1'));

    expect(url.origin + url.pathname).toBe(keycloak.authorizationEndpoint);
    const params = Object.fromEntries(url.searchParams);
    expect(params).toEqual({
      response_type: 'code',
      client_id: 'tsunagu-spa',
      redirect_uri: `${window.location.origin}/auth/callback`,
      scope: 'openid profile',
      state: pending().state,
      code_challenge: await codeChallenge(pending().verifier),
      code_challenge_method: 'S256',
    });
    expect(params.state).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(params.code_challenge).not.toBe(pending().verifier);
    expect(pending().returnTo).toBe('/plans/P1');
  });

  it('keeps query parameters the endpoint already has', async () => {
    const url = new URL(await prepareLogin({ ...keycloak, authorizationEndpoint: 'https://login.example/authorize?p=B2C_1_staff' }));
    expect(url.searchParams.get('p')).toBe('B2C_1_staff');
    expect(url.searchParams.get('response_type')).toBe('code');
  });

  it('returns only to a page of this site', async () => {
    await prepareLogin(keycloak, '//evil.example/phish');
    expect(pending().returnTo).toBe('/');
    await prepareLogin(keycloak, '/login');
    expect(pending().returnTo).toBe('/');
    await prepareLogin(keycloak);
    expect(pending().returnTo).toBe('/');
  });
});

describe('finishLogin', () => {
  it('exchanges the code with the verifier and keeps the access token as the session', async () => {
    const state = await started('/support');
    const { verifier } = pending();
    const { requests } = mockFetch(() =>
      jsonResponse({ access_token: 'idp-access-token', token_type: 'Bearer', expires_in: 300, id_token: 'x.y.z' }),
    );

    const returnTo = await finishLogin(new URLSearchParams({ code: 'auth-code-1', state, iss: keycloak.issuer }));

    expect(returnTo).toBe('/support');
    expect(getAccessToken()).toBe('idp-access-token');
    expect(getRefreshGrant()).toBeNull();
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(keycloak.tokenEndpoint);
    expect(requests[0].method).toBe('POST');
    expect(requests[0].headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(requests[0].headers.get('Authorization')).toBeNull();
    expect(Object.fromEntries(new URLSearchParams(await requests[0].text()))).toEqual({
      grant_type: 'authorization_code',
      code: 'auth-code-1',
      redirect_uri: `${window.location.origin}/auth/callback`,
      client_id: 'tsunagu-spa',
      code_verifier: verifier,
    });
  });

  it('keeps the refresh token with the endpoint and client id to spend it at', async () => {
    const state = await started();
    mockFetch(() => jsonResponse({ access_token: 'idp-access-token', expires_in: 300, refresh_token: 'idp-refresh-token' }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(getAccessToken()).toBe('idp-access-token');
    expect(getRefreshGrant()).toEqual({
      refreshToken: 'idp-refresh-token',
      tokenEndpoint: keycloak.tokenEndpoint,
      clientId: 'tsunagu-spa',
    });
  });

  it('keeps the end-session endpoint, client id and ID token for signing out at the provider', async () => {
    const state = await started();
    mockFetch(() => jsonResponse({ access_token: 'idp-access-token', expires_in: 300, id_token: 'h.p.s' }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(getProviderLogout()).toEqual({
      endSessionEndpoint: keycloak.endSessionEndpoint,
      clientId: 'tsunagu-spa',
      idToken: 'h.p.s',
    });
  });

  it('keeps the end-session endpoint without an ID token when the provider sends none', async () => {
    const state = await started();
    mockFetch(() => jsonResponse({ access_token: 'idp-access-token', expires_in: 300, refresh_token: 'r' }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(getProviderLogout()).toEqual({ endSessionEndpoint: keycloak.endSessionEndpoint, clientId: 'tsunagu-spa' });
    expect(getRefreshGrant()?.refreshToken).toBe('r');
  });

  it('keeps nothing to sign out with when the provider has no end-session endpoint, not even the last one', async () => {
    saveProviderLogout({ endSessionEndpoint: 'https://old.example/logout', clientId: 'old', idToken: 'old.id.token' });
    const url = new URL(await prepareLogin({ ...keycloak, endSessionEndpoint: null }));
    mockFetch(() => jsonResponse({ access_token: 'idp-access-token', refresh_token: 'r', id_token: 'h.p.s' }));

    await finishLogin(new URLSearchParams({ code: 'c', state: url.searchParams.get('state')! }));

    expect(getAccessToken()).toBe('idp-access-token');
    expect(getProviderLogout()).toBeNull();
  });

  it('refuses a state it did not send, without calling the provider', async () => {
    await started();
    const { spy } = mockFetch(() => jsonResponse({ access_token: 'stolen' }));

    const error = await finishLogin(new URLSearchParams({ code: 'c', state: 'forged' })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ExternalLoginError);
    expect((error as Error).message).toContain('ログインの要求を確認できませんでした');
    expect(spy).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it('refuses a callback with nothing pending (replayed, or another tab)', async () => {
    const state = await started();
    sessionStorage.clear();
    await expect(finishLogin(new URLSearchParams({ code: 'c', state }))).rejects.toBeInstanceOf(ExternalLoginError);
  });

  it('refuses an answer naming another issuer', async () => {
    const state = await started();
    const { spy } = mockFetch(() => jsonResponse({ access_token: 't' }));
    await expect(finishLogin(new URLSearchParams({ code: 'c', state, iss: 'https://evil.example' }))).rejects.toThrow(
      'ログインの要求を確認できませんでした',
    );
    expect(spy).not.toHaveBeenCalled();
  });

  it("reports the provider's error and forgets the pending login", async () => {
    const state = await started();
    const error = await finishLogin(
      new URLSearchParams({ error: 'access_denied', error_description: 'User cancelled', state }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ExternalLoginError);
    expect((error as ExternalLoginError).message).toContain('取り消された');
    expect((error as ExternalLoginError).detail).toBe('User cancelled');
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it('reports a refused exchange with the reason the token endpoint gave', async () => {
    const state = await started();
    mockFetch(() => jsonResponse({ error: 'invalid_grant', error_description: 'Code not valid' }, 400));

    const error = await finishLogin(new URLSearchParams({ code: 'old', state })).catch((e: unknown) => e);

    expect((error as ExternalLoginError).message).toBe('認証基盤でトークンを受け取れませんでした。');
    expect((error as ExternalLoginError).detail).toBe('Code not valid（invalid_grant）');
    expect(getAccessToken()).toBeNull();
    expect(sessionStorage.getItem(PENDING_KEY)).toBeNull();
  });

  it('reports a token endpoint it cannot reach', async () => {
    const state = await started();
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(finishLogin(new URLSearchParams({ code: 'c', state }))).rejects.toThrow('認証基盤に接続できませんでした');
  });

  it('gives a token without expires_in a short lifetime', async () => {
    const state = await started();
    mockFetch(() => jsonResponse({ access_token: 'no-expiry' }));
    await finishLogin(new URLSearchParams({ code: 'c', state }));
    expect(getAccessToken()).toBe('no-expiry');
    expect(getAccessToken(Date.now() + 301_000)).toBeNull();
  });
});

describe('externalLogin', () => {
  const options = {
    passwordLogin: true,
    oidc: { ...keycloak, endSessionEndpoint: keycloak.endSessionEndpoint as string | null },
  };

  it("takes the provider's end-session endpoint from the login options", () => {
    expect(externalLogin(options)?.endSessionEndpoint).toBe(keycloak.endSessionEndpoint);
  });

  it('has none when the provider gives none', () => {
    const none = { ...options, oidc: { ...options.oidc, endSessionEndpoint: null } };
    expect(externalLogin(none)?.endSessionEndpoint).toBeNull();
  });
});

describe('endSessionUrl', () => {
  const logout = { endSessionEndpoint: keycloak.endSessionEndpoint!, clientId: 'tsunagu-spa' };

  it('asks the provider to sign out this client and come back to the login page (RP-Initiated Logout)', () => {
    const url = new URL(endSessionUrl(logout, 'https://tsunagu.city.example')!);

    expect(url.origin + url.pathname).toBe(keycloak.endSessionEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'tsunagu-spa',
      post_logout_redirect_uri: 'https://tsunagu.city.example/login',
    });
  });

  it('names the session with the ID token when there is one', () => {
    const url = new URL(endSessionUrl({ ...logout, idToken: 'h.p.s' })!);

    expect(url.searchParams.get('id_token_hint')).toBe('h.p.s');
    expect(url.searchParams.get('client_id')).toBe('tsunagu-spa');
    expect(url.searchParams.get('post_logout_redirect_uri')).toBe(`${window.location.origin}/login`);
  });

  it('keeps query parameters the endpoint already has', () => {
    const endpoint = 'https://login.example/logout?p=B2C_1_staff';
    const url = new URL(endSessionUrl({ ...logout, endSessionEndpoint: endpoint })!);
    expect(url.searchParams.get('p')).toBe('B2C_1_staff');
    expect(url.searchParams.get('client_id')).toBe('tsunagu-spa');
  });

  it('gives nothing for an endpoint that is not a URL', () => {
    expect(endSessionUrl({ ...logout, endSessionEndpoint: 'not a url' })).toBeNull();
  });
});

describe('endSession', () => {
  it("clears a provider session and returns the provider's sign-out URL", () => {
    const { tokenEndpoint, clientId } = keycloak;
    saveRefreshableSession('idp-access-token', 300, { refreshToken: 'r', tokenEndpoint, clientId });
    saveProviderLogout({ endSessionEndpoint: keycloak.endSessionEndpoint!, clientId: 'tsunagu-spa', idToken: 'h.p.s' });

    const url = new URL(endSession()!);

    expect(url.origin + url.pathname).toBe(keycloak.endSessionEndpoint);
    expect(url.searchParams.get('id_token_hint')).toBe('h.p.s');
    expect(getAccessToken()).toBeNull();
    expect(getRefreshGrant()).toBeNull();
    expect(getProviderLogout()).toBeNull();
  });

  it('clears a built-in session with nowhere to go', () => {
    saveSession('jwt-builtin', 28_800);
    expect(endSession()).toBeNull();
    expect(getAccessToken()).toBeNull();
  });

  it('forgets the sign-out when a built-in login replaces a provider session', () => {
    saveProviderLogout({ endSessionEndpoint: keycloak.endSessionEndpoint!, clientId: 'tsunagu-spa' });
    saveSession('jwt-builtin', 28_800);
    expect(endSession()).toBeNull();
  });
});
