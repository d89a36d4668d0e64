package jp.tsunagu.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.CityConfiguration;
import jp.tsunagu.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** Where the city's identity provider replaces Tsunagu's passwords, nobody logs in with one. */
@QuarkusTest
@TestProfile(CityConfiguration.class)
class PasswordLoginDisabledTest {

    @Test
    void passwordsAreRefusedAndTheProvidersTokensWork() {
        given().get("/api/v1/auth/options").then().statusCode(200)
                .body("passwordLogin", equalTo(false)).body("oidc.issuer", equalTo(TestIdentityProvider.ISSUER));
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", Api.DEMO_PASSWORD))
                .post("/api/v1/auth/token").then().statusCode(403).body("type", equalTo("/problems/password-login-disabled"));
        String token = TestIdentityProvider.token("ext-admin", c -> c.setClaim("realm_access", Map.of("roles", List.of("welfare-admins"))));
        Api.bearer(token).get("/api/v1/me").then().statusCode(200).body("roles", contains("ADMIN"));
    }
}
