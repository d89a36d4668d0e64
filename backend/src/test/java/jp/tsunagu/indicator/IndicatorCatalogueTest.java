package jp.tsunagu.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 指標の一覧 for other municipal systems: with a kpi:read token a client discovers every indicator of a plan of its
 * own — where it sits, what it measures, how — pages through them, filters by node, text and change, and reads the
 * plan and its tree (nothing personal is in them).
 */
@QuarkusTest
class IndicatorCatalogueTest {

    @Test
    void aSystemDiscoversTheIndicatorsOfAPlanAndWhereTheySit() {
        String plan = "cat-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40203", "kind", "OTHER", "title", "一覧の試験計画", "periodStart", 2024,
                "periodEnd", 2026, "levels", List.of("基本目標", "施策", "取組"),
                "actors", List.of(Map.of("key", "city", "name", "市")))).post("/api/v1/plans").then().statusCode(201);
        node(plan, "1", null, "つながりのある地域");
        node(plan, "1-1", "1", "居場所づくり");
        node(plan, "2", null, "相談できる地域");
        Api.as("planner").body(Map.of("code", plan + "-salon", "planCode", plan, "nodeCode", "1-1", "name", "サロンの開催回数", "unit", "回",
                "direction", "INCREASE", "disaggregation", Map.of("name", "開催頻度", "additive", true, "options", List.of("月2回以上", "月1回"))))
                .post("/api/v1/indicators").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan + "-consult", "planCode", plan, "nodeCode", "2", "name", "相談件数", "unit", "件",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan + "-watch", "planCode", plan, "nodeCode", "2", "name", "見守り訪問",
                "notSet", true, "notSetReason", "定量効果を求めない")).post("/api/v1/indicators").then().statusCode(201);
        String kpi = Api.as("admin").body(Map.of("name", "一覧の確認", "scopes", List.of("kpi:read"))).post("/api/v1/api-tokens")
                .then().statusCode(201).extract().path("token");

        JsonPath all = Api.bearer(kpi).get("/api/v1/indicators?plan=" + plan).then().statusCode(200).body("items", hasSize(3))
                .body("nextCursor", nullValue()).extract().jsonPath();
        assertEquals(List.of(plan + "-salon", plan + "-consult", plan + "-watch"), all.getList("items.code"));
        assertEquals(List.of("つながりのある地域", "居場所づくり"), all.getList("items[0].path"));
        assertEquals("回", all.getString("items[0].unit"));
        assertEquals("INCREASE", all.getString("items[0].direction"));
        assertEquals(List.of("月2回以上", "月1回"), all.getList("items[0].disaggregation.options"));
        assertEquals("一覧の試験計画", all.getString("items[0].planTitle"));
        assertEquals(true, all.getBoolean("items[2].notSet"));
        assertEquals("定量効果を求めない", all.getString("items[2].notSetReason"));

        Api.bearer(kpi).get("/api/v1/indicators?plan=" + plan + "&node=1").then().statusCode(200).body("items.code", equalTo(List.of(plan + "-salon")));
        Api.bearer(kpi).get("/api/v1/indicators?plan=" + plan + "&q=相談").then().statusCode(200).body("items.code", equalTo(List.of(plan + "-consult")));
        Api.bearer(kpi).get("/api/v1/indicators?plan=" + plan + "&updatedSince=2999-01-01T00:00:00Z").then().statusCode(200).body("items", hasSize(0));
        String cursor = Api.bearer(kpi).get("/api/v1/indicators?plan=" + plan + "&limit=2").then().statusCode(200).body("items", hasSize(2))
                .extract().path("nextCursor");
        Api.bearer(kpi).get("/api/v1/indicators?plan=" + plan + "&limit=2&cursor=" + cursor).then().statusCode(200)
                .body("items.code", equalTo(List.of(plan + "-watch"))).body("nextCursor", nullValue());
        Api.bearer(kpi).get("/api/v1/indicators?updatedSince=yesterday").then().statusCode(400);

        // The plan and its tree are readable with the same token.
        Api.bearer(kpi).get("/api/v1/plans/" + plan).then().statusCode(200);
        Api.bearer(kpi).get("/api/v1/plans/" + plan + "/tree").then().statusCode(200);
        Api.bearer(kpi).get("/api/v1/plans").then().statusCode(200);
        Api.bearer(kpi).get("/api/v1/recipients").then().statusCode(403);
    }

    private static void node(String plan, String code, String parent, String title) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "title", title));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        Api.as("planner").body(body).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
    }
}
