package jp.tsunagu.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.TestAreas;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/**
 * 一括マッチング over HTTP, each test in a city of its own (a 校区 with two 町内), so no demo supporter takes part:
 * the whole backlog is served where one request at a time is not, the proposal agrees with the candidate ranking,
 * confirming is all or nothing, and bad or stale input is refused naming the rows.
 */
@QuarkusTest
class BacklogMatchingTest {

    private static String[] city() {
        return TestAreas.ownDistrict("bm");
    }

    private static long supporter(String area, int capacity, int... days) {
        List<Map<String, Object>> slots = new ArrayList<>();
        for (int d : days) {
            slots.add(Map.of("dayOfWeek", d, "start", "08:00", "end", "18:00"));
        }
        return id(Api.as("admin").body(Map.of("name", "一括 担い手" + UUID.randomUUID().toString().substring(0, 4), "kana", "いっかつ にないて",
                "areaCode", area, "categoryCodes", List.of("REPAIRS"), "capacity", capacity, "hasVehicle", false, "availability", slots))
                .post("/api/v1/supporters").then().statusCode(201).extract().path("id"));
    }

    private static long request(String area, int weekday, String urgency) {
        long r = id(Api.as("admin").body(Map.of("name", "一括 依頼者", "kana", "いっかつ いらいしゃ", "areaCode", area, "referredBy", "SELF",
                "consent", true)).post("/api/v1/recipients").then().statusCode(201).extract().path("id"));
        return id(Api.as("admin").body(Map.of("recipientId", r, "categoryCode", "REPAIRS", "weeklyDay", weekday, "start", "10:00",
                        "end", "11:00", "payment", "EITHER", "urgency", urgency))
                .post("/api/v1/support-requests").then().statusCode(201).extract().path("id"));
    }

    private static long id(Object n) {
        return ((Number) n).longValue();
    }

    /**
     * An urgent Tuesday request A in 一丁目 and a Wednesday request B. X lives in 一丁目 and helps Tuesdays and
     * Wednesdays, Y lives in 二丁目 and helps Tuesdays; one place each. One at a time, A (urgent, first) takes X, its
     * best, and B is left with nobody; the batch gives A to Y and B to X.
     */
    @Test
    void theWholeBacklogIsServedWhereOneAtATimeLeavesARequestWithNobody() {
        String[] c = city();
        long x = supporter(c[1], 1, 2, 3);
        long y = supporter(c[2], 1, 2);
        long a = request(c[1], 2, "HIGH");
        long b = request(c[1], 3, "NORMAL");

        JsonPath p = Api.as("admin").body(Map.of("areaCode", c[0])).post("/api/v1/support-requests/batch-proposals")
                .then().statusCode(200).body("rows", hasSize(2)).extract().jsonPath();
        assertEquals(List.of((int) a, (int) b), p.getList("rows.requestId"), "urgent first");
        assertEquals(2, p.getInt("optimum.served"));
        assertEquals(1, p.getInt("greedy.served"));
        assertEquals((int) y, p.getInt("rows[0].supporterId"));
        assertEquals((int) x, p.getInt("rows[0].greedySupporterId"));
        assertEquals((int) x, p.getInt("rows[1].supporterId"));
        assertNull(p.get("rows[1].greedySupporterId"));
        assertEquals(0.7, p.getDouble("rows[0].parts.distance"), 1e-9, "Y is in the same 校区, not the same 町内");
        assertEquals(p.getDouble("optimum.totalScore"), p.getDouble("rows[0].score") + p.getDouble("rows[1].score"), 1e-9);

        // Confirmed in one go: two proposals, each supporter's place taken.
        JsonPath made = Api.as("admin").body(Map.of("rows", List.of(Map.of("requestId", a, "supporterId", y), Map.of("requestId", b, "supporterId", x))))
                .post("/api/v1/support-requests/batch-assignments").then().statusCode(201).body("assignments", hasSize(2)).extract().jsonPath();
        assertEquals(List.of("PROPOSED", "PROPOSED"), made.getList("assignments.status"));
        Api.as("admin").get("/api/v1/support-requests/" + a).then().body("status", equalTo("ASSIGNED"));
        Api.as("admin").get("/api/v1/supporters/" + x).then().body("openAssignments", equalTo(1));
        Api.as("admin").get("/api/v1/supporters/" + y).then().body("openAssignments", equalTo(1));
    }

    @jakarta.inject.Inject
    BacklogCandidates candidates;

