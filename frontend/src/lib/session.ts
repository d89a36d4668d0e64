/**
 * The signed-in session: the bearer token lives in sessionStorage, so it is gone when the tab
 * closes and never shared with other tabs. A session from the city's identity provider may also
 * hold a refresh token, with the endpoint and client id to use it at, so a short-lived access
 * token can be renewed without sending the person back to the provider.
 */
const TOKEN_KEY = 'tsunagu.accessToken';
const EXPIRES_KEY = 'tsunagu.expiresAt';
const REFRESH_TOKEN_KEY = 'tsunagu.refreshToken';
const TOKEN_ENDPOINT_KEY = 'tsunagu.tokenEndpoint';
const CLIENT_ID_KEY = 'tsunagu.clientId';

/** What a provider session needs to get a new access token: its refresh token, and where and as whom to spend it. */
export interface RefreshGrant {
  refreshToken: string;
  tokenEndpoint: string;
  clientId: string;
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

/** A session that ends with its token: built-in logins, and provider logins that came without a refresh token. */
export function saveSession(accessToken: string, expiresInSeconds: number, now = Date.now()): void {
  writeToken(accessToken, expiresInSeconds, now);
  // A new session replaces the whole of the old one, or a built-in login could be "refreshed" at a provider.
  forgetRefreshGrant();
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
}
