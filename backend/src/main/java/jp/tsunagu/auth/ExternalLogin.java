package jp.tsunagu.auth;

import jp.tsunagu.shared.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.keys.resolvers.VerificationKeyResolver;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Staff signed in at the city's own identity provider (OpenID Connect: Keycloak, Entra ID …) instead of with a
 * Tsunagu password. Configured by {@code tsunagu.oidc.*}; with no issuer set, only the built-in login exists.
 *
 * <p>The SPA runs the authorization code flow with PKCE at the provider and sends the access token it gets as its
 * bearer token; this verifies it: signed (RS256/ES256/PS256) by a key of the provider's JWKS (fetched from
 * {@code tsunagu.oidc.jwks}, an https URL, or read from a file), by the configured issuer, for the configured
 * audience, not expired. Roles come from {@code tsunagu.oidc.roles-claim} (a dotted path such as
 * {@code realm_access.roles}), through {@code tsunagu.oidc.role-map} ({@code provider-group=ROLE,…}; a value that
 * is already a Tsunagu role counts as itself); a coordinator's districts from {@code tsunagu.oidc.districts-claim}
 * (area codes). A token without any Tsunagu role is refused.
 */
@ApplicationScoped
class ExternalLogin {

    private static final Set<String> ROLES = Set.of(Role.ADMIN_ROLE, Role.PLANNER_ROLE, Role.APPROVER_ROLE, Role.COORDINATOR_ROLE,
            Role.VIEWER_ROLE);

    /** What the SPA needs to send people to the provider (public: no secret here, the SPA is a public client). */
    record Settings(String issuer, String clientId, String authorizationEndpoint, String tokenEndpoint, String endSessionEndpoint,
                    String scope) {
    }

    private final Optional<Settings> settings;
    private final JwtConsumer consumer;
    private final String usernameClaim;
    private final String rolesClaim;
    private final String districtsClaim;
    private final Map<String, String> roleMap;

    ExternalLogin(OidcSettings config) {
        Optional<String> issuer = config.issuer();
        Optional<String> jwks = config.jwks();
        Optional<String> audience = config.audience();
        String scope = config.scope();
        String usernameClaim = config.usernameClaim();
        String rolesClaim = config.rolesClaim();
        String districtsClaim = config.districtsClaim();
        Optional<String> roleMap = config.roleMap();
        this.usernameClaim = usernameClaim;
        this.rolesClaim = rolesClaim;
        this.districtsClaim = districtsClaim;
        this.roleMap = parseRoleMap(roleMap.orElse(""));
        if (issuer.isEmpty() || issuer.get().isBlank()) {
            this.settings = Optional.empty();
            this.consumer = null;
            return;
        }
        String keys = jwks.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("tsunagu.oidc.issuer is set: set tsunagu.oidc.jwks (the provider's JWKS URL or file) too"));
        JwtConsumerBuilder builder = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(issuer.get())
                .setAllowedClockSkewInSeconds(30)
                .setVerificationKeyResolver(keyResolver(keys))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.RSA_USING_SHA256,
                        AlgorithmIdentifiers.RSA_PSS_USING_SHA256, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        if (audience.isPresent() && !audience.get().isBlank()) {
            builder.setExpectedAudience(audience.get());
        } else {
            builder.setSkipDefaultAudienceValidation();
        }
        this.consumer = builder.build();
        this.settings = Optional.of(new Settings(issuer.get(), config.clientId().orElse(null), config.authorizationEndpoint().orElse(null),
                config.tokenEndpoint().orElse(null), config.endSessionEndpoint().orElse(null), scope));
    }

    Optional<Settings> settings() {
        return settings;
    }

    /** The token's bearer, if the provider signed it for us and it names at least one Tsunagu role. */
    Optional<JwtCodec.Claims> verify(String token) {
        if (consumer == null) {
            return Optional.empty();
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            Set<String> roles = new TreeSet<>();
            for (String value : strings(claims, rolesClaim)) {
                String role = roleMap.getOrDefault(value, ROLES.contains(value) ? value : null);
                if (role != null) {
                    roles.add(role);
                }
            }
            if (roles.isEmpty()) {
                return Optional.empty();
            }
            String username = claims.hasClaim(usernameClaim) ? claims.getStringClaimValue(usernameClaim) : claims.getSubject();
            String name = claims.hasClaim("name") ? claims.getStringClaimValue("name") : username;
            return Optional.of(new JwtCodec.Claims(username, name, Set.copyOf(roles), List.copyOf(strings(claims, districtsClaim))));
        } catch (InvalidJwtException | MalformedClaimException | ClassCastException e) {
            return Optional.empty();
        }
    }

    /** The strings at a dotted claim path (a list, or one string); none when the path is missing. */
    private static List<String> strings(JwtClaims claims, String path) {
        Object value = claims.getClaimsMap();
        for (String part : path.split("\\.")) {
            if (!(value instanceof Map<?, ?> map)) {
                return List.of();
            }
            value = map.get(part);
        }
        List<String> out = new ArrayList<>();
        if (value instanceof String s) {
            out.add(s);
        } else if (value instanceof List<?> list) {
            list.stream().filter(String.class::isInstance).map(String.class::cast).forEach(out::add);
        }
        return out;
    }

    private static VerificationKeyResolver keyResolver(String jwks) {
        if (jwks.startsWith("https://") || jwks.startsWith("http://")) {
            // Fetched on first use and again when a token names a key it does not know (the provider rotated its keys).
            return new HttpsJwksVerificationKeyResolver(new HttpsJwks(jwks));
        }
        try {
            String json = Files.readString(Path.of(jwks.startsWith("file:") ? jwks.substring(5) : jwks), StandardCharsets.UTF_8);
            return new JwksVerificationKeyResolver(new JsonWebKeySet(json).getJsonWebKeys());
        } catch (IOException | JoseException e) {
            throw new IllegalStateException("tsunagu.oidc.jwks: cannot read the key set " + jwks, e);
        }
    }

    private static Map<String, String> parseRoleMap(String spec) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String pair : spec.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.lastIndexOf('=');
            String role = eq < 0 ? "" : pair.substring(eq + 1).strip();
            if (!ROLES.contains(role)) {
                throw new IllegalStateException("tsunagu.oidc.role-map: \"" + pair.strip() + "\" should be provider-group=ROLE with ROLE one of " + ROLES);
            }
            map.put(pair.substring(0, eq).strip(), role);
        }
        return map;
    }
}
