package jp.tsunagu.supportstats;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * 校区の取り組み概要 (#17): per school district and fiscal year, the 相談員, the main support, paid or not, and the
 * outcomes as written; the district's own coordinators write them; the 相談員 count feeds the statistics and
 * indicator rules.
 */
@QuarkusTest
class DistrictProfileTest {

    private record City(String code, String district, String other) {
    }

    private static City city() {
        String code = "dp-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("code", code, "name", "概要市" + code, "kana", "がいようし", "kind", "CITY"))
                .post("/api/v1/areas").then().statusCode(201);
        for (String d : List.of("a", "b")) {
            Api.as("admin").body(Map.of("code", code + "-" + d, "name", "概要" + d + "校区" + code, "kana", "がいよう", "kind", "SCHOOL_DISTRICT",
                    "parentCode", code)).post("/api/v1/areas").then().statusCode(201);
        }
        return new City(code, code + "-a", code + "-b");
    }

    /** A coordinator of exactly this district, signed in at the city's provider. */
    private static String coordinatorOf(String district) {
        return TestIdentityProvider.token("dp-" + UUID.randomUUID().toString().substring(0, 8), c -> {
            c.setClaim("name", "概要 相談員");
            c.setClaim("realm_access", Map.of("roles", List.of("welfare-coordinators")));
            c.setClaim("districts", List.of(district));
        });
    }

    private static Map<String, Object> profile(int counselors, Object version) {
        var body = new HashMap<String, Object>(Map.of("counselors", counselors, "mainSupport", "ゴミ出し、掃除、買い物、通院同行 他",
                "payment", "PAID", "outcomes", "◎「ちょこっと応援隊」(32名) ◎見守り活動の充実"));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    @Test
    void aCoordinatorWritesTheirDistrictsProfileAndItIsReadWithTheStatistics() {
        City city = city();
        String coordinator = coordinatorOf(city.district());
        String url = "/api/v1/support-stats/profiles/" + city.district() + "/2020";
        int version = Api.bearer(coordinator).body(profile(2, null)).put(url).then().statusCode(200)
                .body("counselors", equalTo(2)).body("payment", equalTo("PAID")).body("area.code", equalTo(city.district()))
                .extract().path("version");
        Api.as("viewer").get("/api/v1/support-stats/profiles?area=" + city.code() + "&fiscalYear=2020").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].outcomes", equalTo("◎「ちょこっと応援隊」(32名) ◎見守り活動の充実"))
                .body("items[0].mainSupport", equalTo("ゴミ出し、掃除、買い物、通院同行 他"));
        Api.as("viewer").get("/api/v1/support-stats?area=" + city.code() + "&fiscalYear=2020").then().statusCode(200)
                .body("counselors", equalTo(2));
        Api.as("viewer").get("/api/v1/support-stats?area=" + city.code() + "&fiscalYear=2021").then().statusCode(200)
                .body("counselors", nullValue());

        // A change names the version it read; an old one is refused and nothing changes.
        Api.bearer(coordinator).body(profile(3, null)).put(url).then().statusCode(400).body("errors[0].field", equalTo("version"));
        Api.bearer(coordinator).body(profile(3, version)).put(url).then().statusCode(200).body("counselors", equalTo(3));
        Api.bearer(coordinator).body(profile(4, version)).put(url).then().statusCode(409);
        Api.as("viewer").get("/api/v1/support-stats/profiles?area=" + city.district()).then().body("items.counselors", contains(3));
    }

    @Test
    void onlyTheDistrictsOwnCoordinatorsAndAdministratorsWriteIt() {
        City city = city();
        String coordinator = coordinatorOf(city.district());
        Api.bearer(coordinator).body(profile(1, null)).put("/api/v1/support-stats/profiles/" + city.other() + "/2020").then().statusCode(404);
        Api.as("viewer").body(profile(1, null)).put("/api/v1/support-stats/profiles/" + city.district() + "/2020").then().statusCode(403);
        Api.as("planner").body(profile(1, null)).put("/api/v1/support-stats/profiles/" + city.district() + "/2020").then().statusCode(403);
        Api.as("admin").body(profile(1, null)).put("/api/v1/support-stats/profiles/" + city.code() + "/2020").then().statusCode(422)
                .body("type", equalTo("/problems/not-a-district"));
        Api.as("admin").body(Map.of("counselors", -1)).put("/api/v1/support-stats/profiles/" + city.district() + "/2020").then().statusCode(400)
                .body("errors[0].field", equalTo("counselors"));
        Api.as("viewer").get("/api/v1/support-stats/profiles?area=" + city.code()).then().statusCode(200).body("items", hasSize(0));
        Api.as("admin").body(profile(1, null)).put("/api/v1/support-stats/profiles/" + city.other() + "/2020").then().statusCode(200);
    }

    @Test
    void theCounselorCountIsAnIndicatorRuleLikeTheOtherFigures() {
        City city = city();
        String plan = "dp-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", city.code(), "kind", "OTHER", "title", "相談員の配置",
                "periodStart", 2020, "periodEnd", 2025, "levels", List.of("事業"), "actors", List.of())).post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "地域生活支援相談員の配置")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        String indicator = plan + "-c";
        Api.as("planner").body(Map.of("code", indicator, "planCode", plan, "nodeCode", "1", "name", "地域生活支援相談員", "unit", "人",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        Api.as("admin").body(profile(2, null)).put("/api/v1/support-stats/profiles/" + city.district() + "/2020").then().statusCode(200);
        Api.as("planner").body(Map.of("areaCode", city.code(), "statistic", "COUNSELORS"))
                .put("/api/v1/indicators/" + indicator + "/support-stat-rule").then().statusCode(200);
        Api.as("viewer").get("/api/v1/indicators/" + indicator).then().statusCode(200)
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2020 }.value", equalTo(2));
        // The other district's profile is added: the city's actual follows at once.
        Api.as("admin").body(profile(5, null)).put("/api/v1/support-stats/profiles/" + city.other() + "/2020").then().statusCode(200);
        Api.as("viewer").get("/api/v1/indicators/" + indicator).then().statusCode(200)
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2020 }.value", equalTo(7))
                .body("values.find { it.kind == 'ACTUAL' && it.fiscalYear == 2020 }.source.supportStats.statistic", equalTo("COUNSELORS"));
    }

    @Test
    void categoriesSharingAReportHeadingAreCountedUnderIt() {
        City city = city();
        String tag = UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        String heading = "同行（試験" + tag + "）";
        for (String c : List.of("A", "B")) {
            Api.as("admin").body(Map.of("name", "試験同行" + c + tag, "requiresVehicle", false, "reportHeading", heading))
                    .put("/api/v1/support-categories/H" + c + tag).then().statusCode(200).body("reportHeading", equalTo(heading));
        }
        long recipient = jp.tsunagu.testing.SupportTestData.recipient("admin", city.district());
        jp.tsunagu.testing.SupportTestData.request("admin", recipient, "HA" + tag, 1);
        jp.tsunagu.testing.SupportTestData.request("admin", recipient, "HB" + tag, 2);
        jp.tsunagu.testing.SupportTestData.request("admin", recipient, "GARBAGE", 3);
        int year = jp.tsunagu.shared.FiscalYears.current();
        Api.as("viewer").get("/api/v1/support-stats?area=" + city.district() + "&fiscalYear=" + year).then().statusCode(200)
                .body("categoryShares", hasSize(3))
                .body("headingShares.heading", contains("ゴミ出し", heading))
                .body("headingShares.find { it.heading == '" + heading + "' }.count", equalTo(2))
                .body("headingShares.find { it.heading == '" + heading + "' }.categories", contains("試験同行A" + tag, "試験同行B" + tag))
                .body("headingShares.find { it.heading == '" + heading + "' }.percent", equalTo(66.7f));
    }

    /** The 北九州社協 report's 実践地区 (seed 002) and its shares under the report's own headings. */
    @Test
    void theSeedsDistrictProfilesAndHeadingsAreServed() {
        Api.as("viewer").get("/api/v1/support-stats/profiles?area=40102-takasu&fiscalYear=2020").then().statusCode(200)
                .body("items[0].counselors", equalTo(2)).body("items[0].payment", equalTo("PAID"))
                .body("items[0].mainSupport", equalTo("ゴミ出し、掃除、買い物、通院同行 他"));
        Api.as("viewer").get("/api/v1/support-stats/profiles?area=40101-shoji&fiscalYear=2020").then()
                .body("items[0].counselors", equalTo(5)).body("items[0].payment", equalTo("UNPAID"));
        Api.as("viewer").get("/api/v1/support-stats/profiles?area=40101-tanoura&fiscalYear=2020").then()
                .body("items[0].mainSupport", equalTo("支援内容検討中")).body("items[0].payment", nullValue());
        Api.as("viewer").get("/api/v1/support-stats?area=40100&fiscalYear=2020").then().statusCode(200)
                .body("headingShares.find { it.heading == '同行（買物・通院等）' }.percent", equalTo(1.1f))
                .body("headingShares.find { it.heading == '同行（買物・通院等）' }.categories", contains("買い物同行"))
                .body("headingShares.find { it.heading == '代行（買物等）' }.percent", equalTo(25.1f))
                .body("headingShares.find { it.heading == 'ゴミ出し' }.percent", equalTo(37.4f));
    }
}
