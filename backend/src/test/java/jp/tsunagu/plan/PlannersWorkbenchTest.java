package jp.tsunagu.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The planner's workbench (#13): a plan built by hand (熊本市's 基本方針Ⅳ, seed 003) comes out of the KPI API with
 * exactly its figures; 未設定 is counted, not dropped; approval locks the year; the next period starts as a copy.
 */
@QuarkusTest
class PlannersWorkbenchTest {

    private static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A city of the test's own, so that no demo plan shares its city and kind. */
    private static String city() {
        String code = "wb-" + suffix();
        Api.as("admin").body(Map.of("code", code, "name", "作業台市" + code, "kana", "さぎょうだいし", "kind", "CITY"))
                .post("/api/v1/areas").then().statusCode(201);
        return code;
    }

    private static String plan(String city, String kind, int start, int end) {
        String code = "wb-" + suffix();
        Api.as("planner").body(Map.of("code", code, "cityCode", city, "kind", kind, "title", "第5次作業台市地域福祉計画",
                        "periodStart", start, "periodEnd", end, "levels", List.of("基本方針", "取組の視点", "取組", "事業"),
                        "actors", List.of(Map.of("key", "city", "name", "市"), Map.of("key", "council", "name", "市社協"),
                                Map.of("key", "minsei", "name", "民生委員"), Map.of("key", "district", "name", "校区社協"),
                                Map.of("key", "groups", "name", "地域団体等"), Map.of("key", "residents", "name", "地域住民")),
                        "gradeThresholds", Map.of("a", 100, "b", 80, "c", 50)))
                .post("/api/v1/plans").then().statusCode(201).body("kind", equalTo(kind));
        return code;
    }

    private static void node(String plan, String code, String parent, String title) {
        var body = new java.util.HashMap<String, Object>(Map.of("code", code, "title", title));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        Api.as("planner").body(body).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
    }

    private static void indicator(String plan, String node, String code, String name, String unit, String direction) {
        Api.as("planner").body(Map.of("code", code, "planCode", plan, "nodeCode", node, "name", name, "unit", unit, "direction", direction))
                .post("/api/v1/indicators").then().statusCode(201);
    }

    private static void value(String indicator, int year, String kind, Object value) {
        Api.as("planner").body(Map.of("kind", kind, "value", value)).put("/api/v1/indicators/" + indicator + "/values/" + year)
                .then().statusCode(200);
    }

    /** 基本方針Ⅳ as seed 003 prints it: levels, a 事業 with the ◎/○ matrix, and the three indicators. */
    private static String kumamotoIv(String city) {
        String plan = plan(city, "COMMUNITY_WELFARE", 2024, 2031);
        node(plan, "Ⅳ", null, "地域で支え合い、安心して暮らせるまちづくり");
        node(plan, "Ⅳ-1", "Ⅳ", "地域で見守り・支え合う仕組みづくり");
        node(plan, "13", "Ⅳ-1", "地域での見守り活動の推進");
        Api.as("planner").body(Map.of("code", "13-1", "title", "地域の見守り活動への支援", "parentCode", "13", "activityUnit", "小中学校区",
                        "roles", List.of(Map.of("actor", "city", "role", "LEAD", "statement", "見守り活動を支援します"),
                                Map.of("actor", "council", "role", "LEAD"), Map.of("actor", "minsei", "role", "PARTNER"),
                                Map.of("actor", "district", "role", "PARTNER"), Map.of("actor", "residents", "role", "PARTNER"))))
                .post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        indicator(plan, "Ⅳ", plan + "-supporters", "地域の見守り活動に参加している人数", "人", "INCREASE");
        value(plan + "-supporters", 2022, "BASELINE", 1336);
        value(plan + "-supporters", 2027, "TARGET", 1621);
        value(plan + "-supporters", 2031, "TARGET", 2000);
        indicator(plan, "Ⅳ", plan + "-neighbours", "近所づきあいがある市民の割合", "%", "INCREASE");
        value(plan + "-neighbours", 2023, "BASELINE", 49.9);
        value(plan + "-neighbours", 2027, "TARGET", 55);
        value(plan + "-neighbours", 2031, "TARGET", 60);
        indicator(plan, "Ⅳ", plan + "-lonely", "孤独感の程度が高い市民の割合", "%", "DECREASE");
        value(plan + "-lonely", 2023, "BASELINE", 37.4);
        value(plan + "-lonely", 2027, "TARGET", 32.1);
        value(plan + "-lonely", 2031, "TARGET", 25.0);
        return plan;
    }

