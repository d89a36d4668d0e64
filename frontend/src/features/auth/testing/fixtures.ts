import type { ExternalLogin } from '../oidc';

/** The city's identity provider as the login options describe it (a Keycloak realm), shared by the auth tests. */
export const cityProvider: ExternalLogin = {
  issuer: 'https://idp.city.example/realms/staff',
  clientId: 'tsunagu-spa',
  authorizationEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/auth',
  tokenEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/token',
  endSessionEndpoint: 'https://idp.city.example/realms/staff/protocol/openid-connect/logout',
  scope: 'openid profile',
};
