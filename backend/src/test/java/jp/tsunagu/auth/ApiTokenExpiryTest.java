package jp.tsunagu.auth;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** System tokens expire (a year unless the administrator chooses), and can be renewed before or after. */
@QuarkusTest
class ApiTokenExpiryTest {

    @Test
    void aTokenLastsAYearUnlessToldOtherwiseAndIsRenewedWithoutANewSecret() {
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Tokyo"));
        var created = Api.as("admin").body(Map.of("name", "期限の確認", "scopes", List.of("kpi:read"))).post("/api/v1/api-tokens")
                .then().statusCode(201).body("expiresAt", startsWith(today.plusYears(1).plusDays(1).toString())).extract();
        String secret = created.path("token");
        int id = created.path("id");
        Api.bearer(secret).get("/api/v1/kpis?limit=1").then().statusCode(200);

        Api.as("admin").body(Map.of("expiresOn", today.plusMonths(6).toString())).post("/api/v1/api-tokens/" + id + "/renew").then().statusCode(200)
                .body("expiresAt", startsWith(today.plusMonths(6).plusDays(1).toString()));
        Api.bearer(secret).get("/api/v1/kpis?limit=1").then().statusCode(200);
        Api.as("admin").body(Map.of("expiresOn", today.toString())).post("/api/v1/api-tokens/" + id + "/renew").then().statusCode(400)
                .body("errors[0].field", equalTo("expiresOn"));
        Api.as("admin").body(Map.of("name", "期限が遠すぎる", "scopes", List.of("kpi:read"), "expiresOn", today.plusYears(5).toString()))
                .post("/api/v1/api-tokens").then().statusCode(400);

        Api.as("admin").delete("/api/v1/api-tokens/" + id).then().statusCode(204);
        Api.as("admin").body("{}").post("/api/v1/api-tokens/" + id + "/renew").then().statusCode(409).body("type", equalTo("/problems/api-token-revoked"));
        Api.bearer(secret).get("/api/v1/kpis?limit=1").then().statusCode(401);
    }

    @Test
    void aRotatedSecretReplacesTheOldOneWhichWorksOnlyForTheGracePeriod() {
        var created = Api.as("admin").body(Map.of("name", "切り替えの確認", "scopes", List.of("kpi:read"))).post("/api/v1/api-tokens")
                .then().statusCode(201).extract();
        String old = created.path("token");
        int id = created.path("id");
        Api.bearer(old).get("/api/v1/kpis?limit=1").then().statusCode(200);

        // With a grace period: both secrets work, and the list says until when the old one does.
        String fresh = Api.as("admin").body(Map.of("graceHours", 24)).post("/api/v1/api-tokens/" + id + "/rotations").then().statusCode(201)
                .body("id", equalTo(id)).body("name", equalTo("切り替えの確認")).extract().path("token");
        Api.bearer(fresh).get("/api/v1/kpis?limit=1").then().statusCode(200);
        Api.bearer(old).get("/api/v1/kpis?limit=1").then().statusCode(200);
        Api.as("admin").get("/api/v1/api-tokens").then().statusCode(200)
                .body("items.find { it.id == " + id + " }.previousValidUntil", org.hamcrest.Matchers.notNullValue())
                .body("items.find { it.id == " + id + " }.rotatedAt", org.hamcrest.Matchers.notNullValue())
                .body("items.find { it.id == " + id + " }.lastUsedAt", org.hamcrest.Matchers.notNullValue());

        // Rotating again at once, without grace: only the newest secret works.
        String newest = Api.as("admin").body(Map.of("graceHours", 0)).post("/api/v1/api-tokens/" + id + "/rotations").then().statusCode(201)
                .extract().path("token");
        Api.bearer(newest).get("/api/v1/kpis?limit=1").then().statusCode(200);
        Api.bearer(fresh).get("/api/v1/kpis?limit=1").then().statusCode(401);
        Api.bearer(old).get("/api/v1/kpis?limit=1").then().statusCode(401);
        Api.as("admin").body(Map.of("graceHours", 10000)).post("/api/v1/api-tokens/" + id + "/rotations").then().statusCode(400)
                .body("errors[0].field", equalTo("graceHours"));
        Api.as("planner").body(Map.of()).post("/api/v1/api-tokens/" + id + "/rotations").then().statusCode(403);

        Api.as("admin").delete("/api/v1/api-tokens/" + id).then().statusCode(204);
        Api.as("admin").body(Map.of()).post("/api/v1/api-tokens/" + id + "/rotations").then().statusCode(409);
        Api.bearer(newest).get("/api/v1/kpis?limit=1").then().statusCode(401);
    }
}
