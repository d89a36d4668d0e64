package jp.tsunagu.auth;

import io.smallrye.jwt.build.Jwt;
import jakarta.enterprise.context.ApplicationScoped;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Signs and verifies the JWTs that staff logins receive (HS256 with a secret every replica shares,
 * so any replica verifies what another issued).
 */
@ApplicationScoped
class JwtCodec {

    /** What a verified token says about its bearer. */
    record Claims(String username, String displayName, Set<String> roles, List<String> districts) {
    }

    private final String issuer;
    private final Duration lifetime;
    private final String secret;
    private final JwtConsumer consumer;

    JwtCodec(JwtSettings config) {
        String issuer = config.issuer();
        Duration lifetime = config.lifetime();
        String secret = config.secret();
        if (secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new IllegalStateException("tsunagu.jwt.secret (TSUNAGU_JWT_SECRET) must be at least 32 bytes");
        }
        this.issuer = issuer;
        this.lifetime = lifetime;
        this.secret = secret;
        this.consumer = new JwtConsumerBuilder()
                .setRequireExpirationTime()
                .setRequireSubject()
                .setExpectedIssuer(issuer)
                .setAllowedClockSkewInSeconds(30)
                .setVerificationKey(new HmacKey(secret.getBytes(StandardCharsets.UTF_8)))
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .build();
    }

    Duration lifetime() {
        return lifetime;
    }

    String sign(Account account) {
        Set<String> roles = new HashSet<>();
        account.roles.forEach(r -> roles.add(r.name()));
        return Jwt.issuer(issuer)
                .subject(account.username)
                .upn(account.username)
                .claim("name", account.displayName)
                .groups(roles)
                .claim("districts", account.districts.stream().map(a -> a.code).sorted().toList())
                .expiresIn(lifetime)
                .signWithSecret(secret);
    }

    /** A token seen before is not checked again until it expires: the signature is what made it trusted. */
    private record Verified(Claims claims, long expiresAtMillis) {
    }

    private static final int MAX_VERIFIED = 10_000;
    private final java.util.concurrent.ConcurrentHashMap<String, Verified> verified = new java.util.concurrent.ConcurrentHashMap<>();

    Optional<Claims> verify(String token) {
        long now = System.currentTimeMillis();
        Verified seen = verified.get(token);
        if (seen != null) {
            if (seen.expiresAtMillis() > now) {
                return Optional.of(seen.claims());
            }
            verified.remove(token);
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            List<String> groups = claims.getStringListClaimValue("groups");
            List<String> districts = claims.hasClaim("districts") ? claims.getStringListClaimValue("districts") : List.of();
            Claims result = new Claims(claims.getSubject(), claims.getStringClaimValue("name"),
                    java.util.Set.copyOf(groups == null ? List.of() : groups), List.copyOf(districts));
            if (verified.size() >= MAX_VERIFIED) {
                verified.clear();
            }
            verified.put(token, new Verified(result, claims.getExpirationTime().getValueInMillis()));
            return Optional.of(result);
        } catch (InvalidJwtException | MalformedClaimException e) {
            return Optional.empty();
        }
    }
}
