package jp.tsunagu.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** {@code tsunagu.jwt.*}: the tokens Tsunagu signs for its own accounts. */
@ConfigMapping(prefix = "tsunagu.jwt")
interface JwtSettings {

    @WithDefault("https://tsunagu.example/api")
    String issuer();

    /** How long a signed-in session lasts. */
    @WithDefault("PT8H")
    Duration lifetime();

    /** HMAC key, at least 32 bytes ({@code TSUNAGU_JWT_SECRET}); no default outside the dev and test profiles. */
    String secret();
}
