package jp.tsunagu.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AuthTest {

    private static io.restassured.response.Response login(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token");
    }

    @Test
    void demoAccountLogsInAndSeesItsRolesAndDistricts() {
        login("coordinator", Api.DEMO_PASSWORD).then().statusCode(200)
                .body("token_type", equalTo("Bearer"))
                .body("expires_in", greaterThan(0))
                .body("access_token", notNullValue());
        Api.as("coordinator").get("/api/v1/me").then().statusCode(200)
                .body("subject", equalTo("coordinator"))
                .body("kind", equalTo("USER"))
                .body("roles", containsInAnyOrder("COORDINATOR"))
                .body("districts", containsInAnyOrder("40101-shoji", "40102-takasu"))
                .body("external", org.hamcrest.Matchers.equalTo(false));
        Api.as("admin").get("/api/v1/me").then().statusCode(200).body("roles", containsInAnyOrder("ADMIN"));
    }

    @Test
    void wrongPasswordAndUnknownUserAnswerAlike() {
        String wrongPassword = login("viewer", "not-the-password").then().statusCode(401)
                .contentType(startsWith("application/problem+json")).extract().path("detail");
        String unknownUser = login("nobody-" + UUID.randomUUID(), Api.DEMO_PASSWORD).then().statusCode(401)
                .extract().path("detail");
        org.junit.jupiter.api.Assertions.assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void repeatedFailuresForOneAccountAreSlowedDown() {
        String name = "throttled-" + UUID.randomUUID();
        for (int i = 0; i < 5; i++) {
            login(name, "wrong").then().statusCode(401);
        }
        login(name, "wrong").then().statusCode(429)
                .contentType(startsWith("application/problem+json"))
                .header("Retry-After", notNullValue())
                .body("type", equalTo("/problems/too-many-attempts"));
        // Another account is not affected.
        login("planner", Api.DEMO_PASSWORD).then().statusCode(200);
    }

    @Test
    void tamperedTokenIsRejected() {
        String token = Api.token("viewer");
        String tampered = token.substring(0, token.length() - 2) + (token.endsWith("A") ? "B" : "A") + "x";
        Api.bearer(tampered).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void adminIssuesListsAndRevokesApiTokens() {
        String secret = Api.as("admin").body(Map.of("name", "GIS 連携", "scopes", List.of("directory:read")))
                .post("/api/v1/api-tokens")
                .then().statusCode(201)
                .body("token", startsWith("tsu_"))
                .body("scopes", containsInAnyOrder("directory:read"))
                .extract().path("token");
        int id = Api.as("admin").get("/api/v1/api-tokens").then().statusCode(200)
                .body("items.name", hasItem("GIS 連携"))
                .body("items.token", not(hasItem(secret)))
                .extract().path("items.find { it.name == 'GIS 連携' }.id");

        Api.bearer(secret).get("/api/v1/me").then().statusCode(200)
                .body("kind", equalTo("API_TOKEN")).body("scopes", containsInAnyOrder("directory:read"));
        Api.bearer(secret).get("/api/v1/consultation-windows/route?area=40203-hiyoshi&category=ELDERLY")
                .then().statusCode(200);
        // Reading is all the scope allows.
        Api.bearer(secret).body(Map.of("code", "t-token", "name", "試験", "kana", "しけん", "kind", "CITY"))
                .post("/api/v1/areas").then().statusCode(403).contentType(startsWith("application/problem+json"));

        Api.as("admin").delete("/api/v1/api-tokens/" + id).then().statusCode(204);
        Api.bearer(secret).get("/api/v1/consultation-windows/route?area=40203-hiyoshi&category=ELDERLY")
                .then().statusCode(401);
        Api.as("admin").get("/api/v1/api-tokens").then()
                .body("items.find { it.id == " + id + " }.revokedAt", notNullValue());
    }

    @Test
    void kpiTokenCannotReadTheDirectory() {
        String secret = Api.as("admin").body(Map.of("name", "KPI 取得", "scopes", List.of("kpi:read")))
                .post("/api/v1/api-tokens").then().statusCode(201).extract().path("token");
        Api.bearer(secret).get("/api/v1/consultation-windows").then().statusCode(403);
        Api.bearer(secret).get("/api/v1/api-tokens").then().statusCode(403);
    }

    @Test
    void unknownScopeIsRefused() {
        Api.as("admin").body(Map.of("name", "x", "scopes", List.of("kpi:read", "everything")))
                .post("/api/v1/api-tokens").then().statusCode(400).body("errors[0].field", equalTo("scopes[1]"))
                .body("errors[0].message", org.hamcrest.Matchers.containsString("kpi:read, directory:read, indicator-values:write"));
    }

    @Test
    void onlyAdminsManageTokens() {
        Api.as("planner").body(Map.of("name", "x", "scopes", List.of("kpi:read")))
                .post("/api/v1/api-tokens").then().statusCode(403);
        given().get("/api/v1/api-tokens").then().statusCode(401);
    }

    @Test
    void revokingAnUnknownTokenIs404() {
        Api.as("admin").delete("/api/v1/api-tokens/999999").then().statusCode(404)
                .body("type", equalTo("/problems/api-token-not-found"))
                .body("instance", equalTo("/api/v1/api-tokens/999999"));
    }
}
