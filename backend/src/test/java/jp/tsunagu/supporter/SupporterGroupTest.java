package jp.tsunagu.supporter;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** A district's coordinator keeps its supporter groups: create, rename, paid or unpaid, retire. */
@QuarkusTest
class SupporterGroupTest {

    @Test
    void aCoordinatorCreatesRenamesAndRetiresAGroupOfTheirDistrictAndRegistersASupporterInIt() {
        String name = "見守り隊 " + UUID.randomUUID().toString().substring(0, 4);
        var created = Api.as("coordinator").body(Map.of("name", name, "areaCode", "40102-takasu", "payment", "UNPAID"))
                .post("/api/v1/supporter-groups").then().statusCode(201)
                .body("payment", equalTo("UNPAID")).body("active", equalTo(true)).body("area.code", equalTo("40102-takasu")).extract();
        long id = ((Number) created.path("id")).longValue();
        Api.as("coordinator").body(Map.of("name", name, "areaCode", "40102-takasu", "payment", "PAID"))
                .post("/api/v1/supporter-groups").then().statusCode(409).body("type", equalTo("/problems/group-name-taken"));
        Api.as("coordinator2").body(Map.of("name", name, "areaCode", "40102-takasu", "payment", "PAID"))
                .post("/api/v1/supporter-groups").then().statusCode(422).body("type", equalTo("/problems/area-not-yours"));

        long supporter = ((Number) Api.as("coordinator").body(Map.of("name", "グループ 一員", "kana", "ぐるーぷ いちいん", "areaCode", "40102-takasu",
                        "categoryCodes", List.of("GARBAGE"), "capacity", 1, "hasVehicle", false, "groupId", id,
                        "availability", List.of(Map.of("dayOfWeek", 1, "start", "09:00", "end", "10:00"))))
                .post("/api/v1/supporters").then().statusCode(201).body("groupName", equalTo(name)).extract().path("id")).longValue();

        Api.as("coordinator").body(Map.of("name", name + "（有償）", "payment", "PAID", "version", 0))
                .put("/api/v1/supporter-groups/" + id).then().statusCode(200).body("name", equalTo(name + "（有償）")).body("payment", equalTo("PAID"));
        Api.as("coordinator").body(Map.of("name", name, "payment", "PAID", "version", 0))
                .put("/api/v1/supporter-groups/" + id).then().statusCode(409).body("type", equalTo("/problems/stale-version"));
        Api.as("coordinator").body(Map.of("name", name + "（有償）", "payment", "PAID", "active", false, "version", 1))
                .put("/api/v1/supporter-groups/" + id).then().statusCode(200).body("active", equalTo(false));
        Api.as("coordinator").get("/api/v1/supporters/" + supporter).then().statusCode(200).body("payment", equalTo("PAID"));
        Api.as("coordinator").body(Map.of("name", "新人", "kana", "しんじん", "areaCode", "40102-takasu", "categoryCodes", List.of("GARBAGE"),
                        "capacity", 1, "hasVehicle", false, "groupId", id, "availability", List.of()))
                .post("/api/v1/supporters").then().statusCode(422).body("type", equalTo("/problems/group-retired"));
        Api.as("coordinator2").get("/api/v1/supporter-groups").then().statusCode(200).body("id", not(hasItem((int) id)));
    }

    @Test
    void theStatisticsOfferTheYearsThatHaveRecords() {
        Api.as("viewer").get("/api/v1/support-stats/years?area=40100").then().statusCode(200)
                .body("fiscalYears", hasItem(2020)).body("area.code", equalTo("40100"));
        Api.as("viewer").get("/api/v1/support-stats/years").then().statusCode(400);
    }
}
