import type { UseRefreshTokenArgs } from 'oidc-client-ts';
import { oidcClient } from './oidc-client';
import { canRenew, getExpiresAt, getProviderSession, saveProviderSession } from './session';

/**
 * Renewing a provider session's access token with its refresh token (the refresh_token grant, sent by
 * oidc-client-ts). Providers issue short access tokens (Keycloak: 5 minutes); without this a coordinator would be
 * sent back to the login page every few minutes. When to renew stays here and in the API client (lib/api/client.ts),
 * not in oidc-client-ts's UserManager timers: the token is renewed when a request needs it, once for however many
 * requests are waiting, and a tab left idle renews on its next request.
 */

/** Renew this long before the token runs out, so it cannot expire between the check and the API reading it. */
export const REFRESH_MARGIN_MS = 60_000;

/** Used when the provider does not say how long its token lives (expires_in is only RECOMMENDED). */
const DEFAULT_LIFETIME_SECONDS = 300;

/** The token's lifetime in seconds from a token response's expires_in, or the default when it gives none. */
export function tokenLifetime(expiresIn: number | undefined): number {
  return expiresIn !== undefined && Number.isFinite(expiresIn) && expiresIn > 0 ? expiresIn : DEFAULT_LIFETIME_SECONDS;
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
  return expiresAt !== null && expiresAt - now <= REFRESH_MARGIN_MS && canRenew();
}

type RefreshState = UseRefreshTokenArgs['state'];

/**
 * Spends the session's refresh token for a new access token and stores it (with the new refresh token when the
 * provider rotates them, else the old one; with a new ID token when it sends one, which oidc-client-ts checks names
 * the same person). Resolves with the new access token; rejects with a RefreshError and leaves storage alone
 * otherwise — ending the session is the caller's. Callers must not run two at once: a rotating provider spends the
 * refresh token on the first, and refuses the second.
 */
export async function refreshSession(): Promise<string> {
  const session = getProviderSession();
  const refreshToken = session?.refreshToken;
  if (!session || !refreshToken) throw new RefreshError('no refresh token');

  // No scope: the grant keeps the scope first granted (RFC 6749 §6). The profile is not used here.
  const state: RefreshState = {
    refresh_token: refreshToken,
    id_token: session.idToken,
    session_state: null,
    profile: {} as RefreshState['profile'],
  };
  let answer;
  try {
    answer = await oidcClient(session.provider).useRefreshToken({ state });
  } catch (error) {
    // The provider's error (invalid_grant …), an unreachable endpoint, or an ID token naming someone else.
    throw new RefreshError(error instanceof Error ? error.message : String(error));
  }
  if (!answer.access_token) throw new RefreshError('no access token');
  // Logged out (or signed in anew) while the provider answered: that session is not ours to bring back.
  if (getProviderSession()?.refreshToken !== refreshToken) throw new RefreshError('session changed');

  saveProviderSession(answer.access_token, tokenLifetime(answer.expires_in), {
    provider: session.provider,
    refreshToken: answer.refresh_token || refreshToken,
    // oidc-client-ts keeps the previous ID token when the provider sends none.
    idToken: answer.id_token,
  });
  return answer.access_token;
}
