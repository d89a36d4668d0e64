import type { ExternalLogin } from '@/lib/oidc-client';

/** The city's identity provider as the login options describe it (a Keycloak realm), shared by the auth tests. */
export const cityProvider: ExternalLogin = {
  issuer: 'https://idp.city.example/realms/staff',
  clientId: 'tsunagu-spa',
  authorizationEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/auth',
  tokenEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/token',
  endSessionEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/logout',
  scope: 'openid profile',
};

function base64url(text: string): string {
  return btoa(text).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * An ID token as the provider would issue it to cityProvider's client (claims in ASCII). Its signature is not a
 * real one: the SPA hands the ID token back to the provider and never verifies it.
 */
export function idToken(claims: Record<string, unknown> = {}): string {
  const now = Math.floor(Date.now() / 1000);
  const header = base64url(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'test' }));
  const payload = base64url(
    JSON.stringify({ iss: cityProvider.issuer, aud: cityProvider.clientId, sub: 'b7c1e0a2-tanaka', iat: now, exp: now + 300, ...claims }),
  );
  return `${header}.${payload}.c2lnbmF0dXJl`;
}

/** A token endpoint's answer: JSON, also for errors (RFC 6749 §5.2), not the API's problem+json. */
export function providerJson(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
}

/** BASE64URL(SHA-256(verifier)): the S256 code challenge of RFC 7636 §4.2, worked out here independently. */
export async function s256(verifier: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  return base64url(String.fromCharCode(...digest));
}
