import { describe, expect, it } from 'vitest';
import { getAccessToken, getRefreshGrant } from '@/lib/session';
import { jsonResponse, mockFetch } from '@/testing/mock-fetch';
import { base64url, codeChallenge, ExternalLoginError, finishLogin, prepareLogin, randomToken, type ExternalLogin } from './oidc';

const keycloak: ExternalLogin = {
  issuer: 'https://idp.city.example/realms/staff',
  clientId: 'tsunagu-spa',
  authorizationEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/auth',
  tokenEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/token',
  scope: 'openid profile',
};

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
