package jp.tsunagu.audit;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.ContractOperations;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Audit completeness (#16): every operation of the contract that reads or writes personal data (residents and their
 * requests, supporters, assignments, 依頼票, activity records, the audit log itself) leaves exactly one audit row per
 * call — who, what, which record and from where — idempotent replays included. The operations come from the served
 * contract: a new one under these paths without a row in the table below fails the build.
 */
@QuarkusTest
class AuditCompletenessTest {

    private static final String AREA = "40102-takasu";
    /** The paths of personal data. 担い手グループ (/supporter-groups) are named teams, not people: not listed. */
    private static final List<String> PERSONAL_PATHS = List.of("/api/v1/recipients", "/api/v1/support-requests",
            "/api/v1/supporters", "/api/v1/assignments", "/api/v1/audit-log", "/api/v1/follow-ups", "/api/v1/activities");
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(1);

    /** The audit row one call must leave: action, record kind and record id (null for a list or a search). */
    private record Row(String action, String entity, Long entityId) {
    }

    /** One call, made by {@code caller} through the spec it is given (which carries the caller's address). */
    private record Call(String caller, Function<RequestSpecification, Row> call) {
    }

    /** operationId (with " replay" for the Idempotency-Key resend) → the call and the row it must leave. */
    private static Map<String, Call> table() {
        Map<String, Call> t = new LinkedHashMap<>();
        t.put("findRecipients", coordinator(as -> {
            as.get("/api/v1/recipients?q=監査").then().statusCode(200);
            return new Row("READ", "RECIPIENT", null);
        }));
        t.put("createRecipient", coordinator(as -> {
            long id = id(as.body(recipient()).post("/api/v1/recipients"), 201);
            return new Row("CREATE", "RECIPIENT", id);
        }));
        t.put("createRecipient replay", coordinator(as -> {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = recipient();
            long id = id(Api.as("coordinator").header("Idempotency-Key", key).body(body).post("/api/v1/recipients"), 201);
            assertEquals(id, id(as.header("Idempotency-Key", key).body(body).post("/api/v1/recipients"), 201));
            return new Row("READ", "RECIPIENT", id);
        }));
        t.put("updateRecipient", coordinator(as -> {
            long r = SupportTestData.recipient("coordinator", AREA);
            Map<String, Object> body = new LinkedHashMap<>(recipient());
            body.put("version", 0);
            as.body(body).put("/api/v1/recipients/" + r).then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", r);
        }));
        t.put("getRecipient", coordinator(as -> {
            long r = SupportTestData.recipient("coordinator", AREA);
            as.get("/api/v1/recipients/" + r).then().statusCode(200);
            return new Row("READ", "RECIPIENT", r);
        }));
        t.put("listSupportRequests", coordinator(as -> {
            as.get("/api/v1/support-requests?area=" + AREA + "&limit=5").then().statusCode(200);
            return new Row("READ", "RECIPIENT", null);
        }));
        t.put("createSupportRequest", coordinator(as -> {
            long r = SupportTestData.recipient("coordinator", AREA);
            as.body(request(r)).post("/api/v1/support-requests").then().statusCode(201);
            return new Row("CREATE", "RECIPIENT", r);
        }));
        t.put("createSupportRequest replay", coordinator(as -> {
            long r = SupportTestData.recipient("coordinator", AREA);
            String key = UUID.randomUUID().toString();
            Api.as("coordinator").header("Idempotency-Key", key).body(request(r)).post("/api/v1/support-requests").then().statusCode(201);
            as.header("Idempotency-Key", key).body(request(r)).post("/api/v1/support-requests").then().statusCode(201);
            return new Row("READ", "RECIPIENT", r);
        }));
        t.put("getSupportRequest", coordinator(as -> {
            long[] rq = openRequest();
            as.get("/api/v1/support-requests/" + rq[1]).then().statusCode(200);
            return new Row("READ", "RECIPIENT", rq[0]);
        }));
        t.put("getSupportCandidates", coordinator(as -> {
            long[] rq = openRequest();
            as.get("/api/v1/support-requests/" + rq[1] + "/candidates").then().statusCode(200);
            return new Row("READ", "SUPPORTER", null);
        }));
        t.put("startMatching", coordinator(as -> {
            long[] rq = openRequest();
            as.post("/api/v1/support-requests/" + rq[1] + "/start-matching").then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", rq[0]);
        }));
        t.put("startMatching again", coordinator(as -> {
            long[] rq = openRequest();
            Api.as("coordinator").post("/api/v1/support-requests/" + rq[1] + "/start-matching").then().statusCode(200);
            as.post("/api/v1/support-requests/" + rq[1] + "/start-matching").then().statusCode(200);
            return new Row("READ", "RECIPIENT", rq[0]);
        }));
        t.put("assignSupporter", coordinator(as -> {
            long[] rq = openRequest();
            as.body(Map.of("supporterId", supporter())).post("/api/v1/support-requests/" + rq[1] + "/assignments").then().statusCode(201);
            return new Row("UPDATE", "RECIPIENT", rq[0]);
        }));
        t.put("assignSupporter replay", coordinator(as -> {
            long[] rq = openRequest();
            String key = UUID.randomUUID().toString();
            long s = supporter();
            Api.as("coordinator").header("Idempotency-Key", key).body(Map.of("supporterId", s))
                    .post("/api/v1/support-requests/" + rq[1] + "/assignments").then().statusCode(201);
            as.header("Idempotency-Key", key).body(Map.of("supporterId", s)).post("/api/v1/support-requests/" + rq[1] + "/assignments")
                    .then().statusCode(201);
            return new Row("READ", "RECIPIENT", rq[0]);
        }));
        t.put("referSupportRequest", coordinator(as -> {
            long[] rq = openRequest();
            // A 障害者 window of this test's own for the district, so the directory has somewhere to send the case.
            Api.as("admin").body(Map.of("name", "監査試験 障害者相談窓口", "category", "DISABILITY",
                            "contacts", List.of(Map.of("phone", "093-000-1111", "areaCodes", List.of(AREA)))))
                    .post("/api/v1/consultation-windows").then().statusCode(201);
            as.body(Map.of("windowCategory", "DISABILITY")).post("/api/v1/support-requests/" + rq[1] + "/refer").then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", rq[0]);
        }));
        t.put("cancelSupportRequest", coordinator(as -> {
            long[] rq = openRequest();
            as.post("/api/v1/support-requests/" + rq[1] + "/cancel").then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", rq[0]);
        }));
        t.put("proposeBatch", coordinator(as -> {
            long[] rq = openRequest();
            as.body(Map.of("requestIds", List.of(rq[1]))).post("/api/v1/support-requests/batch-proposals").then().statusCode(200);
            return new Row("READ", "SUPPORTER", null);
        }));
        t.put("confirmBatch", coordinator(as -> {
            long[] rq = openRequest();
            as.body(Map.of("rows", List.of(Map.of("requestId", rq[1], "supporterId", supporter()))))
                    .post("/api/v1/support-requests/batch-assignments").then().statusCode(201);
            return new Row("UPDATE", "RECIPIENT", rq[0]);
        }));
        t.put("getFollowUps", coordinator(as -> {
            as.get("/api/v1/follow-ups").then().statusCode(200);
            return new Row("READ", "RECIPIENT", null);
        }));
        t.put("updateSupportRequest", coordinator(as -> {
            long[] rq = openRequest();
            Map<String, Object> body = new LinkedHashMap<>(request(rq[0]));
            body.remove("recipientId");
            body.put("urgency", "HIGH");
            body.put("version", 0);
            as.body(body).put("/api/v1/support-requests/" + rq[1]).then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", rq[0]);
        }));
        t.put("reopenSupportRequest", coordinator(as -> {
            long[] rq = openRequest();
            Api.as("coordinator").post("/api/v1/support-requests/" + rq[1] + "/cancel").then().statusCode(200);
            as.body(Map.of("reason", "再度の依頼")).post("/api/v1/support-requests/" + rq[1] + "/reopen").then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", rq[0]);
        }));
        t.put("getSupportRequestTimeline", coordinator(as -> {
            long[] rq = openRequest();
            as.get("/api/v1/support-requests/" + rq[1] + "/timeline").then().statusCode(200);
            return new Row("READ", "RECIPIENT", rq[0]);
        }));
        t.put("listActivities", coordinator(as -> {
            long[] ra = accepted();
            as.get("/api/v1/activities?assignment=" + ra[1]).then().statusCode(200);
            return new Row("READ", "RECIPIENT", ra[0]);
        }));
        t.put("recordSharingDecision", coordinator(as -> {
            long r = SupportTestData.recipient("coordinator", AREA);
            as.body(Map.of("meetingDate", "2026-04-01", "meetingName", "監査試験 支援会議", "decidedBy", "支援会議"))
                    .post("/api/v1/recipients/" + r + "/sharing-decisions").then().statusCode(201);
            return new Row("CREATE", "RECIPIENT", r);
        }));
        t.put("listSharingDecisions", coordinator(as -> {
            long r = SupportTestData.recipient("coordinator", AREA);
            as.get("/api/v1/recipients/" + r + "/sharing-decisions").then().statusCode(200);
            return new Row("READ", "RECIPIENT", r);
        }));
        t.put("acceptAssignment", coordinator(as -> {
            long[] ra = proposed();
            as.post("/api/v1/assignments/" + ra[1] + "/accept").then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", ra[0]);
        }));
        t.put("declineAssignment", coordinator(as -> {
            long[] ra = proposed();
            as.post("/api/v1/assignments/" + ra[1] + "/decline").then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", ra[0]);
        }));
        t.put("getAssignmentHandout", coordinator(as -> {
            long[] ra = proposed();
            as.get("/api/v1/assignments/" + ra[1] + "/handout").then().statusCode(200);
            return new Row("READ", "RECIPIENT", ra[0]);
        }));
        t.put("completeAssignment", coordinator(as -> {
            long[] ra = accepted();
            as.post("/api/v1/assignments/" + ra[1] + "/complete").then().statusCode(200);
            return new Row("UPDATE", "RECIPIENT", ra[0]);
        }));
        t.put("recordActivity", coordinator(as -> {
            long[] ra = accepted();
            as.body(activity()).post("/api/v1/assignments/" + ra[1] + "/activities").then().statusCode(201);
            return new Row("CREATE", "RECIPIENT", ra[0]);
        }));
        t.put("recordActivity replay", coordinator(as -> {
            long[] ra = accepted();
            String key = UUID.randomUUID().toString();
            Api.as("coordinator").header("Idempotency-Key", key).body(activity()).post("/api/v1/assignments/" + ra[1] + "/activities")
                    .then().statusCode(201);
            as.header("Idempotency-Key", key).body(activity()).post("/api/v1/assignments/" + ra[1] + "/activities").then().statusCode(201);
            return new Row("READ", "RECIPIENT", ra[0]);
        }));
        t.put("listSupporters", coordinator(as -> {
            as.get("/api/v1/supporters?area=" + AREA).then().statusCode(200);
            return new Row("READ", "SUPPORTER", null);
        }));
        t.put("createSupporter", coordinator(as -> {
            long id = id(as.body(supporterBody()).post("/api/v1/supporters"), 201);
            return new Row("CREATE", "SUPPORTER", id);
        }));
        t.put("createSupporter replay", coordinator(as -> {
            String key = UUID.randomUUID().toString();
            Map<String, Object> body = supporterBody();
            long id = id(Api.as("coordinator").header("Idempotency-Key", key).body(body).post("/api/v1/supporters"), 201);
            assertEquals(id, id(as.header("Idempotency-Key", key).body(body).post("/api/v1/supporters"), 201));
            return new Row("READ", "SUPPORTER", id);
        }));
        t.put("updateSupporter", coordinator(as -> {
            long s = supporter();
            Map<String, Object> body = new LinkedHashMap<>(supporterBody());
            body.put("version", 0);
            as.body(body).put("/api/v1/supporters/" + s).then().statusCode(200);
            return new Row("UPDATE", "SUPPORTER", s);
        }));
        t.put("getSupporter", coordinator(as -> {
            long s = supporter();
            as.get("/api/v1/supporters/" + s).then().statusCode(200);
            return new Row("READ", "SUPPORTER", s);
        }));
        t.put("getAuditLog", new Call("admin", as -> {
            as.get("/api/v1/audit-log?entity=RECIPIENT&limit=3").then().statusCode(200);
            return new Row("READ", "AUDIT_LOG", null);
        }));
        t.put("getAuditLog csv", new Call("admin", as -> {
            as.accept("text/csv").get("/api/v1/audit-log?entity=AUDIT_LOG&from=2099-01-01").then().statusCode(200);
            return new Row("READ", "AUDIT_LOG", null);
        }));
        return t;
    }