    private static Map<String, Object> row(List<Map<String, Object>> rows, String indicator, int year) {
        return rows.stream().filter(r -> r.get("indicatorCode").equals(indicator) && r.get("fiscalYear").equals(year)).findFirst()
                .orElseThrow(() -> new AssertionError(indicator + " " + year + " not in " + rows));
    }

    /** The figure as served, compared as a decimal (JsonPath reads 49.9 as a float). */
    private static void assertFigure(String expected, Map<String, Object> row, String field) {
        assertEquals(0, new java.math.BigDecimal(expected).compareTo(new java.math.BigDecimal(String.valueOf(row.get(field)))),
                field + " of " + row);
    }

    @Test
    void aPlanBuiltByHandComesOutOfTheKpiApiWithExactlyItsFigures() {
        String plan = kumamotoIv(city());
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().statusCode(200)
                .body("nodes[0].children[0].children[0].children[0].activityUnit", equalTo("小中学校区"))
                .body("nodes[0].children[0].children[0].children[0].roles.role", contains("LEAD", "LEAD", "PARTNER", "PARTNER", "PARTNER"));
        List<Map<String, Object>> rows = Api.as("viewer").get("/api/v1/kpis?plan=" + plan).then().statusCode(200)
                .extract().jsonPath().getList("items");
        assertFigure("1336", row(rows, plan + "-supporters", 2022), "baseline");
        assertFigure("1621", row(rows, plan + "-supporters", 2027), "target");
        assertFigure("2000", row(rows, plan + "-supporters", 2031), "target");
        assertFigure("49.9", row(rows, plan + "-neighbours", 2023), "baseline");
        assertFigure("55", row(rows, plan + "-neighbours", 2027), "target");
        assertFigure("60", row(rows, plan + "-neighbours", 2031), "target");
        assertFigure("37.4", row(rows, plan + "-lonely", 2023), "baseline");
        assertFigure("32.1", row(rows, plan + "-lonely", 2027), "target");
        assertFigure("25.0", row(rows, plan + "-lonely", 2031), "target");
        assertEquals("DECREASE", row(rows, plan + "-lonely", 2031).get("direction"));
        assertEquals(false, row(rows, plan + "-lonely", 2031).get("notSet"));
    }

    @Test
    void notSetIndicatorsAreCountedApartFromUnratedInKpisCsvAndTheDashboard() {
        String plan = plan(city(), "DISABILITY", 2024, 2026);
        node(plan, "1", null, "相談支援の充実");
        Api.as("planner").body(Map.of("code", plan + "-ns", "planCode", plan, "nodeCode", "1", "name", "見守り訪問の実施",
                "notSet", true, "notSetReason", "安心安全を確保するための事業であり、定量効果を求めない")).post("/api/v1/indicators").then().statusCode(201);
        indicator(plan, "1", plan + "-count", "相談件数", "件", "INCREASE");
        value(plan + "-count", 2024, "TARGET", 100);
        value(plan + "-count", 2024, "ACTUAL", 90);
        value(plan + "-count", 2025, "TARGET", 110);

        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().statusCode(200)
                .body("nodes[0].indicators.find { it.code == '" + plan + "-ns' }.notSet", equalTo(true))
                .body("nodes[0].indicators.find { it.code == '" + plan + "-ns' }.notSetReason", equalTo("安心安全を確保するための事業であり、定量効果を求めない"));
        JsonPath kpis = Api.as("viewer").get("/api/v1/kpis?plan=" + plan).then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> notSet = kpis.getList("items.findAll { it.indicatorCode == '" + plan + "-ns' }");
        assertEquals(List.of(2024, 2025, 2026), notSet.stream().map(r -> r.get("fiscalYear")).toList());
        assertTrue(notSet.stream().allMatch(r -> Boolean.TRUE.equals(r.get("notSet")) && r.get("grade") == null
                && "安心安全を確保するための事業であり、定量効果を求めない".equals(r.get("notSetReason"))), notSet.toString());

        String csv = Api.as("viewer").accept("text/csv").get("/api/v1/kpis?plan=" + plan).then().statusCode(200).extract().asString();
        assertTrue(csv.lines().findFirst().orElseThrow().endsWith(",not_set,not_set_reason,updated_at,deleted"), csv);
        assertTrue(csv.lines().anyMatch(l -> l.contains(plan + "-ns") && l.contains(",2025,") && l.contains(",true,安心安全を確保する")), csv);

        // No year given: the latest year with actuals (2024), not the last year of the period.
        Api.as("viewer").get("/api/v1/kpis/summary?plan=" + plan).then().statusCode(200)
                .body("fiscalYear", equalTo(2024))
                .body("yearsWithActuals", contains(2024))
                .body("counts.B", equalTo(1))
                .body("counts.NOT_SET", equalTo(1))
                .body("counts.NONE", equalTo(0))
                .body("rows[-1].notSet", equalTo(true));
        Api.as("viewer").get("/api/v1/kpis/summary?plan=" + plan + "&fiscalYear=2025").then().statusCode(200)
                .body("counts.NONE", equalTo(1)).body("counts.NOT_SET", equalTo(1));
    }

