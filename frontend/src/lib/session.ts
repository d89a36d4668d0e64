import type { ExternalLogin } from './oidc-client';

/**
 * The signed-in session: the bearer token lives in sessionStorage, so it is gone when the tab closes and never
 * shared with other tabs. A session from the city's identity provider also remembers that provider, with the
 * refresh token and ID token it gave when it gave them, so a short-lived access token can be renewed without sending
 * the person back to the provider, and logging out signs out at the provider too (a shared PC must not let the next
 * person in as them).
 *
 * Kept by hand rather than in oidc-client-ts's UserManager: that keeps provider users only, under its own keys and
 * behind promises, while the built-in password login (POST /api/v1/auth/token) shares this session and RequireAuth
 * must know synchronously whether anyone is signed in.
 */
const TOKEN_KEY = 'tsunagu.accessToken';
const EXPIRES_KEY = 'tsunagu.expiresAt';
const PROVIDER_KEY = 'tsunagu.provider';
const REFRESH_TOKEN_KEY = 'tsunagu.refreshToken';
const ID_TOKEN_KEY = 'tsunagu.idToken';

/** What a session signed in at the city's identity provider keeps besides its access token. */
export interface ProviderSession {
  /** The provider that signed the person in: where to renew the token, and where to sign out. */
  provider: ExternalLogin;
  /** Spent for a new access token when this one runs out; absent when the provider gave none. */
  refreshToken?: string;
  /** Names the session to end at the provider (id_token_hint); absent when the provider gave none. */
  idToken?: string;
}

function writeToken(accessToken: string, expiresInSeconds: number, now: number): void {
  sessionStorage.setItem(TOKEN_KEY, accessToken);
  sessionStorage.setItem(EXPIRES_KEY, String(now + expiresInSeconds * 1000));
}

function forgetProvider(): void {
  sessionStorage.removeItem(PROVIDER_KEY);
  sessionStorage.removeItem(REFRESH_TOKEN_KEY);
  sessionStorage.removeItem(ID_TOKEN_KEY);
}

/** A session of the built-in login, which ends with its token. */
export function saveSession(accessToken: string, expiresInSeconds: number, now = Date.now()): void {
  writeToken(accessToken, expiresInSeconds, now);
  // A new session replaces the whole of the old one, or a built-in login could be "refreshed" at a provider,
  // or its logout send the browser to sign someone out at a provider.
  forgetProvider();
}

/** A session signed in (or renewed) at the city's identity provider. */
export function saveProviderSession(
  accessToken: string,
  expiresInSeconds: number,
  session: ProviderSession,
  now = Date.now(),
): void {
  writeToken(accessToken, expiresInSeconds, now);
  forgetProvider();
  sessionStorage.setItem(PROVIDER_KEY, JSON.stringify(session.provider));
  if (session.refreshToken) sessionStorage.setItem(REFRESH_TOKEN_KEY, session.refreshToken);
  if (session.idToken) sessionStorage.setItem(ID_TOKEN_KEY, session.idToken);
}

/** The provider behind this session with its refresh and ID tokens, or null (built-in login, or no session). */
export function getProviderSession(): ProviderSession | null {
  const stored = sessionStorage.getItem(PROVIDER_KEY);
  if (!stored || !sessionStorage.getItem(TOKEN_KEY)) return null;
  let provider: ExternalLogin;
  try {
    provider = JSON.parse(stored) as ExternalLogin;
  } catch {
    return null;
  }
  const session: ProviderSession = { provider };
  const refreshToken = sessionStorage.getItem(REFRESH_TOKEN_KEY);
  const idToken = sessionStorage.getItem(ID_TOKEN_KEY);
  if (refreshToken) session.refreshToken = refreshToken;
  if (idToken) session.idToken = idToken;
  return session;
}

/** Whether the access token can be renewed when it runs out: a provider session that came with a refresh token. */
export function canRenew(): boolean {
  return getProviderSession()?.refreshToken !== undefined;
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
 * The access token while it is valid, else null. A session that cannot be renewed ends with its token; a
 * renewable one stays for the API client to renew.
 */
export function getAccessToken(now = Date.now()): string | null {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return null;
  if (hasExpired(now)) {
    if (!canRenew()) clearSession();
    return null;
  }
  return token;
}

/**
 * Whether someone is signed in in this tab: a valid token, or an expired one the provider may still renew (the
 * next API call tries, and sends the person to log in if the provider refuses).
 */
export function isSignedIn(now = Date.now()): boolean {
  return getAccessToken(now) !== null || canRenew();
}

export function clearSession(): void {
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(EXPIRES_KEY);
  forgetProvider();
}
