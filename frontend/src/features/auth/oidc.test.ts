import { describe, expect, it } from 'vitest';
import { getAccessToken, getProviderSession, saveProviderSession, saveSession } from '@/lib/session';
import { mockFetch } from '@/testing/mock-fetch';
import { cityProvider, idToken, providerJson, s256 } from '@/testing/oidc-fixtures';
import { endSession, ExternalLoginError, externalLogin, finishLogin, prepareLogin } from './oidc';

const keycloak = cityProvider;

/** What this tab keeps of logins on their way to the provider (the provider, state, verifier). */
function pendingLogins(): string[] {
  return Object.keys(sessionStorage).filter((key) => key.startsWith('tsunagu.oidc.'));
}

/** Starts a login and returns the authorization request's parameters (state, code_challenge …). */
async function started(returnTo?: string, login = keycloak) {
  return Object.fromEntries(new URL(await prepareLogin(login, returnTo)).searchParams);
}

/** Starts a login and completes it with tokens from the provider; returns the page to go to. */
async function signedIn(returnTo?: string) {
  const { state } = await started(returnTo);
  mockFetch(() => providerJson({ access_token: 'idp-access-token', expires_in: 300, id_token: idToken() }));
  return finishLogin(new URLSearchParams({ code: 'c', state }));
}

