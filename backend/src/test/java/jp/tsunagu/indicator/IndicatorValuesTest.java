package jp.tsunagu.indicator;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Writing values: markers, sums of disaggregations, versions, batches, history. */
@QuarkusTest
class IndicatorValuesTest {

    /** A plan of its own with one node, so tests don't step on each other. */
    private static String plan() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", code, "cityCode", "40203", "kind", "OTHER", "title", "試験計画",
                        "periodStart", 2024, "periodEnd", 2026, "levels", List.of("目標", "取組"),
                        "actors", List.of(Map.of("key", "city", "name", "市"), Map.of("key", "council", "name", "社協"))))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "目標1")).post("/api/v1/plans/" + code + "/nodes").then().statusCode(201);
        return code;
    }

    private static String indicator(String plan, Map<String, Object> disaggregation) {
        String code = plan + "-i";
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "planCode", plan, "nodeCode", "1", "name", "層別の活動回数",
                "unit", "回", "direction", "INCREASE"));
        if (disaggregation != null) {
            body.put("disaggregation", disaggregation);
        }
        Api.as("planner").body(body).post("/api/v1/indicators").then().statusCode(201);
        return code;
    }

    @Test
    void refusesATotalThatDisagreesWithItsOptionsNamingTheNumbers() {
        String i = indicator(plan(), Map.of("name", "層", "additive", true, "options", List.of("第1層", "第2層")));
        Api.as("planner").body(Map.of("rows", List.of(
                        Map.of("indicatorCode", i, "fiscalYear", 2024, "kind", "ACTUAL", "value", 600),
                        Map.of("indicatorCode", i, "fiscalYear", 2024, "kind", "ACTUAL", "option", "第1層", "value", 400),
                        Map.of("indicatorCode", i, "fiscalYear", 2024, "kind", "ACTUAL", "option", "第2層", "value", 150))))
                .put("/api/v1/indicator-values").then().statusCode(422)
                .body("type", equalTo("/problems/disaggregation-sum-mismatch"))
                .body("detail", containsString("600"))
                .body("detail", containsString("550"))
                .body("detail", containsString("第1層 400"));
        Api.as("viewer").get("/api/v1/indicators/" + i).then().body("values", hasSize(0));
        Api.as("planner").body(Map.of("rows", List.of(
                        Map.of("indicatorCode", i, "fiscalYear", 2024, "kind", "ACTUAL", "value", 550),
                        Map.of("indicatorCode", i, "fiscalYear", 2024, "kind", "ACTUAL", "option", "第1層", "value", 400),
                        Map.of("indicatorCode", i, "fiscalYear", 2024, "kind", "ACTUAL", "option", "第2層", "value", 150))))
                .put("/api/v1/indicator-values").then().statusCode(200).body("created", equalTo(3));
        Api.as("planner").body(Map.of("kind", "ACTUAL", "option", "第2層", "value", 151))
                .put("/api/v1/indicators/" + i + "/values/2024").then().statusCode(422);
    }

    @Test
    void batchReportsEveryBadRowAndAppliesNothing() {
        String i = indicator(plan(), null);
        Api.as("planner").body(Map.of("rows", List.of(
                        Map.of("indicatorCode", i, "fiscalYear", 2024, "kind", "ACTUAL", "value", 10),
                        Map.of("indicatorCode", "no-such-indicator", "fiscalYear", 2024, "kind", "ACTUAL", "value", 1),
                        Map.of("indicatorCode", i, "fiscalYear", 2025, "kind", "ACTUAL", "marker", "MAINTAIN_BASELINE"),
                        Map.of("indicatorCode", i, "fiscalYear", 2025, "kind", "TARGET", "option", "第9層", "value", 3))))
                .put("/api/v1/indicator-values").then().statusCode(422)
                .body("errors.field", hasItem("rows[1].indicatorCode"))
                .body("errors.field", hasItem("rows[2].marker"))
                .body("errors.field", hasItem("rows[3].option"));
        Api.as("viewer").get("/api/v1/indicators/" + i).then().body("values", hasSize(0));
    }

    @Test
    void twoWritersOnOneValueOneGets409AndNothingIsLost() throws Exception {
        String i = indicator(plan(), null);
        int version = Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 10)).put("/api/v1/indicators/" + i + "/values/2024")
                .then().statusCode(200).extract().path("values[0].version");
        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> Api.as("planner")
                .body(Map.of("kind", "ACTUAL", "value", 11, "version", version)).put("/api/v1/indicators/" + i + "/values/2024").statusCode());
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> Api.as("admin")
                .body(Map.of("kind", "ACTUAL", "value", 12, "version", version)).put("/api/v1/indicators/" + i + "/values/2024").statusCode());
        List<Integer> statuses = List.of(a.get(), b.get());
        assertTrue(statuses.contains(200) && statuses.contains(409), statuses.toString());
        Object stored = Api.as("viewer").get("/api/v1/indicators/" + i).then().extract().path("values[0].value");
        List<Object> history = Api.as("planner").get("/api/v1/indicators/" + i + "/history").then().extract().jsonPath()
                .getList("items.newValue");
        assertEquals(2, history.size(), "the first write and the winner: " + history);
        assertEquals(stored, history.get(0), "what is stored is what the history says was written last");
    }

    @Test
    void markersAreNotZeroAndABlankClears() {
        String i = indicator(plan(), null);
        Api.as("planner").body(Map.of("kind", "TARGET", "marker", "NOT_APPLICABLE")).put("/api/v1/indicators/" + i + "/values/2024")
                .then().statusCode(200).body("values[0].marker", equalTo("NOT_APPLICABLE")).body("values[0].value", equalTo(null));
        Api.as("planner").body(Map.of("kind", "TARGET", "value", 0)).put("/api/v1/indicators/" + i + "/values/2025")
                .then().statusCode(200).body("values.find { it.fiscalYear == 2025 }.value", equalTo(0));
        Api.as("planner").body(Map.of("kind", "TARGET", "value", 1, "marker", "NOT_APPLICABLE")).put("/api/v1/indicators/" + i + "/values/2026")
                .then().statusCode(400);
        Api.as("planner").body(Map.of("kind", "TARGET")).put("/api/v1/indicators/" + i + "/values/2024")
                .then().statusCode(200).body("values", hasSize(1));
        Api.as("planner").get("/api/v1/indicators/" + i + "/history").then()
                .body("items[0].oldMarker", equalTo("NOT_APPLICABLE")).body("items[0].newMarker", equalTo(null))
                .body("items[0].changedBy", equalTo("planner"));
    }

    @Test
    void enteringAnActualChangesTheGrade() {
        String i = indicator(plan(), null);
        Api.as("planner").body(Map.of("kind", "TARGET", "value", 100)).put("/api/v1/indicators/" + i + "/values/2025").then().statusCode(200);
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 45)).put("/api/v1/indicators/" + i + "/values/2025")
                .then().statusCode(200).body("series.find { it.fiscalYear == 2025 }.grade", equalTo("D"));
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 95)).put("/api/v1/indicators/" + i + "/values/2025")
                .then().statusCode(200).body("series.find { it.fiscalYear == 2025 }.grade", equalTo("B"))
                .body("series.find { it.fiscalYear == 2025 }.achievementRate", equalTo(95));
    }

    @Test
    void reviewCouncilSeesWhatChangedInAPlanSinceAMoment() {
        String plan = plan();
        String i = indicator(plan, null);
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 7)).put("/api/v1/indicators/" + i + "/values/2024").then().statusCode(200);
        String since = java.time.OffsetDateTime.now().toString();
        Api.as("admin").body(Map.of("kind", "ACTUAL", "value", 8)).put("/api/v1/indicators/" + i + "/values/2024").then().statusCode(200);
        Api.as("viewer").queryParam("since", since).queryParam("plan", plan).get("/api/v1/indicator-value-changes").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].indicatorCode", equalTo(i))
                .body("items[0].oldValue", equalTo(7))
                .body("items[0].newValue", equalTo(8))
                .body("items[0].changedBy", equalTo("admin"));
        Api.as("viewer").get("/api/v1/indicator-value-changes?plan=" + plan).then().statusCode(400);
    }

    @Test
    void viewerCannotWriteValues() {
        Api.as("viewer").body(Map.of("kind", "ACTUAL", "value", 1)).put("/api/v1/indicators/kumamoto-5th-iv-1/values/2024")
                .then().statusCode(403);
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 1)).put("/api/v1/indicators/nope/values/2024")
                .then().statusCode(404).body("type", equalTo("/problems/indicator-not-found"));
    }
}
