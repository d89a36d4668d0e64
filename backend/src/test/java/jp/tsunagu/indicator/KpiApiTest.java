package jp.tsunagu.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The seed figures as other systems pull them through /api/v1/kpis. */
@QuarkusTest
class KpiApiTest {

    private static JsonPath kpis(String query) {
        return Api.as("viewer").get("/api/v1/kpis?" + query).then().statusCode(200)
                .contentType(startsWith("application/json")).extract().jsonPath();
    }

    private static Map<String, Object> row(JsonPath json, String option, int year) {
        List<Map<String, Object>> items = json.getList("items");
        return items.stream().filter(r -> java.util.Objects.equals(r.get("option"), option) && r.get("fiscalYear").equals(year))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + option + " " + year + " in " + items));
    }

    @Test
    void salonGrantsAreOneIndicatorDisaggregatedByFrequency() {
        JsonPath json = kpis("indicator=kitakyushu-ikiiki2-62-1");
        assertEquals(122f, ((Number) row(json, "月4回以上", 2022).get("actual")).floatValue());
        assertEquals(83f, ((Number) row(json, "月2回以上", 2022).get("actual")).floatValue());
        assertEquals(151f, ((Number) row(json, "月1回以上", 2022).get("actual")).floatValue());
        assertEquals(320f, ((Number) row(json, "月1回以上", 2023).get("target")).floatValue());
        // Measured against the FY2023 targets: 122/70, 83/120, 151/320.
        assertEquals("174.3", row(json, "月4回以上", 2022).get("achievementRate").toString());
        assertEquals("A", row(json, "月4回以上", 2022).get("grade"));
        assertEquals("69.2", row(json, "月2回以上", 2022).get("achievementRate").toString());
        assertEquals("C", row(json, "月2回以上", 2022).get("grade"));
        assertEquals("D", row(json, "月1回以上", 2022).get("grade"));
        assertEquals("第2次北九州市いきいき長寿プラン", row(json, "月4回以上", 2022).get("planTitle"));
        assertEquals(List.of("②", "1", "62"), row(json, "月4回以上", 2022).get("nodeCodes"));
    }

    @Test
    void maintainBaselineTargetResolvesAndGradesTheMeetings() {
        JsonPath json = kpis("indicator=kitakyushu-ikiiki2-63-1");
        Map<String, Object> y2022 = row(json, null, 2022);
        assertEquals(1305f, ((Number) y2022.get("actual")).floatValue());
        assertEquals(1530f, ((Number) y2022.get("baseline")).floatValue());
        assertEquals(2019, y2022.get("baselineYear"));
        assertEquals("85.3", y2022.get("achievementRate").toString());
        assertEquals("B", y2022.get("grade"));
        assertEquals(470f, ((Number) y2022.get("changeFromPrevious")).floatValue());
        Map<String, Object> y2023 = row(json, null, 2023);
        assertEquals("MAINTAIN_BASELINE", y2023.get("targetMarker"));
        assertEquals(1530f, ((Number) y2023.get("targetInForce")).floatValue());
        assertEquals(null, y2023.get("target"));
    }

    @Test
    void lonelinessIsADecreaseIndicatorWithItsBaseline() {
        JsonPath json = kpis("indicator=kumamoto-5th-iv-3");
        assertEquals("37.4", row(json, null, 2023).get("baseline").toString());
        assertEquals("DECREASE", row(json, null, 2023).get("direction"));
        assertEquals("32.1", row(json, null, 2027).get("target").toString());
        assertEquals("25", row(json, null, 2031).get("target").toString());
    }

    @Test
    void notApplicableIsKeptDistinctFromZero() {
        JsonPath json = kpis("indicator=kaigo-9th-new-support-services");
        Map<String, Object> y2021 = row(json, null, 2021);
        assertEquals("NOT_APPLICABLE", y2021.get("actualMarker"));
        assertEquals(null, y2021.get("actual"));
        assertEquals(null, y2021.get("grade"));
        JsonPath zero = kpis("indicator=kaigo-9th-tier1-council-meetings");
        Map<String, Object> z2021 = row(zero, null, 2021);
        assertEquals(0, ((Number) z2021.get("actual")).intValue());
        assertEquals(null, z2021.get("actualMarker"));
        assertEquals("D", z2021.get("grade"));
    }

    @Test
    void coordinatorActivitySplitsIntoTiersThatSum() {
        JsonPath json = kpis("indicator=kaigo-9th-coordinator-activities&fromYear=2021&toYear=2021");
        assertEquals(663f, ((Number) row(json, null, 2021).get("actual")).floatValue());
        assertEquals("132.6", row(json, null, 2021).get("achievementRate").toString());
        assertEquals(460f, ((Number) row(json, "第1層相当", 2021).get("actual")).floatValue());
        assertEquals(203f, ((Number) row(json, "第2層相当", 2021).get("actual")).floatValue());
        assertEquals(3, json.getList("items").size());
    }

    @Test
    void csvHasAHeaderJapaneseAndABomWhenAsked() {
        byte[] body = Api.as("viewer").accept("text/csv").get("/api/v1/kpis?plan=kitakyushu-ikiiki2&bom=true")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, body[0]);
        assertEquals((byte) 0xBB, body[1]);
        assertEquals((byte) 0xBF, body[2]);
        String text = new String(body, StandardCharsets.UTF_8).substring(1);
        String[] lines = text.split("\r\n");
        assertTrue(lines[0].startsWith("plan_code,plan_title,node_codes"), lines[0]);
        assertTrue(text.contains("kitakyushu-ikiiki2-63-1,地域会合等への参加（回数）,回,MAINTAIN,,2022,1530,2019,,1530,1305,85.3,B,470,"), text);
        assertTrue(text.contains(",現状維持,1530,"), "markers print as the source prints them");
        String plain = Api.as("viewer").get("/api/v1/kpis?plan=kitakyushu-ikiiki2&format=csv").then().statusCode(200).extract().asString();
        assertTrue(plain.startsWith("plan_code"));
        assertEquals(lines.length, plain.split("\r\n").length);
    }

    @Test
    void unchangedDataAnswers304ToItsEtag() {
        String etag = Api.as("viewer").get("/api/v1/kpis?plan=kaigo-9th").then().statusCode(200)
                .header("ETag", notNullValue()).extract().header("ETag");
        Api.as("viewer").header("If-None-Match", etag).get("/api/v1/kpis?plan=kaigo-9th").then().statusCode(304);
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 2)).put("/api/v1/indicators/kaigo-9th-tier2-council-meetings/values/2023")
                .then().statusCode(200);
        Api.as("viewer").header("If-None-Match", etag).get("/api/v1/kpis?plan=kaigo-9th").then().statusCode(200);
        Api.as("planner").body(Map.of("kind", "ACTUAL")).put("/api/v1/indicators/kaigo-9th-tier2-council-meetings/values/2023")
                .then().statusCode(200);
    }

    @Test
    void cursorPagesCoverEveryRowOnceInAStableOrder() {
        List<Object> all = kpis("limit=100000").getList("items.collect { it.indicatorCode + '|' + it.option + '|' + it.fiscalYear }");
        List<Object> paged = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonPath page = kpis("limit=7" + (cursor == null ? "" : "&cursor=" + cursor));
            paged.addAll(page.getList("items.collect { it.indicatorCode + '|' + it.option + '|' + it.fiscalYear }"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null && pages < 1000);
        assertEquals(all, paged);
        assertTrue(all.size() > 40, "the demo has rows from four plans: " + all.size());
    }

    @Test
    void updatedSinceReturnsOnlyWhatChanged() {
        // A plan of its own with two indicators, so that no other test's writes fall in the window.
        String plan = "since-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40203", "kind", "OTHER", "title", "差分の試験計画",
                "periodStart", 2024, "periodEnd", 2026, "levels", List.of("目標"), "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "目標1")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        for (String suffix : List.of("a", "b")) {
            Api.as("planner").body(Map.of("code", plan + "-" + suffix, "planCode", plan, "nodeCode", "1", "name", "指標" + suffix,
                    "unit", "回", "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
            Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 10)).put("/api/v1/indicators/" + plan + "-" + suffix + "/values/2024")
                    .then().statusCode(200);
        }
        String since = Api.as("viewer").queryParam("plan", plan).get("/api/v1/kpis").then().statusCode(200).extract().path("nextUpdatedSince");
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 50)).put("/api/v1/indicators/" + plan + "-a/values/2025").then().statusCode(200);
        JsonPath json = Api.as("viewer").queryParam("plan", plan).queryParam("updatedSince", since).get("/api/v1/kpis")
                .then().statusCode(200).extract().jsonPath();
        // Every row of the changed series (its figures depend on all its values), none of the untouched one.
        assertEquals(List.of(plan + "-a", plan + "-a"), json.getList("items.indicatorCode"));
        assertEquals(List.of(2024, 2025), json.getList("items.fiscalYear"));

        // The same pull again answers 304 to its ETag while nothing changes; a new title on the path changes every row.
        String etag = Api.as("viewer").queryParam("plan", plan).queryParam("updatedSince", since).get("/api/v1/kpis")
                .then().statusCode(200).extract().header("ETag");
        Api.as("viewer").header("If-None-Match", etag).queryParam("plan", plan).queryParam("updatedSince", since).get("/api/v1/kpis")
                .then().statusCode(304);
        Api.as("planner").body(Map.of("code", "1", "title", "目標1（改）", "roles", List.of(), "version", 0)).put("/api/v1/plans/" + plan + "/nodes/1")
                .then().statusCode(204);
        JsonPath renamed = Api.as("viewer").header("If-None-Match", etag).queryParam("plan", plan).queryParam("updatedSince", since)
                .get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(plan + "-a", plan + "-a", plan + "-b"), renamed.getList("items.indicatorCode"));
        assertTrue(renamed.getList("items.nodePath", String.class).stream().allMatch(p -> p.endsWith("目標1（改）")), renamed.prettify());
    }

    @Test
    void anIndicatorsReadCarriesItsPathAndHonoursANodeFilter() {
        String plan = "path-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40203", "kind", "OTHER", "title", "経路の試験計画",
                "periodStart", 2024, "periodEnd", 2026, "levels", List.of("目標", "施策"), "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "目標1")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1-1", "title", "見守りの輪", "parentCode", "1")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "2", "title", "目標2")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan + "-a", "planCode", plan, "nodeCode", "1-1", "name", "見守り訪問", "unit", "回",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan + "-b", "planCode", plan, "nodeCode", "2", "name", "別の指標", "unit", "回",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 12)).put("/api/v1/indicators/" + plan + "-a/values/2024").then().statusCode(200);

        // A single indicator's page is short: it leaves whole, with its length, and its rows carry the path from the top.
        io.restassured.response.Response read = Api.as("viewer").queryParam("indicator", plan + "-a").get("/api/v1/kpis");
        read.then().statusCode(200).header("Content-Length", notNullValue()).header("Transfer-Encoding", nullValue());
        assertEquals(List.of("1", "1-1"), read.jsonPath().getList("items[0].nodeCodes"));
        assertEquals("1 目標1 > 1-1 見守りの輪", read.jsonPath().getString("items[0].nodePath"));
        assertEquals(12, read.jsonPath().getInt("items[0].actual"));

        // With a node filter the indicator's rows are there under its own branch only; an unknown node is a 404.
        assertEquals(List.of(plan + "-a"), kpis("plan=" + plan + "&node=1&indicator=" + plan + "-a").getList("items.indicatorCode"));
        assertEquals(List.of(), kpis("plan=" + plan + "&node=2&indicator=" + plan + "-a").getList("items"));
        Api.as("viewer").get("/api/v1/kpis?plan=" + plan + "&node=9&indicator=" + plan + "-a").then().statusCode(404);

        // A new title high on the path changes the indicator's read (a new ETag, the new path).
        String etag = read.header("ETag");
        Api.as("planner").body(Map.of("code", "1", "title", "目標1（改）", "roles", List.of(), "version", 0)).put("/api/v1/plans/" + plan + "/nodes/1")
                .then().statusCode(204);
        JsonPath renamed = Api.as("viewer").header("If-None-Match", etag).queryParam("indicator", plan + "-a").get("/api/v1/kpis")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("1 目標1（改） > 1-1 見守りの輪", renamed.getString("items[0].nodePath"));
    }

    @Test
    void aSyncFromBeforeTheTombstoneRetentionIsToldToPullInFull() {
        String longAgo = java.time.OffsetDateTime.now().minusDays(91).toString();
        Api.as("viewer").queryParam("updatedSince", longAgo).get("/api/v1/kpis").then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo("/problems/sync-window-passed"));
        String recent = java.time.OffsetDateTime.now().minusDays(89).toString();
        String watermark = Api.as("viewer").queryParam("updatedSince", recent).queryParam("limit", 1).get("/api/v1/kpis")
                .then().statusCode(200).extract().header("Next-Updated-Since");
        assertTrue(java.time.OffsetDateTime.parse(watermark).isAfter(java.time.OffsetDateTime.now().minusMinutes(1)), watermark);
        String csv = Api.as("viewer").queryParam("format", "csv").queryParam("updatedSince", recent).get("/api/v1/kpis")
                .then().statusCode(200).header("Next-Updated-Since", org.hamcrest.Matchers.notNullValue()).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",updated_at,deleted"), csv.lines().findFirst().orElseThrow());
    }

    @Test
    void badFiltersAreProblems() {
        Api.as("viewer").get("/api/v1/kpis?updatedSince=yesterday").then().statusCode(400)
                .body("errors[0].field", equalTo("updatedSince"));
        Api.as("viewer").queryParam("updatedSince", java.time.OffsetDateTime.now().plusDays(1).toString()).get("/api/v1/kpis")
                .then().statusCode(400).body("errors[0].field", equalTo("updatedSince"));
        Api.as("viewer").get("/api/v1/kpis?cursor=garbage!").then().statusCode(400);
        Api.as("viewer").get("/api/v1/kpis?node=13").then().statusCode(400);
        Api.as("viewer").get("/api/v1/kpis?format=xml").then().statusCode(400);
        given().get("/api/v1/kpis").then().statusCode(401);
    }

    @Test
    void dashboardCountsGradesWorstFirst() {
        Api.as("viewer").get("/api/v1/kpis/summary?plan=kitakyushu-ikiiki2&fiscalYear=2022").then().statusCode(200)
                .body("counts.A", equalTo(2))
                .body("counts.B", equalTo(1))
                .body("counts.C", equalTo(1))
                .body("counts.D", equalTo(1))
                .body("rows[0].grade", equalTo("D"))
                .body("rows[0].indicatorCode", equalTo("kitakyushu-ikiiki2-62-1"));
    }

    @Test
    void kpiTokenReadsKpisButWritesNothingAndSeesNoPersonalData() {
        String token = Api.as("admin").body(Map.of("name", "オープンデータ", "scopes", List.of("kpi:read")))
                .post("/api/v1/api-tokens").then().statusCode(201).extract().path("token");
        Api.bearer(token).get("/api/v1/kpis?plan=kaigo-9th").then().statusCode(200).body("items", org.hamcrest.Matchers.not(hasSize(0)));
        Api.bearer(token).body(Map.of("kind", "ACTUAL", "value", 1)).put("/api/v1/indicators/kaigo-9th-tier2-council-meetings/values/2023")
                .then().statusCode(403);
        Api.bearer(token).get("/api/v1/me").then().statusCode(200).body("districts", hasSize(0));
        // Plans and their trees carry nothing personal: a KPI client may read them to find what exists (#14).
        Api.bearer(token).get("/api/v1/plans").then().statusCode(200);
        Api.bearer(token).get("/api/v1/recipients").then().statusCode(403);
    }

    @Test
    void systemPushesValuesIdempotentlyWithAWriteToken() {
        String token = Api.as("admin").body(Map.of("name", "生活自立支援センター", "scopes", List.of("indicator-values:write")))
                .post("/api/v1/api-tokens").then().statusCode(201).extract().path("token");
        for (int i = 0; i < 2; i++) {
            Api.bearer(token).body(Map.of("kind", "ACTUAL", "value", 1402)).put("/api/v1/indicators/kumamoto-5th-iv-1/values/2024")
                    .then().statusCode(200);
        }
        List<Object> changes = Api.as("planner").get("/api/v1/indicators/kumamoto-5th-iv-1/history").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.fiscalYear == 2024 }");
        assertEquals(1, changes.size(), "the second identical push changes nothing");
        Api.as("viewer").get("/api/v1/indicators/kumamoto-5th-iv-1").then().statusCode(200)
                .body("values.find { it.fiscalYear == 2024 }.updatedBy", containsString("生活自立支援センター"));
        Api.bearer(token).get("/api/v1/kpis").then().statusCode(403);
    }
}
