package jp.tsunagu.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class EvaluationWorkflowTest {

    private static String plan() {
        String code = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", code, "cityCode", "40100", "kind", "ELDERLY_CARE_INSURANCE", "title", "評価の計画",
                "periodStart", 2021, "periodEnd", 2023, "levels", List.of("目標", "施策の方向性", "取組"), "actors", List.of()))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "②", "title", "目標")).post("/api/v1/plans/" + code + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "方向性", "parentCode", "②")).post("/api/v1/plans/" + code + "/nodes").then().statusCode(201);
        for (String n : List.of("59", "60")) {
            Api.as("planner").body(Map.of("code", n, "title", "取組" + n, "parentCode", "1")).post("/api/v1/plans/" + code + "/nodes").then().statusCode(201);
        }
        return code;
    }

    private static String url(String plan, String node) {
        return "/api/v1/plans/" + plan + "/evaluations/" + node + "/2022";
    }

    @Test
    void plannerWritesAndSubmitsApproverReturnsThenApprovesAndTheSheetLocks() {
        String plan = plan();
        int v = Api.as("planner").body(Map.of("resultText", "設置準備会を実施した。", "futureDirection", "居場所づくりを支援する。", "selfGrade", "B"))
                .put(url(plan, "59")).then().statusCode(200).body("status", equalTo("DRAFT")).extract().path("version");
        v = Api.as("planner").body(Map.of("version", v)).post(url(plan, "59") + "/submit").then().statusCode(200)
                .body("status", equalTo("SUBMITTED")).extract().path("version");
        Api.as("planner").body(Map.of("resultText", "書き換え", "version", v)).put(url(plan, "59")).then().statusCode(409)
                .body("type", equalTo("/problems/evaluation-locked"));
        Api.as("planner").body(Map.of("version", v, "comment", "自分で承認")).post(url(plan, "59") + "/approve").then().statusCode(403);
        Api.as("approver").body(Map.of("version", v)).post(url(plan, "59") + "/return").then().statusCode(400);
        v = Api.as("approver").body(Map.of("version", v, "comment", "数値の根拠を補ってください")).post(url(plan, "59") + "/return")
                .then().statusCode(200).body("status", equalTo("RETURNED")).extract().path("version");
        v = Api.as("planner").body(Map.of("resultText", "設置準備会を 2 回実施した。", "selfGrade", "B", "version", v)).put(url(plan, "59"))
                .then().statusCode(200).body("status", equalTo("RETURNED")).extract().path("version");
        v = Api.as("planner").body(Map.of("version", v)).post(url(plan, "59") + "/submit").then().statusCode(200).extract().path("version");
        v = Api.as("approver").body(Map.of("version", v)).post(url(plan, "59") + "/approve").then().statusCode(200)
                .body("status", equalTo("APPROVED")).body("editable", equalTo(false)).extract().path("version");
        Api.as("planner").body(Map.of("resultText", "承認後の変更", "version", v)).put(url(plan, "59")).then().statusCode(409);
        Api.as("approver").body(Map.of("version", v)).post(url(plan, "59") + "/approve").then().statusCode(409)
                .body("type", equalTo("/problems/invalid-transition"));
        v = Api.as("approver").body(Map.of("version", v, "reason", "数値の訂正のため")).post(url(plan, "59") + "/reopen").then().statusCode(200)
                .body("status", equalTo("DRAFT")).extract().path("version");
        Api.as("viewer").get(url(plan, "59")).then().statusCode(200)
                .body("transitions.toStatus", contains("DRAFT", "SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED", "DRAFT"))
                .body("transitions[2].comment", equalTo("数値の根拠を補ってください"))
                .body("transitions[2].actor", equalTo("approver"))
                .body("resultText", equalTo("設置準備会を 2 回実施した。"));
    }

    @Test
    void staleEditsGet409() {
        String plan = plan();
        Api.as("planner").body(Map.of("resultText", "一")).put(url(plan, "60")).then().statusCode(200);
        Api.as("planner").body(Map.of("resultText", "二", "version", 0)).put(url(plan, "60")).then().statusCode(200);
        Api.as("admin").body(Map.of("resultText", "三", "version", 0)).put(url(plan, "60")).then().statusCode(409)
                .body("type", equalTo("/problems/stale-version"));
        // Changing a sheet that exists names the version it was read at, as every other update does.
        Api.as("planner").body(Map.of("resultText", "四")).put(url(plan, "60")).then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        Api.as("viewer").body(Map.of("resultText", "五")).put(url(plan, "60")).then().statusCode(403);
    }

    @Test
    void overviewCountsMeasuresByStatusAndGradeAndShowsTheLateOnes() {
        String plan = plan();
        int v = Api.as("planner").body(Map.of("resultText", "実施", "selfGrade", "A")).put(url(plan, "59")).then().statusCode(200)
                .extract().path("version");
        Api.as("planner").body(Map.of("version", v)).post(url(plan, "59") + "/submit").then().statusCode(200);
        Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluations?fiscalYear=2022").then().statusCode(200)
                .body("items", hasSize(2))
                .body("items.nodeCode", contains("59", "60"))
                .body("byStatus.SUBMITTED", equalTo(1))
                .body("byStatus.NONE", equalTo(1))
                .body("byGrade.A", equalTo(1))
                .body("dueDate", equalTo("2023-06-30"))
                .body("items.find { it.nodeCode == '60' }.late", equalTo(true))
                .body("items.find { it.nodeCode == '59' }.late", equalTo(false));
        Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluations").then().statusCode(400);
    }

    @Test
    void aNodeWithAnEvaluationIsNotDeletedUnlessCascaded() {
        String plan = plan();
        Api.as("planner").body(Map.of("resultText", "実施")).put(url(plan, "60")).then().statusCode(200);
        Api.as("planner").delete("/api/v1/plans/" + plan + "/nodes/60").then().statusCode(409);
        Api.as("planner").delete("/api/v1/plans/" + plan + "/nodes/60?cascade=true").then().statusCode(204);
        Api.as("viewer").get(url(plan, "60")).then().statusCode(404);
    }
}
