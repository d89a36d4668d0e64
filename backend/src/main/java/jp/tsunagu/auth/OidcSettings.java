package jp.tsunagu.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/**
 * {@code tsunagu.oidc.*} (environment {@code TSUNAGU_OIDC_*}): the city's OpenID Connect provider. Without an issuer
 * there is none, and only Tsunagu's own accounts sign in. README "Signing in at the city's identity provider".
 */
@ConfigMapping(prefix = "tsunagu.oidc")
interface OidcSettings {

    Optional<String> issuer();

    /** The provider's JWKS: a URL or a file. Required with an issuer. */
    Optional<String> jwks();

    /** When set, the access token's {@code aud} must contain it. */
    Optional<String> audience();

    /** The SPA's client id at the provider (a public client: PKCE, no secret). */
    Optional<String> clientId();

    Optional<String> authorizationEndpoint();

    Optional<String> tokenEndpoint();

    /** For RP-initiated logout; without it, logging out ends only Tsunagu's session. */
    Optional<String> endSessionEndpoint();

    @WithDefault("openid profile")
    String scope();

    @WithDefault("preferred_username")
    String usernameClaim();

    @WithDefault("groups")
    String rolesClaim();

    @WithDefault("districts")
    String districtsClaim();

    /** {@code provider-group=ROLE,…}; a value that already is a Tsunagu role counts as itself. */
    Optional<String> roleMap();
}