    @Test
    void badTreesYearsBandsAndDeletionsAreRefusedWithWhatIsWrong() {
        String plan = kumamotoIv(city());
        // A node under its own descendant.
        long version = ((Number) Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().extract().path("nodes[0].version")).longValue();
        Api.as("planner").body(Map.of("parentCode", "13", "position", 0, "version", version))
                .post("/api/v1/plans/" + plan + "/nodes/Ⅳ/move").then().statusCode(422).body("type", equalTo("/problems/invalid-parent"));
        // A target outside the period, typed and pushed.
        Api.as("planner").body(Map.of("kind", "TARGET", "value", 2500)).put("/api/v1/indicators/" + plan + "-supporters/values/2035")
                .then().statusCode(422).body("type", equalTo("/problems/target-outside-period"))
                .body("errors[0].field", equalTo("fiscalYear")).body("detail", containsString("令和17年度"));
        Api.as("planner").body(Map.of("rows", List.of(Map.of("indicatorCode", plan + "-supporters", "fiscalYear", 2023, "kind", "TARGET", "value", 1),
                        Map.of("indicatorCode", plan + "-supporters", "fiscalYear", 2032, "kind", "TARGET", "value", 1))))
                .put("/api/v1/indicator-values").then().statusCode(422).body("errors.field", contains("rows[0].fiscalYear", "rows[1].fiscalYear"));
        // Bands out of order.
        Api.as("planner").body(Map.of("title", "x", "kind", "COMMUNITY_WELFARE", "periodStart", 2024, "periodEnd", 2031, "status", "ACTIVE",
                        "levels", List.of("基本方針"), "gradeThresholds", Map.of("a", 80, "b", 90, "c", 50), "version", 0))
                .put("/api/v1/plans/" + plan).then().statusCode(422).body("errors[0].field", equalTo("gradeThresholds"))
                .body("type", equalTo("/problems/grade-bands-out-of-order"));
        // A node with indicators and values: 409 with the counts, then cascade.
        Api.as("planner").delete("/api/v1/plans/" + plan + "/nodes/Ⅳ").then().statusCode(409)
                .body("type", equalTo("/problems/node-in-use"))
                .body("counts.nodes", equalTo(3)).body("counts.indicators", equalTo(3)).body("counts.values", equalTo(9))
                .body("counts.evaluations", equalTo(0));
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().body("nodes", hasSize(1));
        Api.as("planner").delete("/api/v1/plans/" + plan + "/nodes/Ⅳ?cascade=true").then().statusCode(204);
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().body("nodes", hasSize(0));
        Api.as("viewer").get("/api/v1/indicators/" + plan + "-lonely").then().statusCode(404);
    }

    @Test
    void theNextPeriodStartsAsACopyWithStructureAndIndicatorsButNoValues() {
        String city = city();
        String second = kumamotoIv(city);
        String third = second + "-3";
        Api.as("viewer").body(Map.of("code", third, "title", "第6次", "periodStart", 2032, "periodEnd", 2037))
                .post("/api/v1/plans/" + second + "/copies").then().statusCode(403);
        Api.as("planner").body(Map.of("code", third, "title", "第6次作業台市地域福祉計画", "periodStart", 2032, "periodEnd", 2037))
                .post("/api/v1/plans/" + second + "/copies").then().statusCode(201)
                .body("code", equalTo(third)).body("status", equalTo("DRAFT")).body("kind", equalTo("COMMUNITY_WELFARE"))
                .body("levels", contains("基本方針", "取組の視点", "取組", "事業"))
                .body("actors.name", contains("市", "市社協", "民生委員", "校区社協", "地域団体等", "地域住民"));
        Api.as("viewer").get("/api/v1/plans/" + third + "/tree").then().statusCode(200)
                .body("nodes[0].code", equalTo("Ⅳ"))
                .body("nodes[0].indicators.code", contains(third + "-supporters", third + "-neighbours", third + "-lonely"))
                .body("nodes[0].children[0].children[0].children[0].roles.role", contains("LEAD", "LEAD", "PARTNER", "PARTNER", "PARTNER"))
                .body("nodes[0].children[0].children[0].children[0].activityUnit", equalTo("小中学校区"));
        Api.as("viewer").get("/api/v1/indicators/" + third + "-lonely").then().statusCode(200)
                .body("direction", equalTo("DECREASE")).body("values", hasSize(0));
        Api.as("viewer").get("/api/v1/indicators/" + second + "-lonely").then().body("values", hasSize(3));
        // Same city and kind, overlapping years: refused, nothing made.
        Api.as("planner").body(Map.of("code", third + "-x", "title", "重なる計画", "periodStart", 2031, "periodEnd", 2034))
                .post("/api/v1/plans/" + second + "/copies").then().statusCode(409).body("type", equalTo("/problems/plan-period-overlap"));
        Api.as("viewer").get("/api/v1/plans/" + third + "-x").then().statusCode(404);
    }

