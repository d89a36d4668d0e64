package jp.tsunagu.supporter;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Coordinators keep their supporters up to date: what they do, when, how much, in which group. */
@QuarkusTest
class SupporterChangesTest {
    private static Map<String, Object> supporterBody(String name, String category, int day, int capacity) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("kana", "へんこう たろう");
        body.put("areaCode", "40102-takasu");
        body.put("categoryCodes", List.of(category));
        body.put("capacity", capacity);
        body.put("hasVehicle", false);
        body.put("availability", List.of(Map.of("dayOfWeek", day, "start", "08:00", "end", "18:00")));
        return body;
    }
    private static List<Integer> candidates(long request) {
        return Api.as("coordinator").get("/api/v1/support-requests/" + request + "/candidates").then().statusCode(200)
                .extract().path("items.supporterId");
    }
    @Test
    void aSupportersNewTroublesAndDaysDecideTheRequestsTheyAreCandidatesFor() {
        String name = "変更 担い手" + UUID.randomUUID().toString().substring(0, 4);
        JsonPath created = Api.as("coordinator").body(supporterBody(name, "REPAIRS", 4, 2)).post("/api/v1/supporters")
                .then().statusCode(201).extract().jsonPath();
        int id = created.getInt("id");
        long recipient = SupportTestData.recipient("coordinator", "40102-takasu");
        long shopping = SupportTestData.request("coordinator", recipient, "SHOPPING_ESCORT", 5);
        assertFalse(candidates(shopping).contains(id));

        Map<String, Object> change = supporterBody(name, "SHOPPING_ESCORT", 5, 3);
        change.put("version", created.getLong("version"));
        JsonPath changed = Api.as("coordinator").body(change).put("/api/v1/supporters/" + id).then().statusCode(200)
                .body("categoryCodes", contains("SHOPPING_ESCORT")).body("capacity", equalTo(3))
                .body("availability[0].dayOfWeek", equalTo(5)).extract().jsonPath();
        assertTrue(candidates(shopping).contains(id), "now does shopping on Fridays");

        // Resting: no longer a candidate, and the registry says so.
        change.put("active", false);
        change.put("version", changed.getLong("version"));
        Api.as("coordinator").body(change).put("/api/v1/supporters/" + id).then().statusCode(200).body("active", equalTo(false));
        assertFalse(candidates(shopping).contains(id), "a resting supporter is not proposed");

        // A stale copy of the record does not overwrite the newer one.
        change.put("version", created.getLong("version"));
        Api.as("coordinator").body(change).put("/api/v1/supporters/" + id).then().statusCode(409)
                .body("type", equalTo("/problems/stale-version"));
        Api.as("admin").queryParam("entity", "SUPPORTER").get("/api/v1/audit-log").then().statusCode(200)
                .body("items.find { it.entityId == " + id + " && it.action == 'UPDATE' }.detail", equalTo("活動を休止"));
    }
    @Test
    void capacityCannotFallBelowWhatTheSupporterHoldsNow() {
        String name = "上限 担い手" + UUID.randomUUID().toString().substring(0, 4);
        JsonPath created = Api.as("coordinator").body(supporterBody(name, "REPAIRS", 3, 2)).post("/api/v1/supporters")
                .then().statusCode(201).extract().jsonPath();
        int id = created.getInt("id");
        for (int i = 0; i < 2; i++) {
            long request = SupportTestData.request("coordinator", SupportTestData.recipient("coordinator", "40102-takasu"), "REPAIRS", 3);
            Api.as("coordinator").body(Map.of("supporterId", id)).post("/api/v1/support-requests/" + request + "/assignments")
                    .then().statusCode(201);
        }
        Map<String, Object> change = supporterBody(name, "REPAIRS", 3, 1);
        change.put("version", created.getLong("version"));
        Api.as("coordinator").body(change).put("/api/v1/supporters/" + id).then().statusCode(422)
                .body("type", equalTo("/problems/capacity-below-open"));
        Api.as("coordinator").get("/api/v1/supporters/" + id).then().statusCode(200)
                .body("capacity", equalTo(2)).body("openAssignments", equalTo(2));
    }
    @Test
    void aCoordinatorChoosesAmongTheGroupsOfTheirOwnDistricts() {
        Api.as("coordinator").get("/api/v1/supporter-groups").then().statusCode(200)
                .body("area.code", everyItem(isOneOf("40102-takasu", "40101-shoji")))
                .body("area.code", hasItem("40102-takasu")).body("area.code", hasItem("40101-shoji"))
                .body("payment", everyItem(isOneOf("PAID", "UNPAID")));
        Api.as("coordinator2").get("/api/v1/supporter-groups").then().statusCode(200)
                .body("area.code", everyItem(equalTo("40106-wakazono")))
                .body("area.code", not(hasItem("40102-takasu")));
        Api.as("viewer").get("/api/v1/supporter-groups").then().statusCode(403);
    }
}
