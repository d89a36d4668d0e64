import { paths } from '@/config/paths';
import {
  clearSession,
  getProviderLogout,
  saveProviderLogout,
  saveRefreshableSession,
  saveSession,
  type ProviderLogout,
} from '@/lib/session';
import { tokenLifetime } from '@/lib/token-refresh';
import type { LoginOptions } from './api/get-login-options';

/**
 * Sign-in at the city's own identity provider (OpenID Connect: Keycloak, Entra ID …): the authorization code flow
 * with PKCE (RFC 7636, S256) as a public client. The provider's access token becomes the session's bearer token;
 * the API verifies it itself. A refresh token, when the provider gives one, is kept with the session so the API
 * client can renew the short access token (lib/token-refresh.ts). Logging out signs out at the provider too when it
 * has an end-session endpoint (RP-Initiated Logout 1.0), or the next person on a shared PC would be let straight
 * back in as this one.
 */

/** The provider settings the login page offers, with everything the flow needs present. */
export interface ExternalLogin {
  issuer: string;
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Where to sign out at the provider; null when it has none (logging out then ends the Tsunagu session only). */
  endSessionEndpoint: string | null;
  scope: string;
}

/** What survives the round trip to the provider (sessionStorage: this tab only, gone when it closes). */
interface PendingLogin {
  state: string;
  verifier: string;
  returnTo: string;
  issuer: string;
  clientId: string;
  tokenEndpoint: string;
  /** Absent in a login begun before the SPA kept it: treated as none. */
  endSessionEndpoint?: string | null;
  redirectUri: string;
}

const PENDING_KEY = 'tsunagu.oidc.pending';

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

