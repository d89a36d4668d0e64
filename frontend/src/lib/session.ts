/**
 * The signed-in session: the bearer token lives in sessionStorage, so it is gone when the tab
 * closes and never shared with other tabs. A session from the city's identity provider may also
 * hold a refresh token, with the endpoint and client id to use it at, so a short-lived access
 * token can be renewed without sending the person back to the provider, and what it takes to sign out
 * at the provider too when the person logs out (a shared PC must not let the next person in as them).
 */
const TOKEN_KEY = 'tsunagu.accessToken';
const EXPIRES_KEY = 'tsunagu.expiresAt';
const REFRESH_TOKEN_KEY = 'tsunagu.refreshToken';
const TOKEN_ENDPOINT_KEY = 'tsunagu.tokenEndpoint';
const CLIENT_ID_KEY = 'tsunagu.clientId';
const END_SESSION_ENDPOINT_KEY = 'tsunagu.endSessionEndpoint';
const LOGOUT_CLIENT_ID_KEY = 'tsunagu.logoutClientId';
const ID_TOKEN_KEY = 'tsunagu.idToken';

/** What a provider session needs to get a new access token: its refresh token, and where and as whom to spend it. */
export interface RefreshGrant {
  refreshToken: string;
  tokenEndpoint: string;
  clientId: string;
}

/**
 * What ending the provider's own session takes (OpenID Connect RP-Initiated Logout 1.0): where to send the
 * browser, as which client, and the ID token that names the session there when the provider gave one.
 */
export interface ProviderLogout {
  endSessionEndpoint: string;
  clientId: string;
  idToken?: string;
}

function writeToken(accessToken: string, expiresInSeconds: number, now: number): void {
  sessionStorage.setItem(TOKEN_KEY, accessToken);
  sessionStorage.setItem(EXPIRES_KEY, String(now + expiresInSeconds * 1000));
}

function forgetRefreshGrant(): void {
  sessionStorage.removeItem(REFRESH_TOKEN_KEY);
  sessionStorage.removeItem(TOKEN_ENDPOINT_KEY);
  sessionStorage.removeItem(CLIENT_ID_KEY);
}

function forgetProviderLogout(): void {
  sessionStorage.removeItem(END_SESSION_ENDPOINT_KEY);
  sessionStorage.removeItem(LOGOUT_CLIENT_ID_KEY);
  sessionStorage.removeItem(ID_TOKEN_KEY);
}

/** A session that ends with its token: built-in logins, and provider logins that came without a refresh token. */
export function saveSession(accessToken: string, expiresInSeconds: number, now = Date.now()): void {
  writeToken(accessToken, expiresInSeconds, now);
  // A new session replaces the whole of the old one, or a built-in login could be "refreshed" at a provider,
  // or its logout send the browser to sign someone out at a provider.
  forgetRefreshGrant();
  forgetProviderLogout();
}

/** A provider session that can be renewed with `grant` when its access token runs out. */
export function saveRefreshableSession(
  accessToken: string,
  expiresInSeconds: number,
  grant: RefreshGrant,
  now = Date.now(),
): void {
  writeToken(accessToken, expiresInSeconds, now);
  sessionStorage.setItem(REFRESH_TOKEN_KEY, grant.refreshToken);
  sessionStorage.setItem(TOKEN_ENDPOINT_KEY, grant.tokenEndpoint);
  sessionStorage.setItem(CLIENT_ID_KEY, grant.clientId);
}

/**
 * Keeps how to sign the session's person out at the provider, or forgets it (null: the provider has no end-session
 * endpoint). Kept apart from the refresh grant: a renewal leaves it alone, and a session without one has it too.
 */
export function saveProviderLogout(logout: ProviderLogout | null): void {
  forgetProviderLogout();
  if (!logout) return;
  sessionStorage.setItem(END_SESSION_ENDPOINT_KEY, logout.endSessionEndpoint);
  sessionStorage.setItem(LOGOUT_CLIENT_ID_KEY, logout.clientId);
  if (logout.idToken) sessionStorage.setItem(ID_TOKEN_KEY, logout.idToken);
}

/** How to sign out at the provider behind this session, or null (built-in login, or no end-session endpoint). */
export function getProviderLogout(): ProviderLogout | null {
  const endSessionEndpoint = sessionStorage.getItem(END_SESSION_ENDPOINT_KEY);
  const clientId = sessionStorage.getItem(LOGOUT_CLIENT_ID_KEY);
  if (!endSessionEndpoint || !clientId) return null;
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  return idToken ? { endSessionEndpoint, clientId, idToken } : { endSessionEndpoint, clientId };
}

/** The refresh token of a provider session with what it takes to spend it, or null (built-in login, or none). */
export function getRefreshGrant(): RefreshGrant | null {
  const refreshToken = sessionStorage.getItem(REFRESH_TOKEN_KEY);
  const tokenEndpoint = sessionStorage.getItem(TOKEN_ENDPOINT_KEY);
  const clientId = sessionStorage.getItem(CLIENT_ID_KEY);
  if (!refreshToken || !tokenEndpoint || !clientId || !sessionStorage.getItem(TOKEN_KEY)) return null;
  return { refreshToken, tokenEndpoint, clientId };
}

/** When the access token runs out (epoch ms), or null when there is none or it was stored without an expiry. */
export function getExpiresAt(): number | null {
  if (!sessionStorage.getItem(TOKEN_KEY)) return null;
  const expiresAt = Number(sessionStorage.getItem(EXPIRES_KEY));
  return Number.isFinite(expiresAt) && expiresAt > 0 ? expiresAt : null;
}

function hasExpired(now: number): boolean {
  const expiresAt = getExpiresAt();
  return expiresAt !== null && expiresAt <= now;
}

/**
 * The access token while it is valid, else null. A session that cannot be refreshed ends with its token; a
 * refreshable one stays for the API client to renew.
 */
export function getAccessToken(now = Date.now()): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  if (hasExpired(now)) {
    if (!getRefreshGrant()) clearSession();
    return null;
  }
  return token;
}

/**
 * Whether someone is signed in in this tab: a valid token, or an expired one the provider may still renew (the
 * next API call tries, and sends the person to log in if the provider refuses).
 */
export function isSignedIn(now = Date.now()): boolean {
  return getAccessToken(now) !== null || getRefreshGrant() !== null;
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  forgetRefreshGrant();
  forgetProviderLogout();
}
