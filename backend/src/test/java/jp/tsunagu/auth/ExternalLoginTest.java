package jp.tsunagu.auth;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.TestIdentityProvider;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.junit.jupiter.api.Test;

import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Staff signed in at the city's identity provider use the API with the provider's access token. */
@QuarkusTest
class ExternalLoginTest {

    private static String coordinatorToken(String username) {
        return TestIdentityProvider.token(username, c -> {
            c.setClaim("name", "外部 相談員");
            c.setClaim("realm_access", Map.of("roles", List.of("offline_access", "welfare-coordinators")));
            c.setClaim("districts", List.of("40102-takasu"));
        });
    }

    private static Map<String, Object> recipient(String area) {
        return Map.of("name", "認証 基盤", "kana", "にんしょう きばん", "areaCode", area, "referredBy", "WELFARE_VOLUNTEER",
                "consent", true, "contact", "093-444-5555");
    }

    @Test
    void theLoginScreenLearnsWhereTheProviderIsWithoutLoggingIn() {
        given().get("/api/v1/auth/options").then().statusCode(200)
                .body("passwordLogin", equalTo(true))
                .body("oidc.issuer", equalTo(TestIdentityProvider.ISSUER))
                .body("oidc.clientId", equalTo("tsunagu-spa"))
                .body("oidc.authorizationEndpoint", equalTo(TestIdentityProvider.ISSUER + "/protocol/openid-connect/auth"))
                .body("oidc.tokenEndpoint", equalTo(TestIdentityProvider.ISSUER + "/protocol/openid-connect/token"))
                .body("oidc.endSessionEndpoint", equalTo(TestIdentityProvider.ISSUER + "/protocol/openid-connect/logout"))
                .body("oidc.scope", equalTo("openid profile"));
    }

    @Test
    void aProviderTokenCarriesTheMappedRoleAndDistrictsAndIsAuditedUnderItsUserName() {
        String username = "ext-" + UUID.randomUUID().toString().substring(0, 8);
        String token = coordinatorToken(username);
        Api.bearer(token).get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo(username)).body("displayName", equalTo("外部 相談員")).body("kind", equalTo("USER"))
                .body("roles", contains("COORDINATOR")).body("districts", contains("40102-takasu"))
                .body("external", equalTo(true));

        // The district limits hold for them as for anyone: their district yes, another no.
        int id = Api.bearer(token).body(recipient("40102-takasu")).post("/api/v1/recipients").then().statusCode(201).extract().path("id");
        Api.bearer(token).body(recipient("40106-wakazono")).post("/api/v1/recipients").then().statusCode(422);
        // A coordinator role does not open the admin's pages.
        Api.bearer(token).get("/api/v1/audit-log").then().statusCode(403);
        Api.as("admin").queryParam("actor", username).get("/api/v1/audit-log").then().statusCode(200)
                .body("items.entityId", hasItem(id));
    }

    @Test
    void aTsunaguRoleNamedByTheProviderCountsAsItself() {
        String token = TestIdentityProvider.token("ext-viewer", c -> c.setClaim("realm_access", Map.of("roles", List.of("VIEWER"))));
        Api.bearer(token).get("/api/v1/me").then().statusCode(200).body("roles", contains("VIEWER"));
        Api.bearer(token).get("/api/v1/recipients").then().statusCode(403);
    }

    @Test
    void tokensTheApiShouldNotTrustAreRefused() throws JoseException {
        String[] refused = {
                // expired
                TestIdentityProvider.token("ext-old", c -> {
                    c.setClaim("realm_access", Map.of("roles", List.of("welfare-admins")));
                    c.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
                }),
                // another issuer
                TestIdentityProvider.token("ext-issuer", c -> {
                    c.setClaim("realm_access", Map.of("roles", List.of("welfare-admins")));
                    c.setIssuer("https://evil.example/realms/city");
                }),
                // for another application
                TestIdentityProvider.token("ext-aud", c -> {
                    c.setClaim("realm_access", Map.of("roles", List.of("welfare-admins")));
                    c.setAudience("some-other-app");
                }),
                // no Tsunagu role at all
                TestIdentityProvider.token("ext-none", c -> c.setClaim("realm_access", Map.of("roles", List.of("staff")))),
                // signed by a key that is not the provider's
                foreignSigned(),
                // the payload changed after signing (a role added)
                tampered(TestIdentityProvider.token("ext-tamper", c -> c.setClaim("realm_access", Map.of("roles", List.of("staff")))))};
        for (String token : refused) {
            Api.bearer(token).get("/api/v1/me").then().statusCode(401).body("type", equalTo("/problems/unauthorized"));
        }
        // The same user with a good token gets in: the refusals above were about the tokens.
        Api.bearer(TestIdentityProvider.token("ext-old", c -> c.setClaim("realm_access", Map.of("roles", List.of("welfare-admins")))))
                .get("/api/v1/me").then().statusCode(200).body("roles", contains("ADMIN"));
    }

    private static String foreignSigned() throws JoseException {
        RsaJsonWebKey other = RsaJwkGenerator.generateJwk(2048);
        other.setKeyId("test-key-1");
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(TestIdentityProvider.ISSUER);
        claims.setAudience(TestIdentityProvider.AUDIENCE);
        claims.setSubject("intruder");
        claims.setClaim("realm_access", Map.of("roles", List.of("welfare-admins")));
        claims.setExpirationTimeMinutesInTheFuture(5);
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(other.getPrivateKey());
        jws.setKeyIdHeaderValue(other.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        return jws.getCompactSerialization();
    }

    private static String tampered(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), java.nio.charset.StandardCharsets.UTF_8)
                .replace("\"staff\"", "\"welfare-admins\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                + "." + parts[2];
    }
}
