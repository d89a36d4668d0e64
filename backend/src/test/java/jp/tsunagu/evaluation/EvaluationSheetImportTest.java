package jp.tsunagu.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The city's own 事業調書 files in, the same layout out, and back in again unchanged. */
@QuarkusTest
class EvaluationSheetImportTest {

    static byte[] seed() throws IOException {
        try (InputStream in = EvaluationSheetImportTest.class.getClassLoader().getResourceAsStream("sheets/kitakyushu-2022.tsv")) {
            return in.readAllBytes();
        }
    }

    static String emptyPlan() {
        String code = "imp-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", code, "cityCode", "40100", "kind", "ELDERLY_CARE_INSURANCE",
                        "title", "第2次北九州市いきいき長寿プラン", "periodStart", 2021, "periodEnd", 2023,
                        "levels", List.of("目標", "施策の方向性", "取組"), "actors", List.of()))
                .post("/api/v1/plans").then().statusCode(201);
        return code;
    }

    static JsonPath upload(String plan, byte[] body, String type, String query) {
        return Api.as("planner").contentType(type).body(body).post("/api/v1/plans/" + plan + "/imports" + query)
                .then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> kpi(List<Map<String, Object>> rows, String option, int year) {
        return rows.stream().filter(r -> java.util.Objects.equals(r.get("option"), option) && r.get("fiscalYear").equals(year))
                .findFirst().orElseThrow(() -> new AssertionError(option + " " + year + " in " + rows));
    }

    @Test
    void seedSheetImportsAfterADryRunThatStoresNothing() throws IOException {
        String plan = emptyPlan();
        JsonPath dry = upload(plan, seed(), "text/tab-separated-values", "");
        assertEquals(false, dry.getBoolean("committed"));
        assertEquals(2022, dry.getInt("fiscalYear"));
        assertEquals(0, dry.getInt("summary.ERROR"), dry.getList("problems").toString());
        assertEquals(12, dry.getInt("summary.CREATE"), "② + 1 + measures 59–68");
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().body("nodes", hasSize(0));

        JsonPath done = upload(plan, seed(), "text/tab-separated-values", "?commit=true");
        assertEquals(true, done.getBoolean("committed"));
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().statusCode(200)
                .body("nodes.code", contains("②"))
                .body("nodes[0].title", equalTo("高齢者と家族、地域がつながり、支え合うまち"))
                .body("nodes[0].children[0].code", equalTo("1"))
                .body("nodes[0].children[0].children.code", contains("59", "60", "61", "62", "63", "64", "65", "66", "67", "68"))
                .body("nodes[0].children[0].children.find { it.code == '60' }.indicators[0].notSet", equalTo(true));

        String meetings = Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().extract()
                .path("nodes[0].children[0].children.find { it.code == '63' }.indicators[0].code");
        Api.as("viewer").get("/api/v1/indicators/" + meetings).then().statusCode(200)
                .body("name", equalTo("地域会合等への参加（回数）"))
                .body("unit", equalTo("回"))
                .body("direction", equalTo("MAINTAIN"));
        List<Map<String, Object>> rows = Api.as("viewer").get("/api/v1/kpis?indicator=" + meetings).then().extract().jsonPath().getList("items");
        assertEquals(1530, ((Number) kpi(rows, null, 2019).get("baseline")).intValue());
        assertEquals("MAINTAIN_BASELINE", kpi(rows, null, 2023).get("targetMarker"));
        assertEquals(835, ((Number) kpi(rows, null, 2021).get("actual")).intValue());
        assertEquals(1305, ((Number) kpi(rows, null, 2022).get("actual")).intValue());

        String salons = Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().extract()
                .path("nodes[0].children[0].children.find { it.code == '62' }.indicators[0].code");
        List<Map<String, Object>> salonRows = Api.as("viewer").get("/api/v1/kpis?indicator=" + salons).then().extract().jsonPath().getList("items");
        assertEquals(70, ((Number) kpi(salonRows, "月4回以上", 2023).get("target")).intValue());
        assertEquals(120, ((Number) kpi(salonRows, "月2回以上", 2023).get("target")).intValue());
        assertEquals(320, ((Number) kpi(salonRows, "月1回以上", 2023).get("target")).intValue());
        assertEquals(122, ((Number) kpi(salonRows, "月4回以上", 2022).get("actual")).intValue());
        assertEquals(83, ((Number) kpi(salonRows, "月2回以上", 2022).get("actual")).intValue());
        assertEquals(151, ((Number) kpi(salonRows, "月1回以上", 2022).get("actual")).intValue());

        Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluations/63/2022").then().statusCode(200)
                .body("resultText", org.hamcrest.Matchers.startsWith("地域会合等への参加（回数） 1,305回"))
                .body("status", equalTo("DRAFT"));
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then()
                .body("nodes[0].children[0].children.find { it.code == '60' }.indicators[0].name", equalTo("未設定"));
        Api.as("viewer").get("/api/v1/indicators/" + Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().extract()
                        .path("nodes[0].children[0].children.find { it.code == '60' }.indicators[0].code"))
                .then().body("notSetReason", equalTo("安心安全を確保するための事業であり、定量効果や定性効果を求めるものではない"));

        JsonPath again = upload(plan, seed(), "text/tab-separated-values", "?commit=true");
        assertEquals(0, again.getInt("summary.CREATE"));
        assertEquals(0, again.getInt("summary.UPDATE"), again.getList("rows").toString());
        assertEquals(12, again.getInt("summary.UNCHANGED"));
    }

    @Test
    void exportThenReimportChangesNothing() throws IOException {
        String plan = emptyPlan();
        upload(plan, seed(), "text/tab-separated-values", "?commit=true");
        for (String format : List.of("xlsx", "csv", "tsv")) {
            byte[] file = Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluation-sheet?fiscalYear=2022&format=" + format)
                    .then().statusCode(200).extract().asByteArray();
            String type = switch (format) {
                case "xlsx" -> "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case "csv" -> "text/csv";
                default -> "text/tab-separated-values";
            };
            JsonPath preview = upload(plan, file, type, "");
            assertEquals(0, preview.getInt("summary.ERROR"), format + ": " + preview.getList("problems"));
            JsonPath report = upload(plan, file, type, "?commit=true");
            assertEquals(0, report.getInt("summary.ERROR"), format + ": " + report.getList("problems"));
            assertEquals(0, report.getInt("summary.CREATE") + report.getInt("summary.UPDATE"), format + ": " + report.getList("rows"));
        }
    }

    @Test
    void readsAFileOfMyOwnInShiftJisWithFullWidthDigitsAndEras() {
        String plan = emptyPlan();
        String csv = String.join("\r\n",
                "テスト市 事業調書",
                "",
                "目標,施策の方向性,No.,取組名,概要,成果指標,取組結果 (R4年度),今後の方向性",
                "①地域で支え合う,,,,,,,",
                ",（１）見守りの充実,,,,,,",
                ",,１,見守り訪問,民生委員が訪問します。,\"訪問世帯数 平成30年度：１，２００世帯 → 令和5年度：１，５００世帯 訪問で孤立を防ぐため。\",\"訪問世帯数 １，３５０世帯 順調に増えた。\",継続する。",
                ",,２,サロン,居場所をつくる。,\"サロン数\n・月4回以上 10箇所\n・月1回以上 20箇所\n身近な居場所のため。\",\"・月4回以上 12箇所 ・月1回以上 18箇所\",広げる。");
        JsonPath report = upload(plan, csv.getBytes(Charset.forName("windows-31j")), "text/csv", "?commit=true");
        assertEquals(0, report.getInt("summary.ERROR"), report.getList("problems").toString());
        assertEquals(2022, report.getInt("fiscalYear"));
        String visits = Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then()
                .body("nodes[0].code", equalTo("①"))
                .body("nodes[0].children[0].code", equalTo("（１）"))
                .extract().path("nodes[0].children[0].children[0].indicators[0].code");
        List<Map<String, Object>> rows = Api.as("viewer").get("/api/v1/kpis?indicator=" + visits).then().extract().jsonPath().getList("items");
        assertEquals(1200, ((Number) kpi(rows, null, 2018).get("baseline")).intValue());
        assertEquals(1500, ((Number) kpi(rows, null, 2023).get("target")).intValue());
        assertEquals(1350, ((Number) kpi(rows, null, 2022).get("actual")).intValue());
        Api.as("viewer").get("/api/v1/indicators/" + visits + "/history").then().statusCode(200)
                .body("items.origin", everyItem(equalTo("IMPORTED"))).body("items.originName", everyItem(equalTo("事業調書")));
    }

    @Test
    void malformedFilesAreReportedWithRowAndColumnAndNothingIsImported() {
        String plan = emptyPlan();
        String tsv = String.join("\n",
                "目標\t施策の方向性\tNo.\t取組名\t概要\t成果指標\t取組結果 (令和4年度)\t今後の方向性",
                "見出し番号のない目標\t\t\t\t\t\t\t",
                "②目標\t\t\t\t\t\t\t",
                "\t\t70\t\t概要だけ\t\t\t",
                "\t\t71\t取組\t概要\t件数 令和元年度：約100件 → 令和5年度：120件\t・月9回 3件\t",
                "\t\t72\t内訳\t概要\t内訳の指標 ・A 1件 ・B 2件\t・A 1件 ・C 5件\t");
        JsonPath dry = upload(plan, tsv.getBytes(StandardCharsets.UTF_8), "text/tab-separated-values", "");
        List<Map<String, Object>> problems = dry.getList("problems.findAll { it.severity == 'ERROR' }");
        assertTrue(problems.stream().anyMatch(p -> p.get("row").equals(2) && p.get("column").equals("目標")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.get("row").equals(4) && p.get("column").equals("取組名")), problems.toString());
        assertTrue(problems.stream().anyMatch(p -> p.get("row").equals(6) && p.get("column").equals("取組結果")
                && p.get("value").toString().contains("・C 5件")), problems.toString());
        Api.as("planner").contentType("text/tab-separated-values").body(tsv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports?commit=true").then().statusCode(422)
                .body("type", equalTo("/problems/import-rejected"))
                .body("errors.field", hasItem("2 行目 目標"));
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().body("nodes", hasSize(0));

        Api.as("planner").contentType("text/tab-separated-values").body("名前\t値\n".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports").then().statusCode(200)
                .body("problems[0].message", org.hamcrest.Matchers.containsString("見出し行"));
        Api.as("planner").contentType("text/tab-separated-values").body(seedBytes())
                .post("/api/v1/plans/" + plan + "/imports?fiscalYear=2023").then().statusCode(200)
                .body("problems.severity", everyItem(equalTo("ERROR"))).body("problems[0].message", org.hamcrest.Matchers.containsString("年度"));
        Api.as("planner").contentType("text/csv").body("\"unterminated".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports").then().statusCode(400);
        Api.as("viewer").contentType("text/csv").body("x".getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports").then().statusCode(403);
    }

    private static byte[] seedBytes() {
        try {
            return seed();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
