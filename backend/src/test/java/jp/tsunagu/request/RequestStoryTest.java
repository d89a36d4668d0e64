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

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A request's story over HTTP, in a 校区 of its own: corrected while open, reopened with a reason, a timeline of
 * everything that happened with who and when, activity records read back per assignment and per supporter, and
 * their minutes in the district's statistics (延べ活動時間).
 */
@QuarkusTest
class RequestStoryTest {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private static String district() {
        return TestAreas.ownDistrict("rs")[0];
    }

    private static long id(Object n) {
        return ((Number) n).longValue();
    }

    private static long supporter(String area) {
        return id(Api.as("admin").body(Map.of("name", "経過 担い手", "kana", "けいか にないて", "areaCode", area, "categoryCodes", List.of("REPAIRS"),
                "capacity", 3, "hasVehicle", false, "availability", List.of(Map.of("dayOfWeek", 2, "start", "08:00", "end", "18:00"))))
                .post("/api/v1/supporters").then().statusCode(201).extract().path("id"));
    }

    private static long request(String area) {
        long r = id(Api.as("admin").body(Map.of("name", "経過 依頼者", "kana", "けいか いらいしゃ", "areaCode", area, "referredBy", "SELF", "consent", true))
                .post("/api/v1/recipients").then().statusCode(201).extract().path("id"));
        return id(Api.as("admin").body(Map.of("recipientId", r, "categoryCode", "REPAIRS", "weeklyDay", 2, "start", "10:00", "end", "11:00",
                "payment", "EITHER", "description", "棚がぐらつく")).post("/api/v1/support-requests").then().statusCode(201).extract().path("id"));
    }

    private static long assign(long request, long supporter) {
        return id(Api.as("admin").body(Map.of("supporterId", supporter)).post("/api/v1/support-requests/" + request + "/assignments")
                .then().statusCode(201).extract().path("id"));
    }

    @Test
    void theTimelineTellsEverythingThatHappenedWithWhoAndWhen() {
        String d = district();
        long s1 = supporter(d);
        long s2 = supporter(d);
        long q = request(d);
        Api.as("admin").get("/api/v1/support-requests/" + q + "/candidates").then().statusCode(200);
        Api.as("admin").post("/api/v1/support-requests/" + q + "/start-matching").then().statusCode(200);
        long first = assign(q, s1);
        Api.as("admin").body(Map.of("reason", "その週は入院のため")).post("/api/v1/assignments/" + first + "/decline").then().statusCode(200);
        long second = assign(q, s2);
        Api.as("admin").post("/api/v1/assignments/" + second + "/accept").then().statusCode(200);
        Api.as("admin").body(Map.of("date", TODAY.toString(), "minutes", 40, "notes", "棚を固定した"))
                .post("/api/v1/assignments/" + second + "/activities").then().statusCode(201);
        Api.as("admin").post("/api/v1/assignments/" + second + "/complete").then().statusCode(200);

        JsonPath t = Api.as("admin").get("/api/v1/support-requests/" + q + "/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(List.of("RECEIVED", "CANDIDATES_VIEWED", "MATCHING_STARTED", "PROPOSED", "DECLINED", "PROPOSED", "ACCEPTED", "ACTIVITY", "COMPLETED"),
                t.getList("events.kind"));
        assertEquals(List.of("admin"), t.getList("events.actor").stream().distinct().toList());
        assertEquals("その週は入院のため", t.getString("events[4].detail"));
        assertEquals((int) s1, t.getInt("events[4].supporterId"));
        assertEquals("担い手が辞退", t.getString("events[4].label"));
        assertEquals(40, t.getInt("events[7].minutes"));
        assertEquals(40, t.getInt("totalMinutes"));
        Api.as("coordinator2").get("/api/v1/support-requests/" + q + "/timeline").then().statusCode(404);
    }

