package jp.tsunagu.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * オープンデータ: a plan a planner published is served without credentials as a CSV in the 自治体標準オープンデータセット
 * manner, with its description and column schema, cacheable; an unpublished plan is not there at all.
 */
@QuarkusTest
class OpenDataTest {

    @Test
    void aPublishedPlanIsServedAsOpenDataAndAnUnpublishedOneIsNot() throws Exception {
        String plan = "od-" + UUID.randomUUID().toString().substring(0, 8);
        // 北九州市 (40100) makes the plan: its code with the check digit is 401005, in 福岡県.
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40100", "kind", "OTHER", "title", "公開の試験計画", "periodStart", 2022,
                "periodEnd", 2024, "levels", List.of("基本目標"), "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "つながり")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan + "-salon", "planCode", plan, "nodeCode", "1", "name", "サロンの数", "unit", "か所",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        Api.as("planner").body(Map.of("kind", "TARGET", "value", 40)).put("/api/v1/indicators/" + plan + "-salon/values/2022").then().statusCode(200);
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 30)).put("/api/v1/indicators/" + plan + "-salon/values/2022").then().statusCode(200);

        RestAssured.given().get("/open-data/v1/plans/" + plan + "/indicators.csv").then().statusCode(404);
        RestAssured.given().get("/open-data/v1/plans").then().statusCode(200).body("items.code", not(hasItem(plan)));
        Api.as("viewer").body(Map.of("published", true)).put("/api/v1/plans/" + plan + "/publication").then().statusCode(403);
        Api.as("planner").body(Map.of("published", true)).put("/api/v1/plans/" + plan + "/publication").then().statusCode(200)
                .body("publishedAt", not(equalTo(null)));

        JsonPath list = RestAssured.given().get("/open-data/v1/plans").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=300")).extract().jsonPath();
        assertEquals("401005", list.getString("items.find { it.code == '" + plan + "' }.localGovernmentCode"));
        assertEquals("福岡県", list.getString("items.find { it.code == '" + plan + "' }.prefecture"));

        var response = RestAssured.given().get("/open-data/v1/plans/" + plan + "/indicators.csv").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).header("Cache-Control", equalTo("public, max-age=300")).extract();
        String csv = new String(response.asByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF全国地方公共団体コード,都道府県名,市区町村名,"), csv.substring(0, 40));
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv.substring(1))).getRecords();
        CSVRecord fy2022 = rows.stream().filter(r -> r.get("西暦年度").equals("2022")).findFirst().orElseThrow();
        assertEquals("401005", fy2022.get("全国地方公共団体コード"));
        assertEquals("福岡県", fy2022.get("都道府県名"));
        assertEquals("令和4年度", fy2022.get("年度"));
        assertEquals("40", fy2022.get("目標値"));
        assertEquals("30", fy2022.get("実績値"));
        assertEquals("75", fy2022.get("達成率"));
        assertEquals("増やす", fy2022.get("方向"));
        assertEquals("入力", fy2022.get("値の出どころ"));
        assertTrue(fy2022.get("更新日").matches("\\d{4}-\\d{2}-\\d{2}"), fy2022.get("更新日"));

        String etag = response.header("ETag");
        RestAssured.given().header("If-None-Match", etag).get("/open-data/v1/plans/" + plan + "/indicators.csv").then().statusCode(304);
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 32)).put("/api/v1/indicators/" + plan + "-salon/values/2022").then().statusCode(200);
        RestAssured.given().header("If-None-Match", etag).get("/open-data/v1/plans/" + plan + "/indicators.csv").then().statusCode(200);

        JsonPath dataset = RestAssured.given().get("/open-data/v1/plans/" + plan + "/dataset.json").then().statusCode(200).extract().jsonPath();
        assertEquals("https://creativecommons.org/licenses/by/4.0/deed.ja", dataset.getString("'dct:license'"));
        assertEquals("北九州市", dataset.getString("'dct:publisher'.'foaf:name'"));
        assertEquals("/open-data/v1/plans/" + plan + "/indicators.csv", dataset.getString("'dcat:distribution'[0].'dcat:downloadURL'"));
        JsonPath schema = RestAssured.given().get("/open-data/v1/plans/" + plan + "/schema.json").then().statusCode(200).extract().jsonPath();
        assertEquals(rows.get(0).getParser().getHeaderNames(), schema.getList("fields.name"));

        Api.as("planner").body(Map.of("published", false)).put("/api/v1/plans/" + plan + "/publication").then().statusCode(200);
        RestAssured.given().get("/open-data/v1/plans/" + plan + "/dataset.json").then().statusCode(404);
    }
}