    /** A backlog read in parts side by side (as a large one is) gives exactly the pairs of one statement, in order. */
    @Test
    void theCandidatesOfABacklogReadInPartsAreThoseReadAtOnce() {
        String[] c = city();
        supporter(c[1], 2, 2, 3);
        supporter(c[2], 1, 2);
        supporter(c[2], 3, 3, 4);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            ids.add(request(c[1 + i % 2], 2 + i % 3, "NORMAL"));
        }
        java.util.Collections.reverse(ids); // the order asked in does not matter
        List<BacklogCandidates.Row> whole = candidates.pairs(ids, 1);
        List<BacklogCandidates.Row> inParts = candidates.pairs(ids, 3);
        assertEquals(whole, inParts);
        assertEquals(7, whole.stream().map(BacklogCandidates.Row::requestId).distinct().count(), "every request has candidates");
        for (int i = 1; i < whole.size(); i++) {
            BacklogCandidates.Row a = whole.get(i - 1);
            BacklogCandidates.Row b = whole.get(i);
            org.junit.jupiter.api.Assertions.assertTrue(a.requestId() < b.requestId()
                    || (a.requestId() == b.requestId() && a.supporterId() < b.supporterId()), "ordered by request, then supporter");
        }
    }

    @Test
    void aBatchOfOneProposesTheTopCandidateWithTheSameScore() {
        String[] c = city();
        supporter(c[1], 2, 2);
        supporter(c[2], 2, 2);
        long a = request(c[1], 2, "NORMAL");
        JsonPath ranked = Api.as("admin").get("/api/v1/support-requests/" + a + "/candidates").then().statusCode(200).extract().jsonPath();
        JsonPath p = Api.as("admin").body(Map.of("requestIds", List.of(a))).post("/api/v1/support-requests/batch-proposals")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(ranked.getInt("items[0].supporterId"), p.getInt("rows[0].supporterId"));
        assertEquals(ranked.getDouble("items[0].score"), p.getDouble("rows[0].score"), 1e-9);
        assertEquals(ranked.getMap("items[0].parts"), p.getMap("rows[0].parts"));
        assertEquals(ranked.getList("items").size(), p.getInt("rows[0].candidates"));
    }

    @Test
    void aStaleProposalIsRefusedWholeNamingTheRowsAndNothingIsAssigned() {
        String[] c = city();
        long x = supporter(c[1], 1, 2, 3);
        long y = supporter(c[2], 1, 2);
        long a = request(c[1], 2, "HIGH");
        long b = request(c[1], 3, "NORMAL");
        long other = request(c[1], 3, "NORMAL");
        Api.as("admin").body(Map.of("requestIds", List.of(a, b))).post("/api/v1/support-requests/batch-proposals").then().statusCode(200);
        // Meanwhile another coordinator gives X's only place to another request.
        Api.as("admin").body(Map.of("supporterId", x)).post("/api/v1/support-requests/" + other + "/assignments").then().statusCode(201);

        Api.as("admin").body(Map.of("rows", List.of(Map.of("requestId", a, "supporterId", y), Map.of("requestId", b, "supporterId", x))))
                .post("/api/v1/support-requests/batch-assignments").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("/problems/batch-stale"))
                .body("errors.field", equalTo(List.of("rows[1]")));
        Api.as("admin").get("/api/v1/supporters/" + y).then().body("openAssignments", equalTo(0));
        Api.as("admin").get("/api/v1/support-requests/" + a).then().body("status", equalTo("RECEIVED")).body("assignments", hasSize(0));
    }

    @Test
    void badBatchesAreRefusedNamingTheRowsWithNothingAssigned() {
        String[] c = city();
        long x = supporter(c[1], 3, 2);
        long a = request(c[1], 2, "NORMAL");
        long wednesday = request(c[1], 3, "NORMAL");
        // Outside the caller's districts: 404 naming the row.
        Api.as("coordinator2").body(Map.of("requestIds", List.of(a))).post("/api/v1/support-requests/batch-proposals").then().statusCode(404)
                .body("errors.field", equalTo(List.of("requestIds[0]")));
        Api.as("coordinator2").body(Map.of("rows", List.of(Map.of("requestId", a, "supporterId", x))))
                .post("/api/v1/support-requests/batch-assignments").then().statusCode(404).body("errors.field", equalTo(List.of("rows[0].requestId")));
        // None, or more than 5,000.
        Api.as("admin").body(Map.of("requestIds", List.of())).post("/api/v1/support-requests/batch-proposals").then().statusCode(422);
        List<Long> many = new ArrayList<>();
        for (long i = 0; i < 5001; i++) {
            many.add(a);
        }
        Api.as("admin").body(Map.of("requestIds", many)).post("/api/v1/support-requests/batch-proposals").then().statusCode(422)
                .body("type", equalTo("/problems/batch-size"));
        Api.as("admin").body(Map.of("rows", List.of())).post("/api/v1/support-requests/batch-assignments").then().statusCode(422);
        // A supporter the request may not go to (X helps on Tuesdays only), the same request twice.
        Api.as("admin").body(Map.of("rows", List.of(Map.of("requestId", a, "supporterId", x), Map.of("requestId", wednesday, "supporterId", x))))
                .post("/api/v1/support-requests/batch-assignments").then().statusCode(422)
                .body("type", equalTo("/problems/pair-not-allowed")).body("errors.field", equalTo(List.of("rows[1].supporterId")));
        Api.as("admin").body(Map.of("rows", List.of(Map.of("requestId", a, "supporterId", x), Map.of("requestId", a, "supporterId", x))))
                .post("/api/v1/support-requests/batch-assignments").then().statusCode(422).body("errors.field", hasItem("rows[1].requestId"));
        Api.as("admin").get("/api/v1/supporters/" + x).then().body("openAssignments", equalTo(0));
        Api.as("admin").body(Map.of("areaCode", c[0], "fairness", 2)).post("/api/v1/support-requests/batch-proposals").then().statusCode(400);
        Api.as("viewer").body(Map.of("areaCode", c[0])).post("/api/v1/support-requests/batch-proposals").then().statusCode(403);
        Api.as("admin").body(Map.of("areaCode", c[0])).post("/api/v1/support-requests/batch-proposals").then().statusCode(200)
                .body("rows.find { it.requestId == " + wednesday + " }.supporterId", nullValue())
                .body("rows.find { it.requestId == " + wednesday + " }.candidates", equalTo(0));
    }
}
