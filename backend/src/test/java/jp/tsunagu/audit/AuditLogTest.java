package jp.tsunagu.audit;

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

/** Every read and write of personal data is in the audit log, which cannot be changed. */
@QuarkusTest
class AuditLogTest {
    @Test
    void everyAccessToPersonalDataIsAuditedAndTheLogIsReadOnly() {
        long r = SupportTestData.recipient("coordinator", "40102-takasu");
        Api.as("coordinator").get("/api/v1/recipients/" + r).then().statusCode(200);
        Api.as("admin").get("/api/v1/audit-log?entity=RECIPIENT&actor=coordinator").then().statusCode(200)
                .body("items.findAll { it.entityId == " + r + " }.action", hasItem("CREATE"))
                .body("items.findAll { it.entityId == " + r + " }.action", hasItem("READ"))
                .body("items[0].ip", not(equalTo(null)));
        Api.as("coordinator").get("/api/v1/audit-log").then().statusCode(403);
        Api.as("admin").delete("/api/v1/audit-log").then().statusCode(405);
        Api.as("admin").body("{}").post("/api/v1/audit-log").then().statusCode(405);
        given().get("/api/v1/audit-log").then().statusCode(401);
    }
    @Test
    void behindTheSpasProxyTheLogRecordsTheCallersAddress() {
        // The test client is 127.0.0.1, the trusted proxy of this configuration (nginx in docker-compose).
        long r = SupportTestData.recipient("coordinator", "40102-takasu");
        Api.as("coordinator").header("X-Forwarded-For", "203.0.113.7").get("/api/v1/recipients/" + r).then().statusCode(200);
        Api.as("admin").get("/api/v1/audit-log?entity=RECIPIENT&actor=coordinator").then().statusCode(200)
                .body("items.find { it.entityId == " + r + " && it.action == 'READ' }.ip", equalTo("203.0.113.7"))
                .body("items.find { it.entityId == " + r + " && it.action == 'CREATE' }.ip", equalTo("127.0.0.1"));
    }

    @Test
    void theLogIsFilteredPagedAndDownloadedForTheCitysPrivacyReview() {
        long r = SupportTestData.recipient("coordinator2", "40106-wakazono");
        for (int i = 0; i < 3; i++) {
            Api.as("coordinator2").get("/api/v1/recipients/" + r).then().statusCode(200);
        }
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Tokyo")).toString();
        var first = Api.as("admin").get("/api/v1/audit-log?entity=RECIPIENT&actor=coordinator2&from=" + today + "&to=" + today + "&limit=2")
                .then().statusCode(200).body("items", org.hamcrest.Matchers.hasSize(2))
                .body("items.actor", org.hamcrest.Matchers.everyItem(equalTo("coordinator2")))
                .body("nextCursor", not(equalTo(null))).extract();
        long lastId = ((Number) first.path("items[1].id")).longValue();
        Api.as("admin").get("/api/v1/audit-log?entity=RECIPIENT&actor=coordinator2&limit=2&cursor=" + first.path("nextCursor"))
                .then().statusCode(200).body("items[0].id", org.hamcrest.Matchers.lessThan((int) lastId));
        Api.as("admin").get("/api/v1/audit-log?actor=coordinator2&from=2001-01-01&to=2001-12-31").then().statusCode(200)
                .body("items", org.hamcrest.Matchers.hasSize(0));
        Api.as("admin").get("/api/v1/audit-log?from=2026-04-02&to=2026-04-01").then().statusCode(400);
        Api.as("admin").get("/api/v1/audit-log?entity=NOTHING").then().statusCode(400);

        String csv = Api.as("admin").accept("text/csv").get("/api/v1/audit-log?actor=coordinator2&entity=RECIPIENT").then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("text/csv")).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.startsWith("\uFEFF番号,日時,だれが,操作,記録の種類"), csv.substring(0, Math.min(80, csv.length())));
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(",coordinator2,READ,RECIPIENT," + r + ","), "the reads are rows of the CSV");
    }
}