    @Test
    void anOpenRequestIsCorrectedAndAFinishedOneReopenedWithAReason() {
        String d = district();
        long q = request(d);
        JsonPath before = Api.as("admin").get("/api/v1/support-requests/" + q).then().extract().jsonPath();
        Map<String, Object> change = new HashMap<>(Map.of("categoryCode", "REPAIRS", "description", "棚と戸のぐらつき", "weeklyDay", 3,
                "start", "13:00", "end", "14:30", "payment", "EITHER", "urgency", "HIGH", "version", before.getLong("version")));
        Api.as("admin").body(change).put("/api/v1/support-requests/" + q).then().statusCode(200)
                .body("weeklyDay", equalTo(3)).body("start", equalTo("13:00")).body("urgency", equalTo("HIGH"));
        Api.as("admin").body(change).put("/api/v1/support-requests/" + q).then().statusCode(409); // the version read is stale now
        Api.as("admin").get("/api/v1/support-requests/" + q + "/timeline").then()
                .body("events.find { it.kind == 'EDITED' }.detail", equalTo("内容、日時、緊急度"));

        Api.as("admin").body(Map.of("reason", "まだ手伝ってほしいことはない")).post("/api/v1/support-requests/" + q + "/reopen").then().statusCode(409);
        Api.as("admin").post("/api/v1/support-requests/" + q + "/cancel").then().statusCode(200);
        long version = Api.as("admin").get("/api/v1/support-requests/" + q).then().extract().jsonPath().getLong("version");
        change.put("version", version);
        Api.as("admin").body(change).put("/api/v1/support-requests/" + q).then().statusCode(409).body("type", equalTo("/problems/invalid-transition"));
        Api.as("admin").body(Map.of("reason", " ")).post("/api/v1/support-requests/" + q + "/reopen").then().statusCode(422)
                .body("errors[0].field", equalTo("reason"));
        Api.as("admin").body(Map.of()).post("/api/v1/support-requests/" + q + "/reopen").then().statusCode(422);
        Api.as("admin").body(Map.of("reason", "また電話があった")).post("/api/v1/support-requests/" + q + "/reopen").then().statusCode(200)
                .body("status", equalTo("MATCHING"));
        JsonPath t = Api.as("admin").get("/api/v1/support-requests/" + q + "/timeline").then().extract().jsonPath();
        List<String> kinds = t.getList("events.kind");
        assertEquals(List.of("CANCELLED", "REOPENED"), kinds.subList(kinds.size() - 2, kinds.size()));
        assertEquals("また電話があった", t.getString("events[" + (kinds.size() - 1) + "].detail"));
    }

    @Test
    void activitiesAreReadBackAndTheirMinutesSummedInTheDistrictsStatistics() {
        String d = district();
        long s = supporter(d);
        long q = request(d);
        long a = assign(q, s);
        Api.as("admin").post("/api/v1/assignments/" + a + "/accept").then().statusCode(200);
        int fiscalYear = TODAY.getMonthValue() >= 4 ? TODAY.getYear() : TODAY.getYear() - 1;
        int before = Api.as("admin").get("/api/v1/support-stats?area=" + d + "&fiscalYear=" + fiscalYear).then().statusCode(200)
                .extract().path("activityMinutes");
        Api.as("admin").body(Map.of("date", TODAY.toString(), "minutes", 30)).post("/api/v1/assignments/" + a + "/activities").then().statusCode(201);
        Api.as("admin").body(Map.of("date", TODAY.toString(), "minutes", 45, "notes", "2回目")).post("/api/v1/assignments/" + a + "/activities").then().statusCode(201);

        Api.as("admin").get("/api/v1/activities?assignment=" + a).then().statusCode(200)
                .body("items", hasSize(2)).body("totalMinutes", equalTo(75)).body("items.requestId", equalTo(List.of((int) q, (int) q)));
        Api.as("admin").get("/api/v1/activities?supporter=" + s).then().statusCode(200).body("totalMinutes", equalTo(75));
        Api.as("admin").get("/api/v1/support-stats?area=" + d + "&fiscalYear=" + fiscalYear).then().body("activityMinutes", equalTo(before + 75));
        Api.as("coordinator2").get("/api/v1/activities?assignment=" + a).then().statusCode(404);
        Api.as("admin").get("/api/v1/activities").then().statusCode(400);

        // Refused: no minutes, negative minutes, a day still to come.
        Api.as("admin").body(Map.of("date", TODAY.toString(), "minutes", 0)).post("/api/v1/assignments/" + a + "/activities").then().statusCode(422)
                .body("errors[0].field", equalTo("minutes"));
        Api.as("admin").body(Map.of("date", TODAY.toString(), "minutes", -5)).post("/api/v1/assignments/" + a + "/activities").then().statusCode(422);
        Api.as("admin").body(Map.of("date", TODAY.plusDays(1).toString(), "minutes", 30)).post("/api/v1/assignments/" + a + "/activities").then()
                .statusCode(422).body("errors[0].field", equalTo("date"));
        Api.as("admin").get("/api/v1/activities?assignment=" + a).then().body("totalMinutes", equalTo(75));
    }
}
