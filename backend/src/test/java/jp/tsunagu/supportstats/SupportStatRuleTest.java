package jp.tsunagu.supportstats;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Indicators whose actuals are the support statistics: nobody types them, the KPI API shows them. */
@QuarkusTest
class SupportStatRuleTest {

    private static final int THIS_YEAR = jp.tsunagu.shared.FiscalYears.of(LocalDate.now(ZoneId.of("Asia/Tokyo")));

    private static String indicator(String unit) {
        String plan = "t-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40100", "kind", "OTHER", "title", "試験計画",
                        "periodStart", 2020, "periodEnd", 2030, "levels", List.of("事業"), "actors", List.of()))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "事業1")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan + "-i", "planCode", plan, "nodeCode", "1", "name", "相談件数", "unit", unit,
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        return plan + "-i";
    }

    private static Number actual(String indicator, int year) {
        return Api.as("viewer").get("/api/v1/indicators/" + indicator).then().statusCode(200)
                .extract().path("values.find { it.kind == 'ACTUAL' && it.fiscalYear == " + year + " }.value");
    }

    @Test
    void theDemoPlanTakesTheSeedsFiguresFromTheRecords() {
        Api.as("viewer").get("/api/v1/kpis?plan=kitakyushu-seikatsu").then().statusCode(200)
                .body("items.find { it.indicatorCode == 'kitakyushu-seikatsu-consultations' && it.fiscalYear == 2020 }.actual", equalTo(761))
                .body("items.find { it.indicatorCode == 'kitakyushu-seikatsu-adjustments' && it.fiscalYear == 2020 }.actual", equalTo(910))
                .body("items.find { it.indicatorCode == 'kitakyushu-seikatsu-garbage-share' && it.fiscalYear == 2020 }.actual", equalTo(37.4f));
        Api.as("viewer").get("/api/v1/indicators/kitakyushu-seikatsu-consultations").then()
                .body("values.find { it.fiscalYear == 2020 }.source.kind", equalTo("SUPPORT_STATS"))
                .body("values.find { it.fiscalYear == 2020 }.source.supportStats.areaCode", equalTo("40100"))
                .body("values.find { it.fiscalYear == 2020 }.source.supportStats.statistic", equalTo("CONSULTATIONS"))
                // Years without a single record have no actual rather than a zero.
                .body("values.findAll { it.fiscalYear == 2019 }", hasSize(0));
        Api.as("planner").get("/api/v1/support-stat-rules").then().statusCode(200)
                .body("items.indicatorCode", hasItem("kitakyushu-seikatsu-garbage-share"));
    }

    @Test
    void aNewConsultationAndAnAdjustmentRaiseTheActualOfTheYear() {
        String consultations = indicator("件");
        Api.as("planner").body(Map.of("areaCode", "40102-takasu", "statistic", "CONSULTATIONS"))
                .put("/api/v1/indicators/" + consultations + "/support-stat-rule").then().statusCode(200)
                .body("source.kind", equalTo("SUPPORT_STATS")).body("source.supportStats.areaCode", equalTo("40102-takasu"))
                .body("source.supportStats.statistic", equalTo("CONSULTATIONS")).body("source.supportStats.categoryCode", equalTo(null));
        int before = Api.as("coordinator").get("/api/v1/support-stats?area=40102-takasu&fiscalYear=" + THIS_YEAR)
                .then().statusCode(200).extract().path("consultations");

        long recipient = SupportTestData.recipient("coordinator", "40102-takasu");
        SupportTestData.request("coordinator", recipient, "GARBAGE", 2);
        assertEquals(before + 1, actual(consultations, THIS_YEAR).intValue());

        // Typed values cannot overwrite it; dropping the rule removes what it derived.
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", 1))
                .put("/api/v1/indicators/" + consultations + "/values/" + THIS_YEAR).then().statusCode(409);
        Api.as("planner").delete("/api/v1/indicators/" + consultations + "/support-stat-rule").then().statusCode(204);
        Api.as("viewer").get("/api/v1/indicators/" + consultations).then().body("values", hasSize(0));
    }

    @Test
    void aRecipientWhoMovesTakesTheirConsultationsToTheNewDistrict() {
        String takasu = indicator("件");
        Api.as("planner").body(Map.of("areaCode", "40102-takasu", "statistic", "CONSULTATIONS"))
                .put("/api/v1/indicators/" + takasu + "/support-stat-rule").then().statusCode(200);
        long recipient = SupportTestData.recipient("coordinator", "40102-takasu");
        SupportTestData.request("coordinator", recipient, "GARBAGE", 2);
        int counted = actual(takasu, THIS_YEAR).intValue();

        Map<String, Object> moved = new java.util.HashMap<>(Api.as("coordinator").get("/api/v1/recipients/" + recipient).then().statusCode(200)
                .extract().jsonPath().getMap(""));
        moved.remove("id");
        moved.remove("area");
        moved.put("areaCode", "40101-shoji");
        Api.as("coordinator").body(moved).put("/api/v1/recipients/" + recipient).then().statusCode(200).body("area.code", equalTo("40101-shoji"));
        assertEquals(counted - 1, actual(takasu, THIS_YEAR).intValue());
    }

    @Test
    void aShareGoesOnlyToAPercentIndicatorAndNeedsACategory() {
        String count = indicator("件");
        Api.as("planner").body(Map.of("areaCode", "40100", "statistic", "CATEGORY_SHARE", "categoryCode", "GARBAGE"))
                .put("/api/v1/indicators/" + count + "/support-stat-rule").then().statusCode(422)
                .body("type", equalTo("/problems/indicator-unit-mismatch"));
        String share = indicator("%");
        Api.as("planner").body(Map.of("areaCode", "40100", "statistic", "CATEGORY_SHARE"))
                .put("/api/v1/indicators/" + share + "/support-stat-rule").then().statusCode(400);
        Api.as("planner").body(Map.of("areaCode", "40100", "statistic", "CATEGORY_SHARE", "categoryCode", "GARBAGE"))
                .put("/api/v1/indicators/" + share + "/support-stat-rule").then().statusCode(200);
        assertEquals(37.4f, actual(share, 2020).floatValue());
        Api.as("coordinator").body(Map.of("areaCode", "40100", "statistic", "CONSULTATIONS"))
                .put("/api/v1/indicators/" + count + "/support-stat-rule").then().statusCode(403);
    }

    @Test
    void anAdminAddsAndRetiresATroubleCategory() {
        String code = "T_" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Api.as("coordinator").body(Map.of("name", "試験の種類", "requiresVehicle", false))
                .put("/api/v1/support-categories/" + code).then().statusCode(403);
        Api.as("admin").body(Map.of("name", "網戸の張り替え" + code, "requiresVehicle", true))
                .put("/api/v1/support-categories/" + code).then().statusCode(200).body("requiresVehicle", equalTo(true));
        Api.as("coordinator").get("/api/v1/support-categories").then().body("code", hasItem(code));
        Api.as("admin").body(Map.of("name", "ゴミ出し", "requiresVehicle", false))
                .put("/api/v1/support-categories/" + code).then().statusCode(409);
        Api.as("admin").body(Map.of("name", "網戸の張り替え" + code, "requiresVehicle", true, "active", false))
                .put("/api/v1/support-categories/" + code).then().statusCode(200);
        Api.as("coordinator").get("/api/v1/support-categories").then().body("code", not(hasItem(code)));
        long recipient = SupportTestData.recipient("coordinator", "40102-takasu");
        Api.as("coordinator").body(Map.of("recipientId", recipient, "categoryCode", code, "weeklyDay", 2,
                "start", "09:00", "end", "10:00", "payment", "EITHER")).post("/api/v1/support-requests").then().statusCode(422);
    }
}
