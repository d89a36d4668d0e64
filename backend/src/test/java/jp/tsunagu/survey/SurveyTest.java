package jp.tsunagu.survey;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Citizen surveys over HTTP: the seed's bands, uploads of responses, suppression, and the indicator they feed. */
@QuarkusTest
class SurveyTest {

    private static JsonPath survey(String code) {
        return Api.as("viewer").get("/api/v1/surveys/" + code).then().statusCode(200).extract().jsonPath();
    }

    private static float percent(JsonPath json, String band) {
        return json.getFloat("distribution.find { it.band == '" + band + "' }.percent");
    }

    private static String newSurvey() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", code, "title", "試験アンケート", "fiscalYear", 2025, "areaCode", "43100",
                        "instrument", "UCLA3", "dataSource", "RESPONSES", "referenceCode", "kumamoto-r6"))
                .post("/api/v1/surveys").then().statusCode(201).body("distribution", hasSize(0));
        return code;
    }

    private static io.restassured.response.ValidatableResponse upload(String code, String csv, boolean commit) {
        return Api.as("planner").contentType("text/csv").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/surveys/" + code + "/imports?commit=" + commit).then();
    }

    /** 12 respondents: scores 3, 3, 4, 6, 7, 9, 9, 10, 12, 12 and two who left an item blank. */
    private static final String TWELVE = """
            q1,q2,q3,年代,区
            1,1,1,70歳以上,中央区
            1,1,1,70歳以上,中央区
            1,1,2,70歳以上,東区
            2,2,2,30代,東区
            3,2,2,30代,中央区
            3,3,3,30代,中央区
            常にある,時々ある,ほとんどない,40代,中央区
            4,3,3,40代,中央区
            4,4,4,40代,中央区
            ４,４,４,40代,中央区
            1,,2,40代,中央区
            無回答,1,1,40代,中央区
            """;

    @Test
    void theCitysBandsBesideTheNationsAsTheSourcePrintsThem() {
        JsonPath city = survey("kumamoto-r6");
        assertEquals(3.1f, percent(city, "SCORE_10_12"));
        assertEquals(34.3f, percent(city, "SCORE_7_9"));
        assertEquals(31.9f, percent(city, "SCORE_4_6"));
        assertEquals(28.2f, percent(city, "SCORE_3"));
        assertEquals(2.4f, percent(city, "NO_ANSWER"));
        assertEquals("national-r5", city.getString("referenceCode"));

        JsonPath diff = Api.as("viewer").get("/api/v1/surveys/kumamoto-r6/comparison").then().statusCode(200).extract().jsonPath();
        assertEquals("national-r5", diff.getString("referenceCode"));
        Map<String, Float> points = new HashMap<>();
        for (Map<String, Object> row : diff.<Map<String, Object>>getList("rows")) {
            points.put((String) row.get("band"), ((Number) row.get("differencePoints")).floatValue());
        }
        assertEquals(Map.of("SCORE_10_12", -3.8f, "SCORE_7_9", -5.8f, "SCORE_4_6", -6.6f, "SCORE_3", 14.5f, "NO_ANSWER", 1.6f), points);
    }

    @Test
    void theCitySurveyGivesTheLonelinessIndicatorItsActualAndTheKpiApiShowsIt() {
        Api.as("viewer").get("/api/v1/surveys/kumamoto-r6").then()
                .body("feeds.indicatorCode", equalTo("kumamoto-5th-iv-3"))
                .body("feeds.indicatorName", equalTo("孤独感の程度が高い市民の割合"))
                .body("feeds.bands", equalTo(List.of("SCORE_7_9", "SCORE_10_12")))
                .body("feeds.value", equalTo(37.4f));
        Api.as("viewer").get("/api/v1/indicators/kumamoto-5th-iv-3").then().statusCode(200)
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2023 }.value", equalTo(37.4f))
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2023 }.source.kind", equalTo("SURVEY"))
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2023 }.source.survey.code", equalTo("kumamoto-r6"));
        Api.as("viewer").get("/api/v1/kpis?indicator=kumamoto-5th-iv-3").then().statusCode(200)
                .body("items.find { it.fiscalYear == 2023 && it.option == null }.actual", equalTo(37.4f));
        Api.as("viewer").get("/api/v1/indicators/kumamoto-5th-iv-3/history").then().statusCode(200)
                .body("items.find { it.kind == 'ACTUAL' && it.fiscalYear == 2023 && it.newValue == 37.4f }.origin", equalTo("SURVEY"))
                .body("items.find { it.kind == 'ACTUAL' && it.fiscalYear == 2023 && it.newValue == 37.4f }.originName", equalTo("kumamoto-r6"));
        // Typed writes cannot overwrite a derived actual.
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 40))
                .put("/api/v1/indicators/kumamoto-5th-iv-3/values/2023").then().statusCode(409)
                .body("type", equalTo("/problems/indicator-value-derived"));
    }

    @Test
    void theInventedResponsesRoundToTheCitysPublishedFigures() {
        JsonPath responses = survey("kumamoto-r6-responses");
        assertEquals(864, responses.getInt("respondents"));
        assertEquals(List.of("年代", "性別", "区"), responses.getList("attributes"));
        JsonPath diff = Api.as("viewer").get("/api/v1/surveys/kumamoto-r6-responses/comparison?reference=kumamoto-r6")
                .then().statusCode(200).extract().jsonPath();
        for (Map<String, Object> row : diff.<Map<String, Object>>getList("rows")) {
            assertEquals(0.0f, ((Number) row.get("differencePoints")).floatValue(), "band " + row.get("band"));
        }
    }

    @Test
    void previewComputesTheDistributionAndStoresNothingThenCommitStoresIt() {
        String code = newSurvey();
        upload(code, TWELVE, false).statusCode(200)
                .body("committed", equalTo(false))
                .body("respondents", equalTo(12))
                .body("attributes", equalTo(List.of("年代", "区")))
                .body("errorCount", equalTo(0))
                .body("distribution.find { it.band == 'SCORE_3' }.count", equalTo(2))
                .body("distribution.find { it.band == 'SCORE_4_6' }.count", equalTo(2))
                .body("distribution.find { it.band == 'SCORE_7_9' }.count", equalTo(3))
                .body("distribution.find { it.band == 'SCORE_10_12' }.count", equalTo(3))
                .body("distribution.find { it.band == 'NO_ANSWER' }.count", equalTo(2))
                .body("distribution.find { it.band == 'SCORE_7_9' }.percent", equalTo(25));
        Api.as("viewer").get("/api/v1/surveys/" + code).then().body("distribution", hasSize(0)).body("respondents", nullValue());

        upload(code, TWELVE, true).statusCode(200).body("committed", equalTo(true));
        JsonPath stored = survey(code);
        assertEquals(12, stored.getInt("respondents"));
        assertEquals(16.7f, percent(stored, "SCORE_3"));
        assertEquals(16.7f, percent(stored, "NO_ANSWER"));
    }

    @Test
    void aMalformedUploadStoresNothingAndSaysWhere() {
        String code = newSurvey();
        upload(code, TWELVE, true).statusCode(200);
        String bad = TWELVE + "5,1,1,30代,北区\n1,2,x,30代,北区\n";
        upload(code, bad, false).statusCode(200)
                .body("errorCount", equalTo(2))
                .body("errors[0].line", equalTo(14))
                .body("errors[0].column", equalTo("q1"))
                .body("errors[0].message", containsString("「5」"))
                .body("errors[1].column", equalTo("q3"));
        upload(code, bad, true).statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("/problems/survey-import-rejected"))
                .body("errors.field", hasItem("line 14.q1"));
        upload(code, "q1,q2\n1,1\n", true).statusCode(422).body("detail", containsString("q3"));
        upload(code, "q1,q2,q3\n\"1,1,1\n", true).statusCode(400).body("detail", containsString("引用符"));
        Api.as("planner").contentType("text/csv").body(new byte[0]).post("/api/v1/surveys/" + code + "/imports?commit=true")
                .then().statusCode(400);
        Api.as("planner").contentType("text/csv").body(new byte[]{(byte) 0xff, (byte) 0xfe, 0x00, 0x41})
                .post("/api/v1/surveys/" + code + "/imports?commit=true").then().statusCode(400);
        // The twelve stored before are still exactly there.
        assertEquals(12, survey(code).getInt("respondents"));
        assertEquals(List.of("年代", "区"), survey(code).getList("attributes"));
    }

    @Test
    void readsShiftJisAndDropsColumnsThatIdentifyAPerson() {
        String code = newSurvey();
        String csv = "回答者番号,氏名,問1,問2,問3,性別\n" + "1,山田,1,1,1,女性\n".repeat(3) + "2,佐藤,4,4,4,男性\n".repeat(9);
        Api.as("planner").contentType("text/csv").body(csv.getBytes(Charset.forName("windows-31j")))
                .post("/api/v1/surveys/" + code + "/imports?commit=true").then().statusCode(200)
                .body("respondents", equalTo(12))
                .body("ignoredColumns", equalTo(List.of("回答者番号", "氏名")))
                .body("attributes", equalTo(List.of("性別")));
        String body = Api.as("admin").get("/api/v1/surveys/" + code).then().statusCode(200).extract().asString();
        assertFalse(body.contains("山田") || body.contains("佐藤"), body);
        Api.as("viewer").get("/api/v1/surveys/" + code + "/breakdown?by=氏名").then().statusCode(400);
    }

    @Test
    void readsHeadersAsTheyComeFromSpreadsheetsAndForms() {
        String code = newSurvey();
        String csv = "\"問1 人とのつきあいが無いと感じる\",q2_取り残されている,自分は他の人たちから孤立していると感じることがありますか,年代\n"
                + "1.0,1,1,30代\n".repeat(5) + "4,4,常にある,40代\n".repeat(5);
        upload(code, csv, true).statusCode(200)
                .body("respondents", equalTo(10))
                .body("attributes", equalTo(List.of("年代")))
                .body("distribution.find { it.band == 'SCORE_3' }.count", equalTo(5))
                .body("distribution.find { it.band == 'SCORE_10_12' }.count", equalTo(5));
    }

    @Test
    void readsTheFirstSheetOfAnXlsxFile() throws Exception {
        String code = newSurvey();
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            org.apache.poi.ss.usermodel.Sheet sheet = book.createSheet("回答");
            String[] header = {"q1", "q2", "q3", "区"};
            org.apache.poi.ss.usermodel.Row first = sheet.createRow(0);
            for (int c = 0; c < header.length; c++) {
                first.createCell(c).setCellValue(header[c]);
            }
            for (int r = 1; r <= 12; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.createRow(r);
                for (int c = 0; c < 3; c++) {
                    row.createCell(c).setCellValue(r <= 4 ? 3 : 1);
                }
                row.createCell(3).setCellValue(r % 2 == 0 ? "中央区" : "東区");
            }
            book.write(out);
        }
        Api.as("planner").contentType(SurveyResource.XLSX).header("X-File-Name", "kaitou.xlsx").body(out.toByteArray())
                .post("/api/v1/surveys/" + code + "/imports?commit=true").then().statusCode(200)
                .body("respondents", equalTo(12))
                .body("attributes", equalTo(List.of("区")))
                .body("distribution.find { it.band == 'SCORE_7_9' }.count", equalTo(4))
                .body("distribution.find { it.band == 'SCORE_3' }.count", equalTo(8));
    }

    @Test
    void smallCellsAreSuppressedAndCannotBeWorkedOutBySubtraction() {
        JsonPath sex = Api.as("viewer").get("/api/v1/surveys/kumamoto-r6-responses/breakdown?by=性別").then().statusCode(200)
                .body("minimumCell", equalTo(10)).extract().jsonPath();
        Map<String, Object> declined = sex.getMap("groups.find { it.value == '回答しない' }");
        assertEquals(true, declined.get("suppressed"));
        assertEquals(null, declined.get("respondents"));
        // With one group hidden, the survey total would give it away: a second group is hidden with it.
        List<Map<String, Object>> groups = sex.getList("groups");
        assertTrue(groups.stream().filter(g -> (Boolean) g.get("suppressed")).count() >= 2, groups.toString());
        for (Map<String, Object> g : groups) {
            for (Map<String, Object> cell : (List<Map<String, Object>>) g.get("cells")) {
                Object count = cell.get("count");
                assertTrue(count == null ? (Boolean) cell.get("suppressed") : ((Number) count).intValue() >= 10, g.toString());
            }
        }

        // A survey of twelve where one answer per person is unique: nothing individual comes back.
        String code = newSurvey();
        StringBuilder csv = new StringBuilder("q1,q2,q3,メモ\n");
        for (int n = 1; n <= 12; n++) {
            csv.append(n % 4 + 1).append(",1,1,メモ").append(n).append('\n');
        }
        upload(code, csv.toString(), true).statusCode(200);
        Api.as("viewer").get("/api/v1/surveys/" + code + "/breakdown?by=メモ").then().statusCode(200)
                .body("groups", hasSize(12))
                .body("groups.suppressed", not(hasItem(false)))
                .body("groups.cells.flatten().count", not(hasItem(not(nullValue()))));
    }

    @Test
    void aRuleFeedsOneIndicatorPerYearAndOnlyAShare() {
        String code = newSurvey();
        upload(code, TWELVE, true).statusCode(200);
        Api.as("planner").body(Map.of("indicatorCode", "kumamoto-5th-iv-1", "bands", List.of("SCORE_7_9")))
                .put("/api/v1/surveys/" + code + "/indicator-rule").then().statusCode(422)
                .body("type", equalTo("/problems/indicator-not-a-share"));
        Api.as("planner").body(Map.of("indicatorCode", "kumamoto-5th-iv-3", "bands", List.of("SCORE_7_9", "SCORE_10_12")))
                .put("/api/v1/surveys/" + code + "/indicator-rule").then().statusCode(200)
                .body("feeds.value", equalTo(50));
        Api.as("viewer").get("/api/v1/indicators/kumamoto-5th-iv-3").then()
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2025 }.value", equalTo(50));

        String second = newSurvey();
        Api.as("planner").body(Map.of("indicatorCode", "kumamoto-5th-iv-3", "bands", List.of("SCORE_10_12")))
                .put("/api/v1/surveys/" + second + "/indicator-rule").then().statusCode(409)
                .body("type", equalTo("/problems/indicator-already-fed"));

        // New responses change the actual; dropping the rule removes it.
        upload(code, "q1,q2,q3\n" + "1,1,1\n".repeat(10), true).statusCode(200);
        Api.as("viewer").get("/api/v1/indicators/kumamoto-5th-iv-3").then()
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2025 }.value", equalTo(0));
        Api.as("planner").delete("/api/v1/surveys/" + code + "/indicator-rule").then().statusCode(200).body("feeds", nullValue());
        Api.as("viewer").get("/api/v1/indicators/kumamoto-5th-iv-3").then()
                .body("values.findAll { it.kind == 'ACTUAL' && it.fiscalYear == 2025 }", hasSize(0));
    }

    @Test
    void publishedDistributionsMustCoverEveryBandAndAddUp() {
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", code, "title", "全国調査（試験）", "fiscalYear", 2024, "instrument", "UCLA3",
                "dataSource", "PUBLISHED")).post("/api/v1/surveys").then().statusCode(201).body("area", nullValue());
        Api.as("planner").body(Map.of("shares", List.of(Map.of("band", "SCORE_3", "percent", 50), Map.of("band", "SCORE_4_6", "percent", 40))))
                .put("/api/v1/surveys/" + code + "/published-distribution").then().statusCode(400)
                .body("errors.message", hasItem(containsString("無回答")));
        Api.as("planner").body(Map.of("shares", List.of(Map.of("band", "SCORE_3", "percent", 50), Map.of("band", "SCORE_4_6", "percent", 40),
                        Map.of("band", "SCORE_7_9", "percent", 20), Map.of("band", "SCORE_10_12", "percent", 0), Map.of("band", "NO_ANSWER", "percent", 0))))
                .put("/api/v1/surveys/" + code + "/published-distribution").then().statusCode(400)
                .body("detail", containsString("110"));
        Api.as("planner").contentType("text/csv").body("q1,q2,q3\n1,1,1\n".getBytes())
                .post("/api/v1/surveys/" + code + "/imports").then().statusCode(409);
        Api.as("viewer").get("/api/v1/surveys/" + code + "/breakdown?by=年代").then().statusCode(422);
    }

    @Test
    void viewersReadAggregatesButOnlyPlannersWrite() {
        Api.as("viewer").get("/api/v1/surveys").then().statusCode(200)
                .body("items.code", hasItem("kumamoto-r6"))
                .body("items.code", hasItem("national-r5"));
        Api.as("viewer").body(Map.of("code", "x", "title", "x", "fiscalYear", 2024, "instrument", "UCLA3", "dataSource", "PUBLISHED"))
                .post("/api/v1/surveys").then().statusCode(403);
        Api.as("coordinator").get("/api/v1/surveys").then().statusCode(403);
        Api.as("viewer").get("/api/v1/surveys/no-such").then().statusCode(404)
                .body("type", equalTo("/problems/survey-not-found"));
    }
}
