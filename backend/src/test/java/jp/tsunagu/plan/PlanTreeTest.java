package jp.tsunagu.plan;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PlanTreeTest {

    @Test
    void kumamotoTreeComesWholeWithItsRoleMatrix() {
        Api.as("viewer").get("/api/v1/plans/kumamoto-5th/tree").then().statusCode(200)
                .body("plan.actors.name", contains("市", "市社協", "民生委員", "校区社協", "地域団体等", "地域住民"))
                .body("plan.levels", contains("基本方針", "取組の視点", "取組", "事業"))
                .body("nodes[0].code", equalTo("Ⅳ"))
                .body("nodes[0].indicators.code", hasItem("kumamoto-5th-iv-3"))
                .body("nodes[0].children.code", contains("Ⅳ-1", "Ⅳ-2"))
                .body("nodes[0].children.children.flatten().code", hasItem("13"))
                .body("nodes[0].children.children.flatten().children.flatten().roles.flatten().role", hasItem("LEAD"))
                .body("nodes[0].children.children.flatten().children.flatten().roles.flatten().role", hasItem("PARTNER"));
    }

    @Test
    void kurumeStatementsForResidentsCouncilAndCity() {
        Api.as("viewer").get("/api/v1/plans/kurume/tree").then().statusCode(200)
                .body("plan.actors.key", contains("residents", "council", "city"))
                .body("nodes.children.flatten().roles.flatten().statement", hasItem("成年後見制度の普及・利用促進に取り組みます"));
    }

    @Test
    void plansMadeAsOneAreLinkedAndThresholdsArePerPlan() {
        String a = "link-a-" + UUID.randomUUID().toString().substring(0, 6);
        String b = "link-b-" + UUID.randomUUID().toString().substring(0, 6);
        Api.as("planner").body(Map.of("code", a, "cityCode", "40203", "kind", "COMMUNITY_WELFARE", "title", "市の地域福祉計画",
                "periodStart", 2020, "periodEnd", 2025, "levels", List.of("施策"), "actors", List.of())).post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", b, "cityCode", "40203", "kind", "COMMUNITY_WELFARE_ACTIVITY", "title", "社協の地域福祉活動計画",
                        "periodStart", 2020, "periodEnd", 2025, "levels", List.of("施策"), "actors", List.of(), "linkedPlans", List.of(a)))
                .post("/api/v1/plans").then().statusCode(201).body("linkedPlans", contains(a));
        int version = Api.as("planner").body(Map.of("title", "市の地域福祉計画", "kind", "COMMUNITY_WELFARE", "periodStart", 2020, "periodEnd", 2025,
                        "status", "ACTIVE", "levels", List.of("施策"), "gradeThresholds", Map.of("a", 100, "b", 90, "c", 70),
                        "linkedPlans", List.of(b), "version", 0))
                .put("/api/v1/plans/" + a).then().statusCode(200)
                .body("gradeThresholds.b", equalTo(90)).body("linkedPlans", contains(b)).extract().path("version");
        Api.as("planner").body(Map.of("title", "x", "kind", "OTHER", "periodStart", 2025, "periodEnd", 2020,
                        "status", "ACTIVE", "levels", List.of("施策"), "gradeThresholds", Map.of("a", 100, "b", 90, "c", 70), "version", version))
                .put("/api/v1/plans/" + a).then().statusCode(400).body("errors[0].field", equalTo("periodEnd"));
        Api.as("planner").body(Map.of("code", "x-" + a, "cityCode", "40203-hiyoshi", "kind", "OTHER", "title", "校区の計画",
                "periodStart", 2020, "periodEnd", 2025, "levels", List.of("施策"), "actors", List.of())).post("/api/v1/plans").then().statusCode(422);
    }

    @Test
    void everyChangeOfNodesAndIndicatorsIsRememberedWithWhoAndOldAndNew() {
        String plan = "chg-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40203", "kind", "OTHER", "title", "変更履歴の計画",
                "periodStart", 2024, "periodEnd", 2026, "levels", List.of("施策"), "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "旧い題")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan + "-i", "planCode", plan, "nodeCode", "1", "name", "旧い指標名", "unit", "件",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        String since = java.time.OffsetDateTime.now().minusSeconds(1).toString();
        Api.as("planner").body(Map.of("code", "1", "title", "新しい題", "roles", List.of(Map.of("actor", "city", "role", "LEAD")), "version", 0))
                .put("/api/v1/plans/" + plan + "/nodes/1").then().statusCode(204);
        Api.as("admin").body(Map.of("name", "新しい指標名", "unit", "件", "direction", "INCREASE", "notSet", false, "version", 0))
                .put("/api/v1/indicators/" + plan + "-i").then().statusCode(200);
        Api.as("viewer").queryParam("since", since).get("/api/v1/plans/" + plan + "/changes").then().statusCode(200)
                .body("items.find { it.record == 'NODE' && it.field == 'title' }.oldValue", equalTo("旧い題"))
                .body("items.find { it.record == 'NODE' && it.field == 'title' }.newValue", equalTo("新しい題"))
                .body("items.find { it.record == 'NODE' && it.field == 'title' }.changedBy", equalTo("planner"))
                .body("items.find { it.record == 'NODE' && it.field == 'roles' }.newValue", equalTo("[city:◎]"))
                .body("items.find { it.record == 'INDICATOR' }.oldValue", equalTo("旧い指標名"))
                .body("items.find { it.record == 'INDICATOR' }.changedBy", equalTo("admin"));
        Api.as("viewer").get("/api/v1/plans/" + plan + "/changes").then().statusCode(400);
    }

    @Test
    void planListShowsTheSeedPlans() {
        Api.as("viewer").get("/api/v1/plans").then().statusCode(200)
                .body("items.code", hasItem("kitakyushu-ikiiki2"))
                .body("items.code", hasItem("kaigo-9th"))
                .body("items.find { it.code == 'kitakyushu-ikiiki2' }.indicatorCount", equalTo(10));
    }

    @Test
    void nodesAreCreatedMovedAndDeletedOnlyWhenEmptyUnlessCascaded() {
        String plan = "tree-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40100", "kind", "COMMUNITY_WELFARE", "title", "木の計画",
                        "periodStart", 2024, "periodEnd", 2029, "levels", List.of("基本目標", "施策"),
                        "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans").then().statusCode(201).body("city.name", equalTo("北九州市"));
        for (String code : List.of("A", "B")) {
            Api.as("planner").body(Map.of("code", code, "title", "目標" + code)).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        }
        Api.as("planner").body(Map.of("code", "A-1", "title", "施策A1", "parentCode", "A",
                        "roles", List.of(Map.of("actor", "city", "role", "LEAD", "statement", "推進します"))))
                .post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "A-1", "title", "重複")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(409);
        Api.as("planner").body(Map.of("code", "X", "title", "役割", "roles", List.of(Map.of("actor", "nobody", "role", "LEAD"))))
                .post("/api/v1/plans/" + plan + "/nodes").then().statusCode(422).body("type", equalTo("/problems/unknown-actor"));

        Api.as("planner").body(Map.of("parentCode", "B", "position", 0, "version", 0))
                .post("/api/v1/plans/" + plan + "/nodes/A-1/move").then().statusCode(204);
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then()
                .body("nodes.find { it.code == 'B' }.children.code", contains("A-1"))
                .body("nodes.find { it.code == 'B' }.children[0].roles[0].statement", equalTo("推進します"))
                .body("nodes.find { it.code == 'A' }.children", hasSize(0));
        Api.as("planner").body(Map.of("parentCode", "A-1", "position", 0, "version", 1))
                .post("/api/v1/plans/" + plan + "/nodes/B/move").then().statusCode(422);

        Api.as("planner").body(Map.of("code", plan + "-x", "planCode", plan, "nodeCode", "A-1", "name", "件数", "unit", "件",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        Api.as("planner").delete("/api/v1/plans/" + plan + "/nodes/B").then().statusCode(409)
                .body("detail", containsString("成果指標 1 件"));
        Api.as("planner").delete("/api/v1/plans/" + plan + "/nodes/B?cascade=true").then().statusCode(204);
        Api.as("viewer").get("/api/v1/indicators/" + plan + "-x").then().statusCode(404);
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().body("nodes.code", contains("A"));
        Api.as("viewer").body(Map.of("code", "V", "title", "閲覧者")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(403);
    }
}