describe('PKCE', () => {
  it('works out S256 as RFC 7636 Appendix B does (the reference the tests below compare with)', async () => {
    expect(await s256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('sends the token endpoint a verifier whose S256 digest is the challenge the authorization request carried', async () => {
    const { state, code_challenge, code_challenge_method } = await started();
    const { requests } = mockFetch(() => providerJson({ access_token: 't', id_token: idToken() }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(code_challenge_method).toBe('S256');
    const verifier = new URLSearchParams(await requests[0].text()).get('code_verifier')!;
    // RFC 7636 §4.1: 43 to 128 characters of the unreserved set.
    expect(verifier).toMatch(/^[A-Za-z0-9._~-]{43,128}$/);
    expect(code_challenge).toBe(await s256(verifier));
    expect(code_challenge).not.toBe(verifier);
  });

  it('makes a new state and verifier for every login', async () => {
    const logins = await Promise.all(Array.from({ length: 20 }, () => started()));
    expect(new Set(logins.map((l) => l.state)).size).toBe(20);
    expect(new Set(logins.map((l) => l.code_challenge)).size).toBe(20);
    for (const { state } of logins) expect(state).toMatch(/^[A-Za-z0-9_-]{32,}$/);
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
      state: params.state,
      code_challenge: params.code_challenge,
      code_challenge_method: 'S256',
    });
    expect(params.code_challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // The state is kept for this tab only, with the verifier (never sent before the code exchange).
    expect(pendingLogins().some((key) => key.endsWith(params.state))).toBe(true);
    expect(Object.keys(localStorage)).toHaveLength(0);
  });

  it('keeps query parameters the endpoint already has', async () => {
    const url = new URL(await prepareLogin({ ...keycloak, authorizationEndpoint: 'https://login.example/authorize?p=B2C_1_staff' }));
    expect(url.searchParams.get('p')).toBe('B2C_1_staff');
    expect(url.searchParams.get('response_type')).toBe('code');
  });

  it('comes back to the page that asked for the login', async () => {
    expect(await signedIn('/plans/P1')).toBe('/plans/P1');
  });

  it('returns only to a page of this site', async () => {
    expect(await signedIn('//evil.example/phish')).toBe('/');
    expect(await signedIn('/login')).toBe('/');
    expect(await signedIn()).toBe('/');
  });
});

describe('finishLogin', () => {
  it('exchanges the code with the verifier and keeps the access token as the session', async () => {
    const { state, code_challenge } = await started('/support');
    const { requests } = mockFetch(() =>
      providerJson({ access_token: 'idp-access-token', token_type: 'Bearer', expires_in: 300, id_token: idToken() }),
    );

    const returnTo = await finishLogin(new URLSearchParams({ code: 'auth-code-1', state, iss: keycloak.issuer }));

    expect(returnTo).toBe('/support');
    expect(getAccessToken()).toBe('idp-access-token');
    expect(getProviderSession()?.refreshToken).toBeUndefined();
    expect(pendingLogins()).toEqual([]);
    expect(requests).toHaveLength(1);
    expect(requests[0].url).toBe(keycloak.tokenEndpoint);
    expect(requests[0].method).toBe('POST');
    expect(requests[0].headers.get('Content-Type')).toBe('application/x-www-form-urlencoded');
    expect(requests[0].headers.get('Authorization')).toBeNull();
    const body = Object.fromEntries(new URLSearchParams(await requests[0].text()));
    expect(body).toEqual({
      grant_type: 'authorization_code',
      code: 'auth-code-1',
      redirect_uri: `${window.location.origin}/auth/callback`,
      client_id: 'tsunagu-spa',
      code_verifier: body.code_verifier,
    });
    expect(await s256(body.code_verifier)).toBe(code_challenge);
  });

  it('keeps the refresh token with the provider to spend it at', async () => {
    const { state } = await started();
    const id = idToken();
    mockFetch(() => providerJson({ access_token: 'idp-access-token', expires_in: 300, refresh_token: 'idp-refresh-token', id_token: id }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(getAccessToken()).toBe('idp-access-token');
    expect(getProviderSession()).toEqual({ provider: keycloak, refreshToken: 'idp-refresh-token', idToken: id });
  });

  it('keeps the ID token for signing out at the provider', async () => {
    const { state } = await started();
    const id = idToken({ sid: 'session-1' });
    mockFetch(() => providerJson({ access_token: 'idp-access-token', expires_in: 300, id_token: id }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(getProviderSession()).toEqual({ provider: keycloak, idToken: id });
  });

  it('refuses tokens without an ID token when the login asked for OpenID Connect (scope openid)', async () => {
    const { state } = await started();
    mockFetch(() => providerJson({ access_token: 'idp-access-token', expires_in: 300, refresh_token: 'r' }));

    const error = await finishLogin(new URLSearchParams({ code: 'c', state })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ExternalLoginError);
    expect((error as ExternalLoginError).message).toBe('認証基盤でトークンを受け取れませんでした。');
    expect((error as ExternalLoginError).detail).toContain('ID トークン');
    expect(getAccessToken()).toBeNull();
    expect(pendingLogins()).toEqual([]);
  });

  it('refuses an ID token that names no one', async () => {
    const { state } = await started();
    mockFetch(() => providerJson({ access_token: 'idp-access-token', id_token: idToken({ sub: undefined }) }));

    await expect(finishLogin(new URLSearchParams({ code: 'c', state }))).rejects.toThrow('認証基盤でトークンを受け取れませんでした');
    expect(getAccessToken()).toBeNull();
  });

  it('keeps the end-session endpoint without an ID token for a login that is plain OAuth (no openid scope)', async () => {
    const oauth = { ...keycloak, scope: 'profile' };
    const { state } = await started(undefined, oauth);
    mockFetch(() => providerJson({ access_token: 'idp-access-token', expires_in: 300, refresh_token: 'r' }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(getProviderSession()).toEqual({ provider: oauth, refreshToken: 'r' });
    const url = new URL((await endSession())!);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'tsunagu-spa',
      post_logout_redirect_uri: `${window.location.origin}/login`,
    });
  });

  it('keeps nothing to sign out with when the provider has no end-session endpoint, not even the last one', async () => {
    saveProviderSession('old-token', 300, { provider: { ...keycloak, clientId: 'old' }, idToken: 'old.id.token' });
    const { state } = await started(undefined, { ...keycloak, endSessionEndpoint: null });
    mockFetch(() => providerJson({ access_token: 'idp-access-token', refresh_token: 'r', id_token: idToken() }));

    await finishLogin(new URLSearchParams({ code: 'c', state }));

    expect(getAccessToken()).toBe('idp-access-token');
    expect(await endSession()).toBeNull();
  });

  it('refuses a state it did not send, without calling the provider', async () => {
    await started();
    const { spy } = mockFetch(() => providerJson({ access_token: 'stolen' }));

    const error = await finishLogin(new URLSearchParams({ code: 'c', state: 'forged' })).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ExternalLoginError);
    expect((error as Error).message).toContain('ログインの要求を確認できませんでした');
    expect(spy).not.toHaveBeenCalled();
    expect(getAccessToken()).toBeNull();
    expect(pendingLogins()).toEqual([]);
  });

  it('refuses a callback with nothing pending (replayed, or another tab)', async () => {
    const { state } = await started();
    sessionStorage.clear();
    const { spy } = mockFetch(() => providerJson({ access_token: 'stolen' }));
    await expect(finishLogin(new URLSearchParams({ code: 'c', state }))).rejects.toBeInstanceOf(ExternalLoginError);
    expect(spy).not.toHaveBeenCalled();
  });

  it('exchanges a code once: the same callback a second time is refused', async () => {
    const { state } = await started();
    const { spy } = mockFetch(() => providerJson({ access_token: 'idp-access-token', id_token: idToken() }));
    await finishLogin(new URLSearchParams({ code: 'c', state }));

    await expect(finishLogin(new URLSearchParams({ code: 'c', state }))).rejects.toThrow('ログインの要求を確認できませんでした');
    expect(spy).toHaveBeenCalledOnce();
  });

  it('refuses an answer naming another issuer', async () => {
    const { state } = await started();
    const { spy } = mockFetch(() => providerJson({ access_token: 't' }));
    await expect(finishLogin(new URLSearchParams({ code: 'c', state, iss: 'https://evil.example' }))).rejects.toThrow(
      'ログインの要求を確認できませんでした',
    );
    expect(spy).not.toHaveBeenCalled();
    expect(pendingLogins()).toEqual([]);
  });

  it("reports the provider's error and forgets the pending login", async () => {
    const { state } = await started();
    const error = await finishLogin(
      new URLSearchParams({ error: 'access_denied', error_description: 'User cancelled', state }),
    ).catch((e: unknown) => e);

    expect(error).toBeInstanceOf(ExternalLoginError);
    expect((error as ExternalLoginError).message).toContain('取り消された');
    expect((error as ExternalLoginError).detail).toBe('User cancelled');
    expect(pendingLogins()).toEqual([]);
  });

  it('reports a refused exchange with the reason the token endpoint gave', async () => {
    const { state } = await started();
    mockFetch(() => providerJson({ error: 'invalid_grant', error_description: 'Code not valid' }, 400));

    const error = await finishLogin(new URLSearchParams({ code: 'old', state })).catch((e: unknown) => e);

    expect((error as ExternalLoginError).message).toBe('認証基盤でトークンを受け取れませんでした。');
    expect((error as ExternalLoginError).detail).toBe('Code not valid（invalid_grant）');
    expect(getAccessToken()).toBeNull();
    expect(pendingLogins()).toEqual([]);
  });

  it('reports a token endpoint it cannot reach', async () => {
    const { state } = await started();
    mockFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    await expect(finishLogin(new URLSearchParams({ code: 'c', state }))).rejects.toThrow('認証基盤に接続できませんでした');
  });

  it('reports an answer with no access token', async () => {
    const { state } = await started();
    mockFetch(() => providerJson({ token_type: 'Bearer', id_token: idToken() }));
    const error = await finishLogin(new URLSearchParams({ code: 'c', state })).catch((e: unknown) => e);
    expect((error as ExternalLoginError).detail).toBe('応答にアクセストークンがありません。');
    expect(getAccessToken()).toBeNull();
  });

  it('gives a token without expires_in a short lifetime', async () => {
    const { state } = await started();
    mockFetch(() => providerJson({ access_token: 'no-expiry', id_token: idToken() }));
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

describe('endSession', () => {
  it('asks the provider to sign out this client and come back to the login page (RP-Initiated Logout)', async () => {
    saveProviderSession('idp-access-token', 300, { provider: keycloak, refreshToken: 'r' });

    const url = new URL((await endSession())!);

    expect(url.origin + url.pathname).toBe(keycloak.endSessionEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: 'tsunagu-spa',
      post_logout_redirect_uri: `${window.location.origin}/login`,
    });
  });

  it("clears a provider session and returns the provider's sign-out URL, naming the session with the ID token", async () => {
    saveProviderSession('idp-access-token', 300, { provider: keycloak, refreshToken: 'r', idToken: 'h.p.s' });

    const signOut = endSession();
    // Ended at once, before the URL is ready.
    expect(getAccessToken()).toBeNull();
    const url = new URL((await signOut)!);

    expect(url.origin + url.pathname).toBe(keycloak.endSessionEndpoint);
    expect(Object.fromEntries(url.searchParams)).toEqual({
      id_token_hint: 'h.p.s',
      client_id: 'tsunagu-spa',
      post_logout_redirect_uri: `${window.location.origin}/login`,
    });
    expect(getAccessToken()).toBeNull();
    expect(getProviderSession()).toBeNull();
    expect(sessionStorage.length).toBe(0);
  });

  it('signs out with the ID token the provider gave at sign-in', async () => {
    const { state } = await started();
    const id = idToken();
    mockFetch(() => providerJson({ access_token: 'idp-access-token', id_token: id }));
    await finishLogin(new URLSearchParams({ code: 'c', state }));

    const url = new URL((await endSession())!);

    expect(url.searchParams.get('id_token_hint')).toBe(id);
  });

  it('keeps query parameters the endpoint already has', async () => {
    const endpoint = 'https://login.example/logout?p=B2C_1_staff';
    saveProviderSession('t', 300, { provider: { ...keycloak, endSessionEndpoint: endpoint } });
    const url = new URL((await endSession())!);
    expect(url.searchParams.get('p')).toBe('B2C_1_staff');
    expect(url.searchParams.get('client_id')).toBe('tsunagu-spa');
  });

  it('gives nothing for an endpoint that is not a URL, and still ends the session', async () => {
    saveProviderSession('t', 300, { provider: { ...keycloak, endSessionEndpoint: 'not a url' } });
    expect(await endSession()).toBeNull();
    expect(getAccessToken()).toBeNull();
  });

  it('clears a built-in session with nowhere to go', async () => {
    saveSession('jwt-builtin', 28_800);
    expect(await endSession()).toBeNull();
    expect(getAccessToken()).toBeNull();
  });

  it('forgets the sign-out when a built-in login replaces a provider session', async () => {
    saveProviderSession('idp-access-token', 300, { provider: keycloak, idToken: 'h.p.s' });
    saveSession('jwt-builtin', 28_800);
    expect(getProviderSession()).toBeNull();
    expect(await endSession()).toBeNull();
  });
});