export function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** 32 random bytes as base64url: 43 characters of the unreserved set, as RFC 7636 §4.1 asks of a verifier. */
export function randomToken(): string {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

/** code_challenge = BASE64URL(SHA256(ASCII(code_verifier))) (RFC 7636 §4.2, S256). */
export async function codeChallenge(verifier: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return base64url(new Uint8Array(digest));
}

/** Where the provider sends people back: /auth/callback on this origin (register it at the provider). */
export function redirectUri(origin = window.location.origin): string {
  return `${origin}${paths.authCallback}`;
}

/** Where the provider sends people after signing them out: the login page (register it at the provider too). */
export function postLogoutRedirectUri(origin = window.location.origin): string {
  return `${origin}${paths.login}`;
}

/** Only a path on this site, and not the login pages themselves: anything else returns to home. */
function safeReturnTo(path: string | null | undefined): string {
  if (!path || !path.startsWith('/') || path.startsWith('//') || path.startsWith('/\\')) return '/';
  if (path === paths.login || path.startsWith(paths.authCallback)) return '/';
  return path;
}

/**
 * Remembers the state, the verifier and the page to return to for this tab, and returns the provider's
 * authorization URL to send the browser to.
 */
export async function prepareLogin(login: ExternalLogin, returnTo?: string): Promise<string> {
  const state = randomToken();
  const verifier = randomToken();
  const challenge = await codeChallenge(verifier);
  const callback = redirectUri();
  const pending: PendingLogin = {
    state,
    verifier,
    returnTo: safeReturnTo(returnTo),
    issuer: login.issuer,
    clientId: login.clientId,
    tokenEndpoint: login.tokenEndpoint,
    endSessionEndpoint: login.endSessionEndpoint,
    redirectUri: callback,
  };
  sessionStorage.setItem(PENDING_KEY, JSON.stringify(pending));

  const url = new URL(login.authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', login.clientId);
  url.searchParams.set('redirect_uri', callback);
  url.searchParams.set('scope', login.scope);
  url.searchParams.set('state', state);
  url.searchParams.set('code_challenge', challenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

/** Sends the browser to the provider's login page. */
export async function startLogin(login: ExternalLogin, returnTo?: string): Promise<void> {
  window.location.assign(await prepareLogin(login, returnTo));
}

function takePending(): PendingLogin | null {
  const raw = sessionStorage.getItem(PENDING_KEY);
  sessionStorage.removeItem(PENDING_KEY);
  if (!raw) return null;
  try {
    const pending = JSON.parse(raw) as Partial<PendingLogin>;
    return pending.state && pending.verifier && pending.tokenEndpoint && pending.clientId && pending.redirectUri
      ? (pending as PendingLogin)
      : null;
  } catch {
    return null;
  }
}

/**
 * Stores the provider's tokens as the session: with the refresh token and where to spend it when there is one
 * (taken from the pending login, so renewing needs no request for the login options), else the access token alone.
 */
function keepSession(accessToken: string, lifetime: number, refreshToken: unknown, pending: PendingLogin): void {
  if (typeof refreshToken === 'string' && refreshToken) {
    const { tokenEndpoint, clientId } = pending;
    saveRefreshableSession(accessToken, lifetime, { refreshToken, tokenEndpoint, clientId });
  } else {
    saveSession(accessToken, lifetime);
  }
}

/**
 * Keeps what signing out at the provider takes, when it has an end-session endpoint: the endpoint and client id from
 * the pending login (as for refreshing, logging out then needs no request for the login options), and the ID token
 * when the provider sent one, to name the session to end (id_token_hint). The ID token is only handed back to the
 * provider that issued it, never trusted here, so it is not verified. Runs after keepSession, which forgets the
 * previous session's.
 */
function keepProviderLogout(idToken: unknown, pending: PendingLogin): void {
  const { endSessionEndpoint, clientId } = pending;
  if (!endSessionEndpoint) return saveProviderLogout(null);
  const logout: ProviderLogout = { endSessionEndpoint, clientId };
  if (typeof idToken === 'string' && idToken) logout.idToken = idToken;
  saveProviderLogout(logout);
}

const PROVIDER_REFUSED = '庁内アカウントでのログインが完了しませんでした。';

/**
 * Completes the sign-in on /auth/callback: checks the state, exchanges the code at the provider's token
 * endpoint (with the verifier) and keeps the access token as the session's bearer token, with the refresh token
 * when there is one. Returns the page to go to. The pending state is forgotten whatever happens, so a callback URL
 * cannot be replayed.
 */
export async function finishLogin(query: URLSearchParams): Promise<string> {
  const pending = takePending();

  const error = query.get('error');
  if (error) {
    const description = query.get('error_description');
    if (error === 'access_denied') {
      throw new ExternalLoginError('庁内アカウントでのログインが取り消されたか、認証基盤に拒否されました。', description ?? undefined);
    }
    throw new ExternalLoginError(PROVIDER_REFUSED, description ? `${description}（${error}）` : error);
  }
  const state = query.get('state');
  if (!pending || !state || state !== pending.state) {
    throw new ExternalLoginError(
      'ログインの要求を確認できませんでした。このタブでもう一度ログインしてください。',
      'ログイン開始時の情報と一致しません（別のタブで開いた、または古いリンクの可能性があります）。',
    );
  }
  // RFC 9207: a provider that names itself must be the one this login was sent to.
  const iss = query.get('iss');
  if (iss && iss !== pending.issuer) {
    throw new ExternalLoginError('ログインの要求を確認できませんでした。このタブでもう一度ログインしてください。', `想定外の認証基盤からの応答です（${iss}）。`);
  }
  const code = query.get('code');
  if (!code) throw new ExternalLoginError(PROVIDER_REFUSED, '認証基盤から認可コードが返されませんでした。');

  let response: Response;
  try {
    response = await fetch(pending.tokenEndpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: pending.redirectUri,
        client_id: pending.clientId,
        code_verifier: pending.verifier,
      }),
    });
  } catch {
    throw new ExternalLoginError('認証基盤に接続できませんでした。ネットワークを確認してください。');
  }
  const body = (await response.json().catch(() => null)) as
    | {
        access_token?: unknown;
        expires_in?: unknown;
        refresh_token?: unknown;
        id_token?: unknown;
        error?: unknown;
        error_description?: unknown;
      }
    | null;
  if (!response.ok) {
    const reason = typeof body?.error_description === 'string' ? body.error_description : undefined;
    const kind = typeof body?.error === 'string' ? body.error : `HTTP ${response.status}`;
    throw new ExternalLoginError('認証基盤でトークンを受け取れませんでした。', reason ? `${reason}（${kind}）` : kind);
  }
  if (typeof body?.access_token !== 'string' || !body.access_token) {
    throw new ExternalLoginError('認証基盤でトークンを受け取れませんでした。', '応答にアクセストークンがありません。');
  }
  keepSession(body.access_token, tokenLifetime(body.expires_in), body.refresh_token, pending);
  keepProviderLogout(body.id_token, pending);
  return pending.returnTo;
}

/**
 * The provider's end-session URL for `logout` (RP-Initiated Logout 1.0 §2): client_id and the page to come back to,
 * with id_token_hint when there is an ID token (Keycloak asks for one of the two alongside post_logout_redirect_uri).
 * Null when the endpoint is not a URL: logging out must still end the Tsunagu session.
 */
export function endSessionUrl(logout: ProviderLogout, origin = window.location.origin): string | null {
  let url: URL;
  try {
    url = new URL(logout.endSessionEndpoint);
  } catch {
    return null;
  }
  url.searchParams.set('client_id', logout.clientId);
  url.searchParams.set('post_logout_redirect_uri', postLogoutRedirectUri(origin));
  if (logout.idToken) url.searchParams.set('id_token_hint', logout.idToken);
  return url.toString();
}

/**
 * Ends the session in this tab. Returns where to send the browser to sign out at the provider too, or null when
 * there is nowhere (a built-in login, or a provider without an end-session endpoint).
 */
export function endSession(): string | null {
  // Read before clearing: the session holds how to sign out at the provider.
  const logout = getProviderLogout();
  clearSession();
  return logout && endSessionUrl(logout);
}
