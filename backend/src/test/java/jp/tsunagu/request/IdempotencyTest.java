package jp.tsunagu.request;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.Response;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A coordinator's double click or a script's retry with the same Idempotency-Key registers once. */
@QuarkusTest
class IdempotencyTest {

    @Inject
    AgroalDataSource database;

    /** What is stored, read straight from the database the API writes to. */
    private long count(String sql) {
        try (java.sql.Connection c = database.getConnection(); java.sql.ResultSet r = c.createStatement().executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    private static Map<String, Object> recipient(String name) {
        return Map.of("name", name, "kana", "いちど とうろく", "areaCode", "40102-takasu",
                "referredBy", "WELFARE_VOLUNTEER", "consent", true, "contact", "093-222-3333");
    }

    private long recipientsNamed(String name) {
        return count("select count(*) from recipient where name = '" + name + "'");
    }

    @Test
    void aRepeatWithTheSameKeyGetsTheFirstAnswerAndCreatesNothing() {
        String name = "一度 登録" + UUID.randomUUID().toString().substring(0, 6);
        String key = UUID.randomUUID().toString();
        Response first = Api.as("coordinator").header("Idempotency-Key", key).body(recipient(name)).post("/api/v1/recipients");
        first.then().statusCode(201).header("Idempotent-Replayed", nullValue());
        int id = first.path("id");
        Api.as("coordinator").header("Idempotency-Key", key).body(recipient(name)).post("/api/v1/recipients")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"))
                .body("id", equalTo(id)).body("name", equalTo(name)).body("area.code", equalTo("40102-takasu"));
        assertEquals(1, recipientsNamed(name));

        // The same key with another body is a mistake the client should hear about, not a silent replay.
        Api.as("coordinator").header("Idempotency-Key", key).body(recipient(name + "2")).post("/api/v1/recipients")
                .then().statusCode(422).body("type", equalTo("/problems/idempotency-key-reused"));
        assertEquals(0, recipientsNamed(name + "2"));

        // Keys are the caller's own: another coordinator's identical key is a new request.
        Map<String, Object> wakazono = new java.util.HashMap<>(recipient(name));
        wakazono.put("areaCode", "40106-wakazono");
        Api.as("coordinator2").header("Idempotency-Key", key).body(wakazono).post("/api/v1/recipients")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(2, recipientsNamed(name));

        // Without a key, every POST creates.
        Api.as("coordinator").body(recipient(name)).post("/api/v1/recipients").then().statusCode(201);
        assertEquals(3, recipientsNamed(name));
    }

    @Test
    void aFailedRequestLeavesNoKeyBehindSoTheCorrectedRetryCreates() {
        String name = "失敗 再送" + UUID.randomUUID().toString().substring(0, 6);
        String key = UUID.randomUUID().toString();
        Map<String, Object> outside = new java.util.HashMap<>(recipient(name));
        outside.put("areaCode", "40106-wakazono"); // not coordinator's district: refused, nothing written
        Api.as("coordinator").header("Idempotency-Key", key).body(outside).post("/api/v1/recipients").then().statusCode(422);
        assertEquals(0, count("select count(*) from idempotency_key where key = '" + key + "'"));
        Api.as("coordinator").header("Idempotency-Key", key).body(recipient(name)).post("/api/v1/recipients")
                .then().statusCode(201).header("Idempotent-Replayed", nullValue());
        assertEquals(1, recipientsNamed(name));
    }

    @Test
    void aKeyThatIsNotPrintableAsciiIsRefused() {
        Api.as("coordinator").header("Idempotency-Key", "x".repeat(256)).body(recipient("長すぎる キー")).post("/api/v1/recipients")
                .then().statusCode(400).body("type", equalTo("/problems/idempotency-key-invalid"));
        Api.as("coordinator").header("Idempotency-Key", "has space").body(recipient("空白 キー")).post("/api/v1/recipients")
                .then().statusCode(400).body("type", equalTo("/problems/idempotency-key-invalid"));
        assertEquals(0, recipientsNamed("長すぎる キー") + recipientsNamed("空白 キー"));
    }

    @Test
    void concurrentRepeatsOfOneRequestCreateOneRecord() throws Exception {
        long recipient = SupportTestData.recipient("coordinator", "40102-takasu");
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("recipientId", recipient, "categoryCode", "GARBAGE", "weeklyDay", 2,
                "start", "09:00", "end", "10:00", "payment", "EITHER");
        String token = Api.token("coordinator");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(CompletableFuture.supplyAsync(
                        () -> Api.bearer(token).header("Idempotency-Key", key).body(body).post("/api/v1/support-requests"), pool));
            }
            Set<Integer> ids = new HashSet<>();
            int replayed = 0;
            for (CompletableFuture<Response> call : calls) {
                Response r = call.get();
                assertEquals(201, r.statusCode(), r.asString());
                ids.add(r.path("id"));
                replayed += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertEquals(1, ids.size(), "every repeat answers with the one request created");
            assertEquals(7, replayed);
            assertEquals(1, count("select count(*) from support_request where recipient_id = " + recipient));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anActivityRecordedTwiceWithOneKeyCountsOnce() {
        long recipient = SupportTestData.recipient("coordinator", "40102-takasu");
        long request = SupportTestData.request("coordinator", recipient, "GARBAGE", 3);
        int supporter = Api.as("coordinator").get("/api/v1/support-requests/" + request + "/candidates").then().statusCode(200)
                .extract().path("items[0].supporterId");
        String assignKey = UUID.randomUUID().toString();
        int a = Api.as("coordinator").header("Idempotency-Key", assignKey).body(Map.of("supporterId", supporter))
                .post("/api/v1/support-requests/" + request + "/assignments").then().statusCode(201).extract().path("id");
        Api.as("coordinator").header("Idempotency-Key", assignKey).body(Map.of("supporterId", supporter))
                .post("/api/v1/support-requests/" + request + "/assignments").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(a));
        Api.as("coordinator").post("/api/v1/assignments/" + a + "/accept").then().statusCode(200);
        String key = UUID.randomUUID().toString();
        Map<String, Object> visit = Map.of("date", "2026-11-25", "minutes", 45, "notes", "通院の付き添い");
        int activity = Api.as("coordinator").header("Idempotency-Key", key).body(visit)
                .post("/api/v1/assignments/" + a + "/activities").then().statusCode(201).extract().path("id");
        Api.as("coordinator").header("Idempotency-Key", key).body(visit).post("/api/v1/assignments/" + a + "/activities")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true")).body("id", equalTo(activity));
        assertEquals(1, count("select count(*) from support_activity where assignment_id = " + a));
        assertEquals(45, count("select coalesce(sum(minutes), 0) from support_activity where assignment_id = " + a));
    }

    /** Every call that hands out personal data leaves one audit row, the replay of a creating request included. */
    @Test
    void aReplayIsAuditedAsAReadOfTheRecordItReturns() {
        String name = "再送 監査" + UUID.randomUUID().toString().substring(0, 6);
        String key = UUID.randomUUID().toString();
        int id = Api.as("coordinator").header("Idempotency-Key", key).body(recipient(name)).post("/api/v1/recipients")
                .then().statusCode(201).extract().path("id");
        String rows = "select count(*) from audit_log where entity = 'RECIPIENT' and entity_id = " + id;
        assertEquals(1, count(rows + " and action = 'CREATE'"));
        assertEquals(0, count(rows + " and action = 'READ'"));
        Api.as("coordinator").header("Idempotency-Key", key).body(recipient(name)).post("/api/v1/recipients")
                .then().statusCode(201).header("Idempotent-Replayed", equalTo("true"));
        assertEquals(1, count(rows + " and action = 'CREATE'"));
        assertEquals(1, count(rows + " and action = 'READ' and actor = 'coordinator' and detail like '%再送%' and ip is not null"));

        long request = SupportTestData.request("coordinator", id, "GARBAGE", 2);
        long supporter = ((Number) Api.as("coordinator").get("/api/v1/support-requests/" + request + "/candidates").then().statusCode(200)
                .extract().path("items[0].supporterId")).longValue();
        String assignKey = UUID.randomUUID().toString();
        for (int i = 0; i < 2; i++) {
            Api.as("coordinator").header("Idempotency-Key", assignKey).body(Map.of("supporterId", supporter))
                    .post("/api/v1/support-requests/" + request + "/assignments").then().statusCode(201);
        }
        assertEquals(1, count(rows + " and action = 'READ' and detail like '調整 %再送%'"));
    }
}
