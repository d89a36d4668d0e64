package jp.tsunagu.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Requests, their candidates and assignments, within the coordinator's districts. */
@QuarkusTest
class MatchingTest {
    private static long supporter(String user, String area, int capacity) {
        return ((Number) Api.as(user).body(Map.of("name", "容量 確認" + UUID.randomUUID().toString().substring(0, 4), "kana", "ようりょう かくにん",
                        "areaCode", area, "categoryCodes", List.of("REPAIRS"), "capacity", capacity, "hasVehicle", false,
                        "availability", List.of(Map.of("dayOfWeek", 3, "start", "08:00", "end", "18:00"))))
                .post("/api/v1/supporters").then().statusCode(201).extract().path("id")).longValue();
    }
    @Test
    void coordinatorsSeeTheirOwnDistrictsOnly() {
        long mine = SupportTestData.recipient("coordinator", "40102-takasu");
        Api.as("coordinator").get("/api/v1/recipients/" + mine).then().statusCode(200).body("contact", equalTo("093-111-2222"));
        Api.as("coordinator2").get("/api/v1/recipients/" + mine).then().statusCode(404).body("type", equalTo("/problems/recipient-not-found"));
        Api.as("coordinator").body(Map.of("name", "担当外", "kana", "たんとうがい", "areaCode", "40106-wakazono", "referredBy", "SELF", "consent", false))
                .post("/api/v1/recipients").then().statusCode(422).body("type", equalTo("/problems/area-not-yours"));
        Api.as("coordinator2").get("/api/v1/recipients?q=試験").then().statusCode(200).body("id", not(hasItem((int) mine)));
        Api.as("viewer").get("/api/v1/recipients/" + mine).then().statusCode(403);
        Api.as("admin").get("/api/v1/recipients/" + mine).then().statusCode(200);
        String kpi = Api.as("admin").body(Map.of("name", "集計のみ", "scopes", List.of("kpi:read"))).post("/api/v1/api-tokens")
                .then().statusCode(201).extract().path("token");
        Api.bearer(kpi).get("/api/v1/support-stats?area=40100&fiscalYear=2020").then().statusCode(200);
        Api.bearer(kpi).get("/api/v1/recipients/" + mine).then().statusCode(403);
        Api.bearer(kpi).get("/api/v1/supporters").then().statusCode(403);
    }
    @Test
    void candidatesFollowTheRecordsAsTheyChange() {
        // A supporter of 庄司 who gardens on Fridays 13–15 (the demo has nobody else for that), and one who only does Thursdays.
        long friday = ((Number) Api.as("coordinator").body(Map.of("name", "金曜 庭師", "kana", "きんよう にわし", "areaCode", "40101-shoji",
                        "categoryCodes", List.of("GARDENING"), "capacity", 2, "hasVehicle", false,
                        "availability", List.of(Map.of("dayOfWeek", 5, "start", "13:00", "end", "14:00"), Map.of("dayOfWeek", 5, "start", "14:00", "end", "15:00"))))
                .post("/api/v1/supporters").then().statusCode(201).extract().path("id")).longValue();
        long thursday = ((Number) Api.as("coordinator").body(Map.of("name", "木曜 庭師", "kana", "もくよう にわし", "areaCode", "40101-shoji",
                        "categoryCodes", List.of("GARDENING"), "capacity", 2, "hasVehicle", false,
                        "availability", List.of(Map.of("dayOfWeek", 4, "start", "13:00", "end", "15:00"))))
                .post("/api/v1/supporters").then().statusCode(201).extract().path("id")).longValue();
        long r = SupportTestData.recipient("coordinator", "40101-shoji");
        long q = ((Number) Api.as("coordinator").body(Map.of("recipientId", r, "categoryCode", "GARDENING", "weeklyDay", 5,
                        "start", "13:30", "end", "15:30", "payment", "EITHER"))
                .post("/api/v1/support-requests").then().statusCode(201).extract().path("id")).longValue();

        JsonPath first = Api.as("coordinator").get("/api/v1/support-requests/" + q + "/candidates").then().statusCode(200).extract().jsonPath();
        List<Integer> ids = first.getList("items.supporterId");
        assertTrue(ids.contains((int) friday) && !ids.contains((int) thursday), ids.toString());
        Map<String, Object> parts = first.getMap("items.find { it.supporterId == " + friday + " }.parts");
        // Two adjacent slots: the longest overlap is 1 h (14:00–15:00) of the 2 h wanted.
        assertEquals(0.5, ((Number) parts.get("availability")).doubleValue(), 1e-9);
        assertEquals(0.0, ((Number) parts.get("continuity")).doubleValue(), 1e-9);
        assertEquals(1.0, ((Number) parts.get("fairness")).doubleValue(), 1e-9);
        // Reading the candidates changes nothing; starting to coordinate is the coordinator's own step, recorded once.
        Api.as("coordinator").get("/api/v1/support-requests/" + q).then().body("status", equalTo("RECEIVED"));
        Api.as("coordinator").post("/api/v1/support-requests/" + q + "/start-matching").then().statusCode(200).body("status", equalTo("MATCHING"));
        Api.as("coordinator").post("/api/v1/support-requests/" + q + "/start-matching").then().statusCode(200).body("status", equalTo("MATCHING"));
        Api.as("admin").get("/api/v1/audit-log?entity=RECIPIENT&actor=coordinator").then().statusCode(200)
                .body("items.detail.findAll { it == '相談 " + q + " の調整を開始' }.size()", equalTo(1));
        Api.as("admin").get("/api/v1/audit-log?entity=SUPPORTER&actor=coordinator").then().statusCode(200)
                .body("items.detail", hasItem("相談 " + q + " の候補 " + ids.size() + " 人"));

        int a = Api.as("coordinator").body(Map.of("supporterId", friday)).post("/api/v1/support-requests/" + q + "/assignments")
                .then().statusCode(201).extract().path("id");
        Api.as("coordinator").post("/api/v1/support-requests/" + q + "/start-matching").then().statusCode(409)
                .body("type", equalTo("/problems/request-not-open"));
        Api.as("coordinator").post("/api/v1/assignments/" + a + "/accept").then().statusCode(200);
        Api.as("coordinator").post("/api/v1/assignments/" + a + "/complete").then().statusCode(200);

        // The same resident again: the supporter who helped comes with continuity, and one assignment in 90 days.
        long again = ((Number) Api.as("coordinator").body(Map.of("recipientId", r, "categoryCode", "GARDENING", "weeklyDay", 5,
                        "start", "14:00", "end", "15:00", "payment", "EITHER"))
                .post("/api/v1/support-requests").then().statusCode(201).extract().path("id")).longValue();
        Map<String, Object> next = Api.as("coordinator").get("/api/v1/support-requests/" + again + "/candidates").then().statusCode(200)
                .extract().jsonPath().getMap("items.find { it.supporterId == " + friday + " }.parts");
        assertEquals(1.0, ((Number) next.get("continuity")).doubleValue(), 1e-9);
        assertEquals(1.0, ((Number) next.get("availability")).doubleValue(), 1e-9);
        assertEquals(0.5, ((Number) next.get("fairness")).doubleValue(), 1e-9);
    }
    @Test
    void candidatesAreRankedWithTheirScorePartsAndTheRequestRunsToCompletion() {
        long r = SupportTestData.recipient("coordinator", "40101-shoji");
        long q = SupportTestData.request("coordinator", r, "GARBAGE", 2);
        JsonPath candidates = Api.as("coordinator").get("/api/v1/support-requests/" + q + "/candidates").then().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> items = candidates.getList("items");
        assertTrue(items.size() > 5, "庄司's お助け隊 has Tuesday morning supporters: " + items.size());
        Map<String, Object> w = candidates.getMap("weights");
        BigDecimal previous = null;
        for (Map<String, Object> c : items) {
            Map<String, Object> parts = (Map<String, Object>) c.get("parts");
            double expected = 0;
            for (String part : List.of("distance", "availability", "load", "continuity", "fairness")) {
                expected += ((Number) w.get(part)).doubleValue() * ((Number) parts.get(part)).doubleValue();
            }
            assertEquals(expected, ((Number) c.get("score")).doubleValue(), 0.002, "score = Σ weight × part");
            assertEquals("庄司", ((Map<String, Object>) c.get("area")).get("name"));
            assertEquals(0.7, ((Number) parts.get("distance")).doubleValue(), 1e-6);
            BigDecimal score = new BigDecimal(c.get("score").toString());
            assertTrue(previous == null || previous.compareTo(score) >= 0, "ranked by score");
            previous = score;
        }
        int top = ((Number) items.get(0).get("supporterId")).intValue();
        int a = Api.as("coordinator").body(Map.of("supporterId", top)).post("/api/v1/support-requests/" + q + "/assignments")
                .then().statusCode(201).body("status", equalTo("PROPOSED")).extract().path("id");
        Api.as("coordinator").body(Map.of("supporterId", top)).post("/api/v1/support-requests/" + q + "/assignments").then().statusCode(409);
        Api.as("coordinator").post("/api/v1/assignments/" + a + "/accept").then().statusCode(200).body("status", equalTo("ACCEPTED"));
        Api.as("coordinator").body(Map.of("date", "2026-11-24", "minutes", 30, "notes", "集積所まで運んだ"))
                .post("/api/v1/assignments/" + a + "/activities").then().statusCode(201)
                .body("assignmentId", equalTo(a)).body("minutes", equalTo(30)).body("date", equalTo("2026-11-24"));
        Api.as("coordinator").post("/api/v1/assignments/" + a + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
        Api.as("coordinator").get("/api/v1/support-requests/" + q).then().statusCode(200)
                .body("status", equalTo("COMPLETED")).body("assignments", hasSize(1));
        Api.as("coordinator").post("/api/v1/assignments/" + a + "/complete").then().statusCode(409);
        Api.as("coordinator2").get("/api/v1/support-requests/" + q + "/candidates").then().statusCode(404);
    }
    @Test
    void concurrentAssignmentsNeverOverfillASupporterNorAssignARequestTwice() throws Exception {
        long s = supporter("admin", "40101-shoji", 2);
        long r = SupportTestData.recipient("admin", "40101-shoji");
        List<Long> requests = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            requests.add(SupportTestData.request("admin", r, "REPAIRS", 3));
        }
        String token = Api.token("coordinator");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (long q : requests) {
                calls.add(CompletableFuture.supplyAsync(() -> Api.bearer(token).body(Map.of("supporterId", s))
                        .post("/api/v1/support-requests/" + q + "/assignments").statusCode(), pool));
            }
            long ok = calls.stream().map(CompletableFuture::join).filter(code -> code == 201).count();
            assertEquals(2, ok, "capacity 2");
            // Many coordinators on one request: exactly one wins.
            long s2 = supporter("admin", "40101-shoji", 5);
            long s3 = supporter("admin", "40101-shoji", 5);
            long q = SupportTestData.request("admin", r, "REPAIRS", 3);
            List<CompletableFuture<Integer>> race = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                long target = i % 2 == 0 ? s2 : s3;
                race.add(CompletableFuture.supplyAsync(() -> Api.bearer(token).body(Map.of("supporterId", target))
                        .post("/api/v1/support-requests/" + q + "/assignments").statusCode(), pool));
            }
            assertEquals(1, race.stream().map(CompletableFuture::join).filter(code -> code == 201).count());
            int open2 = Api.as("admin").get("/api/v1/supporters/" + s2).then().extract().path("openAssignments");
            int open3 = Api.as("admin").get("/api/v1/supporters/" + s3).then().extract().path("openAssignments");
            assertEquals(1, open2 + open3, "the losers' capacity claims were rolled back");
        } finally {
            pool.shutdown();
        }
        Api.as("admin").get("/api/v1/supporters/" + s).then().body("openAssignments", equalTo(2));
    }
    @Test
    void referralKeepsTheWindowTheDirectoryRoutesTo() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Api.as("admin").body(Map.of("name", "若松区地域包括支援センター" + suffix, "category", "ELDERLY",
                        "contacts", List.of(Map.of("phone", "093-761-0000", "areaCodes", List.of("40102")))))
                .post("/api/v1/consultation-windows").then().statusCode(201);
        long r = SupportTestData.recipient("coordinator", "40102-takasu");
        long q = SupportTestData.request("coordinator", r, "COMPANIONSHIP", 1);
        Api.as("coordinator").body(Map.of("windowCategory", "ELDERLY")).post("/api/v1/support-requests/" + q + "/refer").then().statusCode(200)
                .body("status", equalTo("REFERRED"))
                .body("referredWindow", equalTo("若松区地域包括支援センター" + suffix));
        long q2 = SupportTestData.request("coordinator", r, "COMPANIONSHIP", 1);
        Api.as("coordinator").body(Map.of("windowCategory", "CHILD")).post("/api/v1/support-requests/" + q2 + "/refer").then().statusCode(422);
    }
    @Test
    void theSupportersHandoutCarriesContactDetailsOnlyWithConsent() {
        for (boolean consent : new boolean[] {true, false}) {
            long r = ((Number) Api.as("coordinator").body(Map.of("name", "依頼 票子", "kana", "いらい ひょうこ", "areaCode", "40102-takasu",
                            "referredBy", "SELF", "consent", consent, "contact", "093-777-8888", "householdNotes", "犬がいます"))
                    .post("/api/v1/recipients").then().statusCode(201).extract().path("id")).longValue();
            long q = SupportTestData.request("coordinator", r, "GARBAGE", 2);
            int supporter = Api.as("coordinator").get("/api/v1/support-requests/" + q + "/candidates").then().statusCode(200)
                    .extract().path("items[0].supporterId");
            int a = Api.as("coordinator").body(Map.of("supporterId", supporter)).post("/api/v1/support-requests/" + q + "/assignments")
                    .then().statusCode(201).extract().path("id");
            var handout = Api.as("coordinator").get("/api/v1/assignments/" + a + "/handout").then().statusCode(200)
                    .body("recipientName", equalTo("依頼 票子")).body("category", equalTo("ゴミ出し"))
                    .body("weeklyDay", equalTo(2)).body("start", equalTo("09:00")).body("consent", equalTo(consent));
            if (consent) {
                handout.body("contact", equalTo("093-777-8888")).body("householdNotes", equalTo("犬がいます"));
            } else {
                handout.body("contact", equalTo(null)).body("householdNotes", equalTo(null))
                        .body("note", equalTo("連絡先は、ご本人の同意がないため載せていません。相談員を通して連絡してください。"));
            }
            Api.as("coordinator2").get("/api/v1/assignments/" + a + "/handout").then().statusCode(404);
            Api.as("admin").get("/api/v1/audit-log?entity=RECIPIENT&actor=coordinator").then()
                    .body("items.find { it.entityId == " + r + " && it.action == 'READ' }.detail", org.hamcrest.Matchers.startsWith("依頼票"));
        }
    }
}
