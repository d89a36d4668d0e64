import { ErrorResponse, type SigninResponse } from 'oidc-client-ts';
import { paths } from '@/config/paths';
import { forgetPendingLogins, oidcClient, type ExternalLogin } from '@/lib/oidc-client';
import { clearSession, getProviderSession, saveProviderSession } from '@/lib/session';
import { tokenLifetime } from '@/lib/token-refresh';
import type { LoginOptions } from './api/get-login-options';

export type { ExternalLogin } from '@/lib/oidc-client';

/**
 * Sign-in at the city's own identity provider (OpenID Connect: Keycloak, Entra ID …): the authorization code flow
 * with PKCE (S256) as a public client, run by oidc-client-ts (lib/oidc-client.ts). The provider's access token
 * becomes the session's bearer token; the API verifies it itself. The refresh token, when the provider gives one,
 * is kept with the session so the API client can renew the short access token (lib/token-refresh.ts). Logging out
 * signs out at the provider too when it has an end-session endpoint (RP-Initiated Logout 1.0), or the next person
 * on a shared PC would be let straight back in as this one.
 */

/** The provider a login of this tab was sent to, read back on /auth/callback (sessionStorage: this tab only). */
const LOGIN_KEY = 'tsunagu.oidc.login';

/** What oidc-client-ts carries through the round trip for us (kept in its pending state, never sent). */
interface LoginState {
  returnTo: string;
}

/** A sign-in that could not be completed, with the sentence to show for it. */
export class ExternalLoginError extends Error {
  readonly detail?: string;

  constructor(message: string, detail?: string) {
    super(message);
    this.name = 'ExternalLoginError';
    this.detail = detail;
  }
}

/** The provider login when the API offers one the SPA can run (client id and both endpoints set), else null. */
export function externalLogin(options: LoginOptions | undefined): ExternalLogin | null {
  const oidc = options?.oidc;
  if (!oidc?.clientId || !oidc.authorizationEndpoint || !oidc.tokenEndpoint) return null;
  return {
    issuer: oidc.issuer,
    clientId: oidc.clientId,
    authorizationEndpoint: oidc.authorizationEndpoint,
    tokenEndpoint: oidc.tokenEndpoint,
    endSessionEndpoint: oidc.endSessionEndpoint || null,
    scope: oidc.scope,
  };
}

/** The host people will see in the address bar at the provider (「idp.city.example」). */
export function providerHost(login: ExternalLogin): string {
  for (const url of [login.authorizationEndpoint, login.issuer]) {
    try {
      return new URL(url).host;
    } catch {
      // not an absolute URL: try the next one
    }
  }
  return login.issuer;
}

