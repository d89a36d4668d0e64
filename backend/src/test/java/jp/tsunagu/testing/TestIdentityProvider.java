package jp.tsunagu.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A stand-in for the city's OpenID Connect provider: a fresh RSA key per test run, its public half written as a
 * JWKS file that the API is configured to trust ({@code tsunagu.oidc.*}), its private half kept in a file so that
 * tests (in another class loader) can sign access tokens the way the provider would.
 */
public class TestIdentityProvider implements QuarkusTestResourceLifecycleManager {

    public static final String ISSUER = "https://idp.test.example/realms/city";
    public static final String AUDIENCE = "tsunagu";
    private static final String KEY_FILE_PROPERTY = "tsunagu.test.oidc-key";

    private Path dir;

    @Override
    public Map<String, String> start() {
        try {
            RsaJsonWebKey key = RsaJwkGenerator.generateJwk(2048);
            key.setKeyId("test-key-1");
            dir = Files.createTempDirectory("tsunagu-idp");
            Path jwks = dir.resolve("jwks.json");
            Files.writeString(jwks, new JsonWebKeySet(key).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY), StandardCharsets.UTF_8);
            Path secret = dir.resolve("key.json");
            Files.writeString(secret, key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE), StandardCharsets.UTF_8);
            System.setProperty(KEY_FILE_PROPERTY, secret.toString());
            return Map.of(
                    "tsunagu.oidc.issuer", ISSUER,
                    "tsunagu.oidc.jwks", jwks.toString(),
                    "tsunagu.oidc.audience", AUDIENCE,
                    "tsunagu.oidc.client-id", "tsunagu-spa",
                    "tsunagu.oidc.authorization-endpoint", ISSUER + "/protocol/openid-connect/auth",
                    "tsunagu.oidc.token-endpoint", ISSUER + "/protocol/openid-connect/token",
                    "tsunagu.oidc.end-session-endpoint", ISSUER + "/protocol/openid-connect/logout",
                    "tsunagu.oidc.roles-claim", "realm_access.roles",
                    "tsunagu.oidc.role-map", "welfare-coordinators=COORDINATOR, welfare-admins=ADMIN");
        } catch (JoseException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (dir != null) {
            try (var files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
                Files.deleteIfExists(dir);
            } catch (IOException ignored) {
                // a temporary directory left behind is harmless
            }
        }
    }

    /** An access token as the provider issues it: its claims, then {@code adjust} (to spoil them in a test). */
    public static String token(String username, Consumer<JwtClaims> adjust) {
        try {
            RsaJsonWebKey key = (RsaJsonWebKey) JsonWebKey.Factory.newJwk(
                    Files.readString(Path.of(System.getProperty(KEY_FILE_PROPERTY)), StandardCharsets.UTF_8));
            JwtClaims claims = new JwtClaims();
            claims.setIssuer(ISSUER);
            claims.setAudience(AUDIENCE);
            claims.setSubject("f1e2d3c4-" + username);
            claims.setClaim("preferred_username", username);
            claims.setExpirationTimeMinutesInTheFuture(5);
            claims.setIssuedAtToNow();
            adjust.accept(claims);
            JsonWebSignature jws = new JsonWebSignature();
            jws.setPayload(claims.toJson());
            jws.setKey(key.getPrivateKey());
            jws.setKeyIdHeaderValue(key.getKeyId());
            jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
            return jws.getCompactSerialization();
        } catch (JoseException | IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
