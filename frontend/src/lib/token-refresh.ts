import { getExpiresAt, getRefreshGrant, saveRefreshableSession, type RefreshGrant } from './session';

/**
 * Renewing a provider session's access token with its refresh token (OAuth 2.0 refresh_token grant, RFC 6749 §6,
 * as a public client). Providers issue short access tokens (Keycloak: 5 minutes); without this a coordinator would
 * be sent back to the login page every few minutes.
 */

/** Renew this long before the token runs out, so it cannot expire between the check and the API reading it. */
export const REFRESH_MARGIN_MS = 60_000;

/** Used when the provider does not say how long its token lives (expires_in is only RECOMMENDED). */
const DEFAULT_LIFETIME_SECONDS = 300;

/** The token's lifetime in seconds from a token response's expires_in, or the default when it gives none. */
export function tokenLifetime(expiresIn: unknown): number {
  const lifetime = Number(expiresIn);
  return Number.isFinite(lifetime) && lifetime > 0 ? lifetime : DEFAULT_LIFETIME_SECONDS;
}

/** A refresh the provider refused or could not be asked for; the session cannot go on. */
export class RefreshError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RefreshError';
  }
}

/** Whether the session is a provider one that can be renewed and its token runs out within the margin (or has). */
export function refreshDue(now = Date.now()): boolean {
  const expiresAt = getExpiresAt();
  return expiresAt !== null && expiresAt - now <= REFRESH_MARGIN_MS && getRefreshGrant() !== null;
}

/** A provider that rotates sends a new refresh token (the old one is then spent); one that does not sends none. */
function nextRefreshToken(answered: unknown, current: string): string {
  return typeof answered === 'string' && answered ? answered : current;
}

async function requestTokens(grant: RefreshGrant): Promise<Response> {
  try {
    // globalThis.fetch, not the API client: the provider is not our API, and must not get our bearer token.
    return await globalThis.fetch(grant.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: grant.refreshToken,
        client_id: grant.clientId,
      }),
    });
  } catch {
    throw new RefreshError('token endpoint unreachable');
  }
}

/**
 * Spends the session's refresh token for a new access token and stores it (with the new refresh token when the
 * provider rotates them, else the old one). Resolves with the new access token; rejects with a RefreshError and
 * leaves storage alone otherwise — ending the session is the caller's. Callers must not run two at once: a
 * rotating provider spends the refresh token on the first, and refuses the second.
 */
export async function refreshSession(): Promise<string> {
  const grant = getRefreshGrant();
  if (!grant) throw new RefreshError('no refresh token');

  const response = await requestTokens(grant);
  const body = (await response.json().catch(() => null)) as
    | { access_token?: unknown; expires_in?: unknown; refresh_token?: unknown; error?: unknown }
    | null;
  if (!response.ok) {
    throw new RefreshError(typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`);
  }
  if (typeof body?.access_token !== 'string' || !body.access_token) throw new RefreshError('no access token');
  // Logged out (or signed in anew) while the provider answered: that session is not ours to bring back.
  if (getRefreshGrant()?.refreshToken !== grant.refreshToken) throw new RefreshError('session changed');

  const refreshToken = nextRefreshToken(body.refresh_token, grant.refreshToken);
  saveRefreshableSession(body.access_token, tokenLifetime(body.expires_in), { ...grant, refreshToken });
  return body.access_token;
}
