package jp.tsunagu.auth;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static jp.tsunagu.testing.Api.as;
import static jp.tsunagu.testing.Api.bearer;

/**
 * The API remembers accounts between requests, yet a change made elsewhere — by another replica, or with SQL by
 * hand — must take effect within moments, as when every request read the account. Here the change is made with
 * SQL on a connection of the test's own (as another replica's transaction would reach the database), and the
 * same token is tried until the API answers by the new standing.
 */
@QuarkusTest
class AccountChangesElsewhereTest {

    @Inject
    AgroalDataSource database;

    private void sql(String statement, String username) throws SQLException {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(statement)) {
            s.setString(1, username);
            s.executeUpdate();
        }
    }

    /** Calls /me with the token until {@code answer} holds, for at most 5 s; fails if it never does. */
    private static void eventually(String token, Predicate<Response> answer, String what) throws InterruptedException {
        long until = System.nanoTime() + 5_000_000_000L;
        Response last;
        do {
            last = bearer(token).get("/api/v1/me");
            if (answer.test(last)) {
                return;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < until);
        throw new AssertionError(what + " within 5 s; last answer " + last.statusCode() + " " + last.asString());
    }

    @Test
    void rolesChangedAndAccountsDisabledElsewhereTakeEffectOnTheNextRequests() throws Exception {
        String username = "elsewhere-" + UUID.randomUUID().toString().substring(0, 8);
        as("admin").body(Map.of("username", username, "displayName", "別の窓口", "roles", List.of("PLANNER"),
                "password", "betsu-no-madoguchi-pw")).post("/api/v1/accounts").then().statusCode(201);
        String token = given().contentType("application/json").body(Map.of("username", username, "password", "betsu-no-madoguchi-pw"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        // A reset password gives no roles until it is changed; the same request twice, so the standing is remembered.
        bearer(token).get("/api/v1/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.empty());
        bearer(token).get("/api/v1/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.empty());

        sql("update account set must_change_password = false where username = ?", username);
        eventually(token, r -> r.statusCode() == 200 && List.of("PLANNER").equals(r.path("roles")), "the cleared password reset was not seen");

        sql("update account_role set role = 'VIEWER' where account_id = (select id from account where username = ?)", username);
        eventually(token, r -> r.statusCode() == 200 && List.of("VIEWER").equals(r.path("roles")), "the changed role was not seen");
        bearer(token).get("/api/v1/plans").then().statusCode(200);
        bearer(token).contentType("application/json").body(Map.of("title", "見えない計画")).post("/api/v1/plans").then().statusCode(403);

        sql("update account set active = false where username = ?", username);
        eventually(token, r -> r.statusCode() == 401, "the disabled account still answered");
        bearer(token).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void aChangeThroughTheApiCountsAtOnceWithoutWaitingForTheDatabasesNotice() {
        String username = "at-once-" + UUID.randomUUID().toString().substring(0, 8);
        long id = ((Number) as("admin").body(Map.of("username", username, "displayName", "すぐ反映", "roles", List.of("VIEWER"),
                "password", "sugu-hanei-no-pw")).post("/api/v1/accounts").then().statusCode(201).extract().path("id")).longValue();
        String token = given().contentType("application/json").body(Map.of("username", username, "password", "sugu-hanei-no-pw"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
        for (int i = 0; i < 3; i++) {
            bearer(token).get("/api/v1/me").then().statusCode(200);
        }
        long version = ((Number) as("admin").get("/api/v1/accounts/" + id).then().extract().path("version")).longValue();
        as("admin").body(Map.of("displayName", "すぐ反映", "roles", List.of("VIEWER"), "active", false, "version", version))
                .put("/api/v1/accounts/" + id).then().statusCode(200);
        // No waiting: this replica forgot what it remembered when the change committed.
        bearer(token).get("/api/v1/me").then().statusCode(401);
    }
}
