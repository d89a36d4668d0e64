package jp.tsunagu.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.TestAreas;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * Cities side by side: two cities' plans measure 生活支援コーディネーターの活動回数 in indicators of their own, linked
 * to one shared definition; the comparison lists each city's actual, target, rate and grade for the year, and per
 * 10,000 older residents where the city recorded its older population.
 */
@QuarkusTest
class IndicatorComparisonTest {

    private static String cityWithPlan(String prefix, String indicator, int target, int actual) {
        String city = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        TestAreas.area(city, "比較市" + prefix, "ひかくし", "CITY", null);
        String plan = "cmp-" + city;
        Api.as("planner").body(Map.of("code", plan, "cityCode", city, "kind", "ELDERLY_CARE_INSURANCE", "title", prefix + "の介護保険事業計画",
                "periodStart", 2024, "periodEnd", 2026, "levels", List.of("施策"), "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "生活支援体制整備")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", indicator, "planCode", plan, "nodeCode", "1", "name", "コーディネーターの活動",
                "unit", "回", "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        Api.as("planner").body(Map.of("rows", List.of(
                Map.of("indicatorCode", indicator, "fiscalYear", 2025, "kind", "TARGET", "value", target),
                Map.of("indicatorCode", indicator, "fiscalYear", 2025, "kind", "ACTUAL", "value", actual))))
                .put("/api/v1/indicator-values").then().statusCode(200);
        return city;
    }

    @Test
    void citiesLinkedToOneDefinitionCompareByValueRateAndPerTenThousandOlderResidents() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String definition = "sc-activities-" + suffix;
        Api.as("planner").body(Map.of("code", definition, "name", "生活支援コーディネーターの活動回数", "unit", "回"))
                .post("/api/v1/indicator-definitions").then().statusCode(201).body("indicators", equalTo(0));
        Api.as("planner").body(Map.of("code", definition, "name", "二つ目")).post("/api/v1/indicator-definitions").then().statusCode(409);

        String east = cityWithPlan("east", "east-sc-" + suffix, 200, 150);
        String west = cityWithPlan("west", "west-sc-" + suffix, 100, 120);
        for (String indicator : List.of("east-sc-" + suffix, "west-sc-" + suffix)) {
            Api.as("planner").body(Map.of("definition", definition)).put("/api/v1/indicators/" + indicator + "/definition")
                    .then().statusCode(200).body("definition", equalTo(definition));
        }
        Api.as("planner").body(Map.of("population", 50_000)).put("/api/v1/older-populations/" + east + "/2025").then().statusCode(200)
                .body("population", equalTo(50_000));

        JsonPath cmp = Api.as("viewer").queryParam("definition", definition).queryParam("fiscalYear", 2025)
                .get("/api/v1/kpis/compare").then().statusCode(200)
                .body("definition.indicators", equalTo(2))
                .body("items.cityCode", contains(east, west)).extract().jsonPath();
        assertEquals(150, cmp.getInt("items[0].actual"));
        assertEquals(200, cmp.getInt("items[0].target"));
        assertEquals(75.0, cmp.getDouble("items[0].achievementRate"), 0.01);
        assertEquals(30.0, cmp.getDouble("items[0].actualPer10000"), 0.001, "150 per 50,000 older residents");
        assertEquals(40.0, cmp.getDouble("items[0].targetPer10000"), 0.001);
        assertEquals(120.0, cmp.getDouble("items[1].achievementRate"), 0.01);
        assertEquals("A", cmp.getString("items[1].grade"));
        assertNull(cmp.get("items[1].olderPopulation"), "the west city recorded no population");
        assertNull(cmp.get("items[1].actualPer10000"));

        // A year without figures lists the cities with nothing to show, rather than leaving them out.
        Api.as("viewer").queryParam("definition", definition).queryParam("fiscalYear", 2026).get("/api/v1/kpis/compare")
                .then().statusCode(200).body("items.cityCode", contains(east, west)).body("items[0].actual", equalTo(null));

        // Unlinked: the city leaves the comparison.
        Api.as("planner").body(java.util.Collections.singletonMap("definition", null)).put("/api/v1/indicators/west-sc-" + suffix + "/definition")
                .then().statusCode(200);
        Api.as("viewer").queryParam("definition", definition).queryParam("fiscalYear", 2025).get("/api/v1/kpis/compare")
                .then().statusCode(200).body("items.cityCode", contains(east));
        // The indicator itself says which definition it is linked to (the SPA's indicator page reads it in one call).
        Api.as("viewer").get("/api/v1/indicators/east-sc-" + suffix).then().statusCode(200).body("definitionCode", equalTo(definition));
        Api.as("viewer").get("/api/v1/indicators/west-sc-" + suffix).then().statusCode(200).body("definitionCode", equalTo(null));
        // An integration token with kpi:read may compare and list the definitions too (AccessMatrixContractTest covers the rest).
        Api.as("viewer").get("/api/v1/indicator-definitions").then().statusCode(200)
                .body("items.find { it.code == '" + definition + "' }.indicators", equalTo(1));
    }

    @Test
    void badInputIsAProblemNamingTheField() {
        Api.as("viewer").get("/api/v1/kpis/compare?fiscalYear=2025").then().statusCode(400).body("errors[0].field", equalTo("definition"));
        Api.as("viewer").get("/api/v1/kpis/compare?definition=x").then().statusCode(400).body("errors[0].field", equalTo("fiscalYear"));
        Api.as("viewer").get("/api/v1/kpis/compare?definition=no-such-definition&fiscalYear=2025").then().statusCode(404);
        Api.as("planner").body(Map.of("definition", "no-such-definition")).put("/api/v1/indicators/kumamoto-5th-iv-2/definition")
                .then().statusCode(422).body("errors[0].field", equalTo("definition"));
        Api.as("planner").body(Map.of("population", 0)).put("/api/v1/older-populations/40100/2025").then().statusCode(400);
        Api.as("planner").body(Map.of("population", 1000)).put("/api/v1/older-populations/no-such-area/2025").then().statusCode(404);
        Api.as("planner").body(Map.of("code", "bad code!", "name", "x")).post("/api/v1/indicator-definitions").then().statusCode(400);
        Api.as("viewer").body(Map.of("code", "viewer-may-not", "name", "x")).post("/api/v1/indicator-definitions").then().statusCode(403);
    }
}