    @Test
    void everyOperationOnPersonalDataIsInTheTable() throws IOException {
        Set<String> personal = ContractOperations.all().stream()
                .filter(op -> PERSONAL_PATHS.stream().anyMatch(p -> op.path().equals(p) || op.path().startsWith(p + "/")))
                .map(ContractOperations.Operation::id).collect(Collectors.toCollection(TreeSet::new));
        Set<String> covered = table().keySet().stream().map(k -> k.split(" ")[0]).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(personal, covered, "every operation on personal data needs a row in the audit-completeness table");
    }

    @Test
    void eachCallLeavesExactlyOneAuditRowWithWhoWhatWhichAndWhere() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, Call> entry : table().entrySet()) {
            String address = "198.51.100." + NEXT_ADDRESS.getAndIncrement();
            Call c = entry.getValue();
            Row expected = c.call().apply(Api.as(c.caller()).header("X-Forwarded-For", address));
            List<Map<String, Object>> rows = Api.as("admin").get("/api/v1/audit-log?actor=" + c.caller() + "&limit=200")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items").stream()
                    .filter(r -> address.equals(r.get("ip"))).toList();
            if (rows.size() != 1) {
                failures.add(entry.getKey() + ": " + rows.size() + " audit rows " + rows);
                continue;
            }
            Map<String, Object> row = rows.get(0);
            Long entityId = row.get("entityId") == null ? null : ((Number) row.get("entityId")).longValue();
            Row actual = new Row((String) row.get("action"), (String) row.get("entity"), entityId);
            if (!expected.equals(actual)) {
                failures.add(entry.getKey() + ": expected " + expected + " but the log has " + actual);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    private static Call coordinator(Function<RequestSpecification, Row> call) {
        return new Call("coordinator", call);
    }

    private static long id(Response response, int status) {
        return ((Number) response.then().statusCode(status).extract().path("id")).longValue();
    }

    private static Map<String, Object> recipient() {
        return Map.of("name", "監査 花子", "kana", "かんさ はなこ", "areaCode", AREA, "referredBy", "SELF", "consent", true,
                "contact", "093-000-0000");
    }

    private static Map<String, Object> request(long recipient) {
        return Map.of("recipientId", recipient, "categoryCode", "REPAIRS", "weeklyDay", 3, "start", "10:00", "end", "11:00",
                "payment", "EITHER");
    }

    private static Map<String, Object> supporterBody() {
        return Map.of("name", "監査 次郎", "kana", "かんさ じろう", "areaCode", AREA, "categoryCodes", List.of("REPAIRS"),
                "capacity", 3, "hasVehicle", false, "availability", List.of(Map.of("dayOfWeek", 3, "start", "08:00", "end", "18:00")));
    }

    private static Map<String, Object> activity() {
        return Map.of("date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString(), "minutes", 45, "notes", "棚を直した");
    }

    /** A supporter of this test's own, made by the coordinator from the test's address. */
    private static long supporter() {
        return id(Api.as("coordinator").body(supporterBody()).post("/api/v1/supporters"), 201);
    }

    /** {recipient, request}: a new open request. */
    private static long[] openRequest() {
        long r = SupportTestData.recipient("coordinator", AREA);
        return new long[]{r, id(Api.as("coordinator").body(request(r)).post("/api/v1/support-requests"), 201)};
    }

    /** {recipient, assignment}: a request proposed to a new supporter. */
    private static long[] proposed() {
        long[] rq = openRequest();
        long a = id(Api.as("coordinator").body(Map.of("supporterId", supporter())).post("/api/v1/support-requests/" + rq[1] + "/assignments"), 201);
        return new long[]{rq[0], a};
    }

    /** {recipient, assignment}: a proposal the supporter accepted. */
    private static long[] accepted() {
        long[] ra = proposed();
        Api.as("coordinator").post("/api/v1/assignments/" + ra[1] + "/accept").then().statusCode(200);
        return ra;
    }
}
