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
}
