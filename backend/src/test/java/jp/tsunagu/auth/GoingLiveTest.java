package jp.tsunagu.auth;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.testing.NewCity;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

/**
 * A city that is not in the demo goes live: the first administrator through the one-time setup, then staff
 * accounts. The first test creates the administrator the others sign in as (the setup is once per installation).
 */
@QuarkusTest
@TestProfile(NewCity.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GoingLiveTest {

    static final String ADMIN = "kanri";
    static final String ADMIN_PASSWORD = "kumamoto-fukushi-2026";

    static String token(String username, String password) {
        return given().contentType(ContentType.JSON).body(Map.of("username", username, "password", password))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 6);
    }

    @Test
    @Order(1)
    void theFirstAdministratorComesFromTheSetupCodeOnceAndOnlyOnce() {
        given().post("/api/v1/auth/token").then().statusCode(415);
        given().contentType(ContentType.JSON).body(Map.of("username", "admin", "password", "tsunagu-demo"))
                .post("/api/v1/auth/token").then().statusCode(401);
        given().get("/api/v1/setup").then().statusCode(200).body("needed", equalTo(true));

        Map<String, String> wrongCode = Map.of("setupCode", "WRONG-CODE", "username", ADMIN, "displayName", "福祉政策課 管理者",
                "password", ADMIN_PASSWORD);
        given().contentType(ContentType.JSON).body(wrongCode).post("/api/v1/setup").then().statusCode(401)
                .contentType("application/problem+json").body("type", equalTo("/problems/invalid-setup-code"));
        given().get("/api/v1/setup").then().body("needed", equalTo(true));

        given().contentType(ContentType.JSON).body(Map.of("setupCode", NewCity.SETUP_CODE, "username", ADMIN, "displayName", "管理者",
                "password", "short")).post("/api/v1/setup").then().statusCode(422)
                .body("type", equalTo("/problems/weak-password")).body("errors[0].field", equalTo("password"));
        given().contentType(ContentType.JSON).body(Map.of("setupCode", NewCity.SETUP_CODE, "username", ADMIN, "displayName", "管理者",
                "password", "password1234")).post("/api/v1/setup").then().statusCode(422).body("detail", startsWith("password: よく使われて"));
        given().get("/api/v1/setup").then().body("needed", equalTo(true));

        given().contentType(ContentType.JSON).body(Map.of("setupCode", NewCity.SETUP_CODE, "username", ADMIN, "displayName", "福祉政策課 管理者",
                "password", ADMIN_PASSWORD)).post("/api/v1/setup").then().statusCode(201).body("username", equalTo(ADMIN));
        given().get("/api/v1/setup").then().body("needed", equalTo(false));
        given().contentType(ContentType.JSON).body(Map.of("setupCode", NewCity.SETUP_CODE, "username", "other", "displayName", "別人",
                "password", "another-long-passphrase")).post("/api/v1/setup").then().statusCode(409)
                .body("type", equalTo("/problems/setup-done"));

        as(token(ADMIN, ADMIN_PASSWORD)).get("/api/v1/me").then().statusCode(200)
                .body("roles", contains("ADMIN")).body("mustChangePassword", equalTo(false));
    }

    @Test
    @Order(2)
    void aNewCoordinatorChangesTheirPasswordBeforeAnythingElseAndSeesTheirDistrictsOnly() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        String city = unique("43100");
        as(admin).body(Map.of("code", city, "name", "熊本市", "kana", "くまもとし", "kind", "CITY")).post("/api/v1/areas").then().statusCode(201);
        String ward = unique("43101");
        as(admin).body(Map.of("code", ward, "name", "中央区", "kana", "ちゅうおうく", "kind", "WARD", "parentCode", city))
                .post("/api/v1/areas").then().statusCode(201);
        String district = unique("43101-kouzan");
        as(admin).body(Map.of("code", district, "name", "向山", "kana", "こうざん", "kind", "SCHOOL_DISTRICT", "parentCode", ward))
                .post("/api/v1/areas").then().statusCode(201);

        String username = unique("soudan");
        String temporary = "karino-pasuwado-77";
        Map<String, Object> body = Map.of("username", username, "displayName", "向山 相談員", "roles", List.of("COORDINATOR"),
                "districtCodes", List.of(district), "password", temporary);
        long id = ((Number) as(admin).body(body).post("/api/v1/accounts").then().statusCode(201)
                .body("mustChangePassword", equalTo(true)).body("districts.code", contains(district))
                .extract().path("id")).longValue();
        as(admin).body(body).post("/api/v1/accounts").then().statusCode(409).body("type", equalTo("/problems/username-taken"));
        as(admin).body(Map.of("username", unique("weak"), "displayName", "弱い", "roles", List.of("VIEWER"), "password", "aaaaaaaaaaaaaa"))
                .post("/api/v1/accounts").then().statusCode(422).body("type", equalTo("/problems/weak-password"));
        as(admin).body(Map.of("username", unique("nowhere"), "displayName", "どこ", "roles", List.of("COORDINATOR"),
                        "districtCodes", List.of("no-such-area"), "password", "a-long-enough-passphrase"))
                .post("/api/v1/accounts").then().statusCode(422).body("errors[0].field", equalTo("districtCodes[0]"));

        String coordinator = token(username, temporary);
        as(coordinator).get("/api/v1/me").then().statusCode(200).body("mustChangePassword", equalTo(true)).body("roles", hasSize(0));
        as(coordinator).get("/api/v1/supporters").then().statusCode(403);
        as(coordinator).body(Map.of("currentPassword", "not-it-at-all-1", "newPassword", "kouzan-no-soudanin"))
                .put("/api/v1/me/password").then().statusCode(422).body("errors[0].field", equalTo("currentPassword"));
        as(coordinator).body(Map.of("currentPassword", temporary, "newPassword", "kouzan-no-soudanin"))
                .put("/api/v1/me/password").then().statusCode(204);
        // The same token: the account as it stands now decides, not the token.
        as(coordinator).get("/api/v1/me").then().body("mustChangePassword", equalTo(false)).body("roles", contains("COORDINATOR"))
                .body("districts", contains(district));
        as(coordinator).get("/api/v1/supporters").then().statusCode(200);

        as(admin).get("/api/v1/accounts?q=" + username).then().statusCode(200).body("items.username", contains(username))
                .body("items[0].lastSignInAt", org.hamcrest.Matchers.notNullValue());
        as(admin).get("/api/v1/accounts?role=COORDINATOR&limit=500").then().statusCode(200).body("items.username", hasItem(username));
        as(admin).get("/api/v1/audit-log?entity=ACCOUNT").then().statusCode(200)
                .body("items.find { it.entityId == " + id + " && it.action == 'CREATE' }.actor", equalTo(ADMIN))
                .body("items.find { it.entityId == " + id + " && it.detail == '本人がパスワードを変更' }.actor", equalTo(username));
    }

    @Test
    @Order(3)
    void aDisabledAccountsTokenStopsAtOnceAndTheLastAdministratorStays() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        String username = unique("viewer");
        long id = ((Number) as(admin).body(Map.of("username", username, "displayName", "閲覧者", "roles", List.of("VIEWER"),
                "password", "etsuransha-no-pass")).post("/api/v1/accounts").then().statusCode(201).extract().path("id")).longValue();
        String viewer = token(username, "etsuransha-no-pass");
        as(viewer).get("/api/v1/me").then().statusCode(200);

        long version = ((Number) as(admin).get("/api/v1/accounts/" + id).then().extract().path("version")).longValue();
        as(admin).body(Map.of("displayName", "閲覧者", "roles", List.of("VIEWER"), "active", false, "version", version))
                .put("/api/v1/accounts/" + id).then().statusCode(200).body("active", equalTo(false));
        as(viewer).get("/api/v1/me").then().statusCode(401);
        given().contentType(ContentType.JSON).body(Map.of("username", username, "password", "etsuransha-no-pass"))
                .post("/api/v1/auth/token").then().statusCode(401);

        long adminId = ((Number) as(admin).get("/api/v1/accounts?q=" + ADMIN).then().extract().path("items[0].id")).longValue();
        long adminVersion = ((Number) as(admin).get("/api/v1/accounts/" + adminId).then().extract().path("version")).longValue();
        as(admin).body(Map.of("displayName", "管理者", "roles", List.of("ADMIN"), "active", false, "version", adminVersion))
                .put("/api/v1/accounts/" + adminId).then().statusCode(409).body("type", equalTo("/problems/last-administrator"));
        as(admin).body(Map.of("displayName", "管理者", "roles", List.of("PLANNER"), "active", true, "version", adminVersion))
                .put("/api/v1/accounts/" + adminId).then().statusCode(409);
        as(admin).get("/api/v1/me").then().statusCode(200).body("roles", contains("ADMIN"));
    }

    @Test
    @Order(4)
    void aResetPasswordMustBeChangedAtTheNextSignIn() {
        String admin = token(ADMIN, ADMIN_PASSWORD);
        String username = unique("planner");
        long id = ((Number) as(admin).body(Map.of("username", username, "displayName", "計画 担当", "roles", List.of("PLANNER"),
                "password", "keikaku-no-shoki-pw")).post("/api/v1/accounts").then().statusCode(201).extract().path("id")).longValue();
        String planner = token(username, "keikaku-no-shoki-pw");
        as(planner).body(Map.of("currentPassword", "keikaku-no-shoki-pw", "newPassword", "jibun-de-kimeta-pw"))
                .put("/api/v1/me/password").then().statusCode(204);
        as(planner).get("/api/v1/plans").then().statusCode(200);

        as(admin).body(Map.of("password", "kari-no-pasuwado-2")).post("/api/v1/accounts/" + id + "/password-reset").then().statusCode(200)
                .body("mustChangePassword", equalTo(true));
        // The old session loses its roles at once; the temporary password signs in, for changing it only.
        as(planner).get("/api/v1/plans").then().statusCode(403);
        String again = token(username, "kari-no-pasuwado-2");
        as(again).get("/api/v1/me").then().body("mustChangePassword", equalTo(true));
    }
}
