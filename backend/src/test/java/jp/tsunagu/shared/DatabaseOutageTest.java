package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jp.tsunagu.testing.DatabaseOutage;
import jp.tsunagu.testing.OutageProxy;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The database goes away under concurrent writes and comes back (#16): meanwhile every write answers 201 or 503
 * problem+json with Retry-After — never 500, never a thread stuck for minutes; readiness goes DOWN and comes back
 * UP by itself, liveness stays UP; and every write that was acknowledged is there afterwards.
 */
@QuarkusTest
@TestProfile(DatabaseOutage.class)
class DatabaseOutageTest {

    private static String admin() {
        given().contentType(ContentType.JSON).body(Map.of("setupCode", DatabaseOutage.SETUP_CODE, "username", "teiden",
                "displayName", "停電 管理者", "password", "hoshu-tenken-2026-kanri")).post("/api/v1/setup");
        return given().contentType(ContentType.JSON).body(Map.of("username", "teiden", "password", "hoshu-tenken-2026-kanri"))
                .post("/api/v1/auth/token").then().statusCode(200).extract().path("access_token");
    }

    private static int health(String which) {
        return given().get("/q/health/" + which).statusCode();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition, long seconds) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, what + " within " + seconds + " s");
            Thread.sleep(200);
        }
    }

    @Test
    void writesAnswer503WhileTheDatabaseIsAwayAndNothingAcknowledgedIsLost() throws Exception {
        String token = admin();
        given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("code", "teiden", "name", "停電市", "kana", "ていでんし", "kind", "CITY")).post("/api/v1/areas").then().statusCode(201);
        assertEquals(200, health("ready"));

        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        List<String> wrong = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            writers.add(pool.submit(() -> {
                for (int n = 0; writing.get(); n++) {
                    String code = "teiden-" + writer + "-" + n;
                    long started = System.nanoTime();
                    Response r = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                            .body(Map.of("code", code, "name", "停電校区" + writer + "-" + n, "kana", "ていでん", "kind", "SCHOOL_DISTRICT",
                                    "parentCode", "teiden")).post("/api/v1/areas");
                    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                    if (r.statusCode() == 201) {
                        acknowledged.add(code);
                    } else if (r.statusCode() != 503 || r.header("Retry-After") == null
                            || !r.contentType().startsWith("application/problem+json")) {
                        wrong.add(code + " → " + r.statusCode() + " " + r.asString());
                    }
                    if (millis > 15_000) {
                        wrong.add(code + " took " + millis + " ms");
                    }
                }
            }));
        }
        Thread.sleep(1500);
        int before = acknowledged.size();

        System.setProperty(OutageProxy.SWITCH, "down");
        try {
            waitFor("readiness DOWN", () -> health("ready") == 503, 20);
            assertEquals(200, health("live"), "liveness stays UP while the database is away");
            Thread.sleep(3000);
        } finally {
            System.setProperty(OutageProxy.SWITCH, "up");
        }
        waitFor("readiness UP again", () -> health("ready") == 200, 30);
        int after = acknowledged.size();
        waitFor("writes acknowledged again", () -> acknowledged.size() > after + 5, 30);
        writing.set(false);
        for (Future<?> f : writers) {
            f.get(60, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertTrue(before > 5, "writes went through before the outage: " + before);
        assertTrue(wrong.isEmpty(), String.join("\n", wrong.subList(0, Math.min(20, wrong.size()))));
        // Every acknowledged write is there.
        List<String> lost = new ArrayList<>();
        for (String code : acknowledged) {
            if (given().header("Authorization", "Bearer " + token).get("/api/v1/areas/" + code).statusCode() != 200) {
                lost.add(code);
            }
        }
        assertTrue(lost.isEmpty(), "acknowledged but lost: " + lost);
    }
}
