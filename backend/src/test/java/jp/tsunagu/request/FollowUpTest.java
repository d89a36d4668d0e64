package jp.tsunagu.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.TestAreas;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * 要対応 over HTTP in a city of its own: each kind of item is there exactly while its condition holds under the
 * city's thresholds, and goes once it is handled; the badge counts agree; the thresholds are the administrator's.
 */
@QuarkusTest
class FollowUpTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private static String district() {
        return TestAreas.ownDistrict("fu")[0];
    }

    private static void thresholds(int proposal, int waiting, int grace, int idle) {
        long version = ((Number) Api.as("admin").get("/api/v1/follow-up-settings").then().statusCode(200).extract().path("version")).longValue();
        Api.as("admin").body(Map.of("proposalDays", proposal, "waitingDays", waiting, "activityGraceDays", grace, "idleSupporterDays", idle,
                "version", version)).put("/api/v1/follow-up-settings").then().statusCode(200).body("proposalDays", equalTo(proposal));
    }

    private static long post(String path, Map<String, Object> body) {
        return ((Number) Api.as("admin").body(body).post(path).then().statusCode(201).extract().path("id")).longValue();
    }

    private static long request(String area, Map<String, Object> when, String urgency) {
        long r = post("/api/v1/recipients", Map.of("name", "要対応 依頼者", "kana", "ようたいおう いらいしゃ", "areaCode", area,
                "referredBy", "SELF", "consent", true));
        Map<String, Object> body = new HashMap<>(Map.of("recipientId", r, "categoryCode", "REPAIRS", "start", "10:00", "end", "11:00",
                "payment", "EITHER", "urgency", urgency));
        body.putAll(when);
        return post("/api/v1/support-requests", body);
    }

    /** The queue of the district as "KIND:id" (request id, or supporter id for an idle supporter). */
    private static List<String> queue(String district) {
        JsonPath q = Api.as("admin").get("/api/v1/follow-ups?area=" + district).then().statusCode(200).extract().jsonPath();
        JsonPath counts = Api.as("admin").get("/api/v1/follow-up-counts?area=" + district).then().statusCode(200).extract().jsonPath();
        assertEquals(q.getInt("total"), counts.getInt("total"), "the badge counts what the queue lists");
        assertEquals(q.getMap("counts"), counts.getMap("counts"));
        return q.getList("items", Map.class).stream()
                .map(i -> i.get("kind") + ":" + (i.get("requestId") != null ? i.get("requestId") : i.get("supporterId")))
                .collect(Collectors.toList());
    }

    @Test
    void eachItemIsThereWhileItsConditionHoldsAndGoesWhenHandled() {
        String d = district();
        try {
            thresholds(1, 1, 1, 1);
            long s = post("/api/v1/supporters", Map.of("name", "要対応 担い手", "kana", "ようたいおう にないて", "areaCode", d,
                    "categoryCodes", List.of("REPAIRS"), "capacity", 3, "hasVehicle", false,
                    "availability", List.of(Map.of("dayOfWeek", 2, "start", "08:00", "end", "18:00"))));
            long weekly = request(d, Map.of("weeklyDay", 2), "NORMAL");
            long urgent = request(d, Map.of("weeklyDay", 2), "HIGH");
            // Nothing is a day old yet; an urgent request waits for nobody.
            assertEquals(List.of("REQUEST_WAITING:" + urgent), queue(d));

            thresholds(0, 0, 0, 0);
            assertEquals(List.of("REQUEST_WAITING:" + urgent, "REQUEST_WAITING:" + weekly, "SUPPORTER_IDLE:" + s), queue(d));

            long a = ((Number) Api.as("admin").body(Map.of("supporterId", s)).post("/api/v1/support-requests/" + weekly + "/assignments")
                    .then().statusCode(201).extract().path("id")).longValue();
            assertEquals(List.of("REQUEST_WAITING:" + urgent, "PROPOSAL_UNANSWERED:" + weekly), queue(d), "asked: no longer idle, waiting for an answer");
            Api.as("admin").post("/api/v1/assignments/" + a + "/accept").then().statusCode(200);
            assertEquals(List.of("REQUEST_WAITING:" + urgent, "ACTIVITY_MISSING:" + weekly), queue(d));
            Api.as("admin").body(Map.of("date", TODAY.toString(), "minutes", 30)).post("/api/v1/assignments/" + a + "/activities").then().statusCode(201);
            assertEquals(List.of("REQUEST_WAITING:" + urgent), queue(d));

            // A one-off request whose day has passed: missing its record until one is written for that day.
            long once = request(d, Map.of("date", TODAY.minusDays(1).toString()), "NORMAL");
            long b = ((Number) Api.as("admin").body(Map.of("supporterId", s)).post("/api/v1/support-requests/" + once + "/assignments")
                    .then().statusCode(201).extract().path("id")).longValue();
            Api.as("admin").post("/api/v1/assignments/" + b + "/accept").then().statusCode(200);
            assertEquals(List.of("REQUEST_WAITING:" + urgent, "ACTIVITY_MISSING:" + once), queue(d));
            Api.as("admin").body(Map.of("date", TODAY.minusDays(1).toString(), "minutes", 45)).post("/api/v1/assignments/" + b + "/activities")
                    .then().statusCode(201);
            Api.as("admin").post("/api/v1/support-requests/" + urgent + "/cancel").then().statusCode(200);
            assertEquals(List.of(), queue(d));

            // Another district's coordinator sees nothing of it; viewers have no queue.
            Api.as("coordinator2").get("/api/v1/follow-ups?area=" + d).then().statusCode(200).body("total", equalTo(0));
            Api.as("viewer").get("/api/v1/follow-ups").then().statusCode(403);
        } finally {
            thresholds(3, 5, 7, 90);
        }
    }

    @Test
    void theThresholdsAreTheAdministratorsAndRefusedWhenWrong() {
        JsonPath s = Api.as("coordinator").get("/api/v1/follow-up-settings").then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new HashMap<>(Map.of("proposalDays", 3, "waitingDays", 5, "activityGraceDays", 7, "idleSupporterDays", 90,
                "version", s.getLong("version")));
        Api.as("coordinator").body(body).put("/api/v1/follow-up-settings").then().statusCode(403);
        Map<String, Object> negative = new HashMap<>(body);
        negative.put("waitingDays", -1);
        Api.as("admin").body(negative).put("/api/v1/follow-up-settings").then().statusCode(400);
        Map<String, Object> stale = new HashMap<>(body);
        stale.put("version", s.getLong("version") + 100);
        Api.as("admin").body(stale).put("/api/v1/follow-up-settings").then().statusCode(409);
    }
}