/** Only a path on this site, and not the login pages themselves: anything else returns to home. */
function safeReturnTo(path: unknown): string {
  if (typeof path !== 'string' || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (path === paths.login || path.startsWith(paths.authCallback)) return '/';
  return path;
}

/**
 * Remembers the provider for this tab (oidc-client-ts keeps the state, the PKCE verifier and the page to return to
 * beside it), and returns the provider's authorization URL to send the browser to.
 */
export async function prepareLogin(login: ExternalLogin, returnTo?: string): Promise<string> {
  sessionStorage.setItem(LOGIN_KEY, JSON.stringify(login));
  const state: LoginState = { returnTo: safeReturnTo(returnTo) };
  const request = await oidcClient(login).createSigninRequest({ state });
  return request.url;
}

/** Sends the browser to the provider's login page. */
export async function startLogin(login: ExternalLogin, returnTo?: string): Promise<void> {
  window.location.assign(await prepareLogin(login, returnTo));
}

function pendingProvider(): ExternalLogin | null {
  try {
    return JSON.parse(sessionStorage.getItem(LOGIN_KEY) ?? 'null') as ExternalLogin | null;
  } catch {
    return null;
  }
}

const PROVIDER_REFUSED = '庁内アカウントでのログインが完了しませんでした。';
const NOT_CONFIRMED = 'ログインの要求を確認できませんでした。このタブでもう一度ログインしてください。';
const NO_TOKEN = '認証基盤でトークンを受け取れませんでした。';

/** The provider's error on the way back (RFC 6749 §4.1.2.1), in words people can act on. */
function providerError(query: URLSearchParams, error: string): ExternalLoginError {
  const description = query.get('error_description');
  if (error === 'access_denied') {
    return new ExternalLoginError('庁内アカウントでのログインが取り消されたか、認証基盤に拒否されました。', description ?? undefined);
  }
  return new ExternalLoginError(PROVIDER_REFUSED, description ? `${description}（${error}）` : error);
}

/** Why the code could not be exchanged for tokens, from what oidc-client-ts threw. */
function exchangeError(error: unknown): ExternalLoginError {
  if (error instanceof ErrorResponse) {
    const kind = error.error ?? 'error';
    return new ExternalLoginError(NO_TOKEN, error.error_description ? `${error.error_description}（${kind}）` : kind);
  }
  // fetch rejects with a TypeError when the provider cannot be reached (network, CORS).
  if (error instanceof TypeError) return new ExternalLoginError('認証基盤に接続できませんでした。ネットワークを確認してください。');
  // jwt-decode's: an OpenID Connect provider must send an ID token with the tokens (OpenID Connect Core §3.1.3.3).
  if (error instanceof Error && error.name === 'InvalidTokenError') {
    return new ExternalLoginError(NO_TOKEN, '応答の ID トークンがないか、読み取れません。');
  }
  return new ExternalLoginError(NO_TOKEN, error instanceof Error ? error.message : undefined);
}

/**
 * The provider's answer on /auth/callback: its error, or a state this tab sent (oidc-client-ts keeps it) from the
 * issuer it was sent to; then oidc-client-ts exchanges the code, with the verifier, for the tokens.
 */
async function exchange(query: URLSearchParams): Promise<{ login: ExternalLogin; tokens: SigninResponse }> {
  const error = query.get('error');
  if (error) throw providerError(query, error);

  const login = pendingProvider();
  if (!login) throw new ExternalLoginError(NOT_CONFIRMED, 'ログイン開始時の情報がありません（別のタブで開いた、または古いリンクの可能性があります）。');
  const client = oidcClient(login);
  const url = `?${query}`;
  try {
    await client.readSigninResponseState(url);
  } catch {
    throw new ExternalLoginError(NOT_CONFIRMED, 'ログイン開始時の情報と一致しません（別のタブで開いた、または古いリンクの可能性があります）。');
  }
  // RFC 9207, which oidc-client-ts does not check: a provider that names itself must be the one this login was sent to.
  const iss = query.get('iss');
  if (iss && iss !== login.issuer) throw new ExternalLoginError(NOT_CONFIRMED, `想定外の認証基盤からの応答です（${iss}）。`);

  let tokens: SigninResponse;
  try {
    tokens = await client.processSigninResponse(url);
  } catch (failure) {
    throw exchangeError(failure);
  }
  if (!tokens.access_token) throw new ExternalLoginError(NO_TOKEN, '応答にアクセストークンがありません。');
  return { login, tokens };
}

/**
 * Completes the sign-in on /auth/callback: the state must be one this tab sent, then the code is exchanged at the
 * provider's token endpoint and the access token kept as the session's bearer token, with the refresh token and ID
 * token when there are. Returns the page to go to. Every pending login of the tab is forgotten whatever happens, so
 * a callback URL cannot be replayed.
 */
export async function finishLogin(query: URLSearchParams): Promise<string> {
  try {
    const { login, tokens } = await exchange(query);
    saveProviderSession(tokens.access_token, tokenLifetime(tokens.expires_in), {
      provider: login,
      refreshToken: tokens.refresh_token || undefined,
      // Handed back to the provider that issued it on logout, never trusted here (oidc-client-ts decodes it to check
      // it names someone, and does not verify its signature: the API verifies the access token itself).
      idToken: tokens.id_token || undefined,
    });
    return safeReturnTo((tokens.userState as LoginState | undefined)?.returnTo);
  } finally {
    sessionStorage.removeItem(LOGIN_KEY);
    await forgetPendingLogins();
  }
}

/**
 * Ends the session in this tab at once, and resolves with where to send the browser to sign out at the provider
 * too (RP-Initiated Logout 1.0 §2: the ID token when there is one, the client id, and the login page to come back
 * to), or null when there is nowhere: a built-in login, a provider without an end-session endpoint, or one that is
 * not a URL.
 */
export async function endSession(): Promise<string | null> {
  // Read before clearing: the session holds how to sign out at the provider.
  const session = getProviderSession();
  clearSession();
  if (!session?.provider.endSessionEndpoint) return null;
  try {
    const request = await oidcClient(session.provider).createSignoutRequest({
      id_token_hint: session.idToken,
      // Sent with the ID token too (oidc-client-ts would leave it out): the provider can check they belong together.
      client_id: session.provider.clientId,
    });
    return request.url;
  } catch {
    return null;
  }
}
