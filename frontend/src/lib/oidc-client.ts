import { OidcClient, WebStorageStateStore } from 'oidc-client-ts';
import { paths } from '@/config/paths';

/**
 * The city's identity provider as oidc-client-ts sees it. The library does the OpenID Connect protocol: the state
 * and the PKCE verifier (S256) of the authorization code flow, the code exchange, the refresh_token grant and the
 * RP-Initiated Logout URL. Signing in and out is features/auth/oidc.ts; renewing the token, lib/token-refresh.ts.
 */

/** The provider settings the login page offers (GET /api/v1/auth/options), with everything the flow needs present. */
export interface ExternalLogin {
  issuer: string;
  clientId: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  /** Where to sign out at the provider; null when it has none (logging out then ends the Tsunagu session only). */
  endSessionEndpoint: string | null;
  scope: string;
}

/** Where the provider sends people back: /auth/callback on this origin (register it at the provider). */
export function redirectUri(origin = window.location.origin): string {
  return `${origin}${paths.authCallback}`;
}

/** Where the provider sends people after signing them out: the login page (register it at the provider too). */
export function postLogoutRedirectUri(origin = window.location.origin): string {
  return `${origin}${paths.login}`;
}

/** Logins on their way to the provider and back (state, verifier): this tab only, gone when it closes. */
function pendingLogins(): WebStorageStateStore {
  return new WebStorageStateStore({ store: sessionStorage, prefix: 'tsunagu.oidc.pending.' });
}

/** Forgets every login this tab has sent to the provider, so no callback URL can be completed any more. */
export async function forgetPendingLogins(): Promise<void> {
  const store = pendingLogins();
  for (const key of await store.getAllKeys()) await store.remove(key);
}

/** The protocol client for `login`. */
export function oidcClient(login: ExternalLogin): OidcClient {
  return new OidcClient({
    authority: login.issuer,
    client_id: login.clientId,
    redirect_uri: redirectUri(),
    post_logout_redirect_uri: postLogoutRedirectUri(),
    scope: login.scope,
    // The login options name the endpoints: no discovery request (.well-known/openid-configuration) is made.
    metadata: {
      issuer: login.issuer,
      authorization_endpoint: login.authorizationEndpoint,
      token_endpoint: login.tokenEndpoint,
      end_session_endpoint: login.endSessionEndpoint ?? undefined,
    },
    stateStore: pendingLogins(),
  });
}