    @Test
    void anApprovedSheetLocksItsYearsValuesUntilReopenedWithAReason() {
        String plan = plan(city(), "OTHER", 2021, 2023);
        node(plan, "59", null, "地域の居場所づくり");
        indicator(plan, "59", plan + "-salons", "サロンの数", "か所", "INCREASE");
        value(plan + "-salons", 2022, "TARGET", 120);
        value(plan + "-salons", 2022, "ACTUAL", 100);
        String sheet = "/api/v1/plans/" + plan + "/evaluations/59/2022";
        int v = Api.as("planner").body(Map.of("resultText", "サロンを支援した", "direction", "CONTINUE", "futureDirection", "担い手を増やす"))
                .put(sheet).then().statusCode(200).body("direction", equalTo("CONTINUE")).extract().path("version");
        v = Api.as("planner").body(Map.of("version", v)).post(sheet + "/submit").then().statusCode(200).extract().path("version");
        v = Api.as("approver").body(Map.of("version", v)).post(sheet + "/approve").then().statusCode(200).extract().path("version");

        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 105)).put("/api/v1/indicators/" + plan + "-salons/values/2022")
                .then().statusCode(409).body("type", equalTo("/problems/evaluation-approved"));
        String push = Api.as("admin").body(Map.of("name", "実績連携 " + plan, "scopes", List.of("indicator-values:write")))
                .post("/api/v1/api-tokens").then().statusCode(201).extract().path("token");
        Api.bearer(push).body(Map.of("rows", List.of(Map.of("indicatorCode", plan + "-salons", "fiscalYear", 2022, "kind", "ACTUAL", "value", 105))))
                .put("/api/v1/indicator-values").then().statusCode(409).body("type", equalTo("/problems/evaluation-approved"));
        // Other years stay open, and the same figure again is no change.
        Api.bearer(push).body(Map.of("rows", List.of(Map.of("indicatorCode", plan + "-salons", "fiscalYear", 2023, "kind", "ACTUAL", "value", 110),
                        Map.of("indicatorCode", plan + "-salons", "fiscalYear", 2022, "kind", "ACTUAL", "value", 100))))
                .put("/api/v1/indicator-values").then().statusCode(200).body("created", equalTo(1)).body("unchanged", equalTo(1));
        Api.as("viewer").get("/api/v1/indicators/" + plan + "-salons").then()
                .body("values.find { it.fiscalYear == 2022 && it.kind == 'ACTUAL' }.value", equalTo(100));

        Api.as("approver").body(Map.of("version", v)).post(sheet + "/reopen").then().statusCode(400).body("errors[0].field", containsString("reason"));
        Api.as("approver").body(Map.of("version", v, "reason", "審議会の指摘により実績を訂正")).post(sheet + "/reopen").then().statusCode(200)
                .body("transitions[-1].toStatus", equalTo("DRAFT")).body("transitions[-1].comment", equalTo("審議会の指摘により実績を訂正"));
        Api.bearer(push).body(Map.of("rows", List.of(Map.of("indicatorCode", plan + "-salons", "fiscalYear", 2022, "kind", "ACTUAL", "value", 105))))
                .put("/api/v1/indicator-values").then().statusCode(200).body("updated", equalTo(1));

        // 値の履歴 says where each change came from: typed by the planner, pushed by the token (with its name).
        Api.as("viewer").get("/api/v1/indicators/" + plan + "-salons/history").then().statusCode(200)
                .body("items.findAll { it.fiscalYear == 2022 && it.kind == 'ACTUAL' }.origin", contains("TOKEN", "TYPED"))
                .body("items.find { it.fiscalYear == 2022 && it.kind == 'ACTUAL' && it.origin == 'TOKEN' }.originName", equalTo("実績連携 " + plan))
                .body("items.find { it.fiscalYear == 2022 && it.kind == 'ACTUAL' && it.origin == 'TYPED' }.changedBy", equalTo("planner"));
    }

    @Test
    void directionIsAClosedSetCountedInTheOverviewPrintedAndReadBackByTheSheet() {
        String plan = plan(city(), "ELDERLY_CARE_INSURANCE", 2021, 2023);
        node(plan, "②", null, "目標");
        node(plan, "1", "②", "方向性");
        for (String n : List.of("59", "60", "61")) {
            node(plan, n, "1", "取組" + n);
        }
        Api.as("planner").body(Map.of("resultText", "実施", "direction", "EXPAND", "futureDirection", "対象を広げる"))
                .put("/api/v1/plans/" + plan + "/evaluations/59/2022").then().statusCode(200);
        Api.as("planner").body(Map.of("resultText", "実施", "direction", "CONTINUE")).put("/api/v1/plans/" + plan + "/evaluations/60/2022")
                .then().statusCode(200);
        Api.as("planner").body(Map.of("resultText", "実施", "direction", "続ける")).put("/api/v1/plans/" + plan + "/evaluations/61/2022")
                .then().statusCode(400);
        Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluations?fiscalYear=2022").then().statusCode(200)
                .body("byDirection.EXPAND", equalTo(1)).body("byDirection.CONTINUE", equalTo(1)).body("byDirection.NONE", equalTo(1))
                .body("items.find { it.nodeCode == '59' }.direction", equalTo("EXPAND"));
        String tsv = Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluation-sheet?fiscalYear=2022&format=tsv").then().statusCode(200)
                .extract().asString();
        assertTrue(tsv.contains("\t実施\t【拡充】対象を広げる"), tsv);
        assertTrue(tsv.contains("\t実施\t【継続】"), tsv);

        // The city's words come back as the closed set; an unknown word is a located error and nothing is written.
        String header = "目標\t施策の方向性\tNo.\t取組名\t概要\t成果指標\t取組結果 (令和4年度)\t今後の方向性";
        String good = String.join("\n", header, "②目標\t\t\t\t\t\t\t", "\t1 方向性\t\t\t\t\t\t",
                "\t\t59\t取組59\t\t\t実施\t【拡充】対象を広げる",
                "\t\t60\t取組60\t\t\t実施\t【現状維持】",
                "\t\t61\t取組61\t\t\t実施\t縮小：利用が減ったため");
        JsonPath report = Api.as("planner").contentType("text/tab-separated-values").body(good.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports?commit=true").then().statusCode(200).extract().jsonPath();
        assertEquals(0, report.getInt("summary.ERROR"), report.getList("problems").toString());
        Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluations/61/2022").then()
                .body("direction", equalTo("REDUCE")).body("futureDirection", equalTo("利用が減ったため"));
        Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluations/60/2022").then()
                .body("direction", equalTo("CONTINUE")).body("futureDirection", nullValue());

        String bad = String.join("\n", header, "②目標\t\t\t\t\t\t\t", "\t1 方向性\t\t\t\t\t\t",
                "\t\t59\t取組59\t\t\t実施\t【休止】来年度は見合わせる");
        JsonPath dry = Api.as("planner").contentType("text/tab-separated-values").body(bad.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> problems = dry.getList("problems");
        assertTrue(problems.stream().anyMatch(p -> p.get("row").equals(4) && p.get("column").equals("今後の方向性・課題")
                && "休止".equals(p.get("value")) && p.get("message").toString().contains("拡充 / 継続 / 見直し / 縮小 / 廃止 / 完了")), problems.toString());
        Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluations/59/2022").then().body("direction", equalTo("EXPAND"));
    }

    @Test
    void everyWorkbenchWriteIsForPlannersAndAdministratorsOnly() {
        String plan = plan(city(), "OTHER", 2024, 2026);
        Api.as("viewer").body(Map.of("code", "1", "title", "閲覧者")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(403);
        Api.as("coordinator").body(Map.of("code", plan + "-c", "title", "x", "periodStart", 2027, "periodEnd", 2029))
                .post("/api/v1/plans/" + plan + "/copies").then().statusCode(403);
        Api.as("admin").body(Map.of("code", plan + "-c", "title", "管理者の写し", "periodStart", 2027, "periodEnd", 2029))
                .post("/api/v1/plans/" + plan + "/copies").then().statusCode(201);
        Api.as("viewer").get("/api/v1/plans").then().body("items.code", hasItem(plan + "-c"));
    }
}
