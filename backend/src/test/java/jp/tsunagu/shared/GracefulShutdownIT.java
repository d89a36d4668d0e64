package jp.tsunagu.shared;

import jp.tsunagu.devdb.DevDatabase;
import jp.tsunagu.testing.PackagedApi;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Graceful shutdown (#16): the packaged API in the prod profile, as a replica runs, gets TERM while a request is in
 * flight. The request finishes with its answer, no new request is taken, and the process ends once it has answered —
 * well within the grace period (TSUNAGU_SHUTDOWN_GRACE). The request is held in flight by a lock on the table it reads,
 * taken by this test on the same database and released after the TERM.
 */
class GracefulShutdownIT {

    @Test
    void onTermTheRequestsInFlightFinishAndNoNewOneIsTaken() throws Exception {
        String database = "tsunagu_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (DevDatabase db = DevDatabase.locate(System.getenv(), null)) {
            db.ensureDatabase(database);
            try (PackagedApi api = new PackagedApi(db, database, "IT-SHUTDOWN-SETUP-CODE", Map.of(), Map.of("TSUNAGU_SHUTDOWN_GRACE", "30S"))) {
                api.start();
                String base = api.base();
                Process process = api.process();

                try (Connection lock = db.connect(database); Statement st = lock.createStatement()) {
                    // The setup status reads the accounts: with the table locked, the request waits in flight.
                    lock.setAutoCommit(false);
                    st.execute("lock table account in access exclusive mode");
                    CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/setup")).timeout(Duration.ofSeconds(40)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    awaitWaitingOnLock(st);

                    long term = System.nanoTime();
                    process.destroy(); // SIGTERM
                    Thread.sleep(1000);
                    assertTrue(process.isAlive(), "the replica waits for the request in flight");
                    assertFalse(inFlight.isDone(), "the request in flight is still being served");
                    HttpResponse<String> refused = newRequest(base + "/api/v1/auth/options");
                    assertEquals(503, refused.statusCode(), "a new request after TERM is not served: " + refused.body());
                    assertTrue(refused.headers().firstValue("Retry-After").isPresent(), "it says when to try again");
                    assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                    assertEquals(503, newRequest(base + "/q/health/ready").statusCode(), "readiness is DOWN while the replica drains");

                    lock.rollback(); // the request in flight can go on
                    HttpResponse<String> answered = inFlight.get(20, TimeUnit.SECONDS);
                    assertEquals(200, answered.statusCode(), answered.body());
                    assertTrue(answered.body().contains("\"needed\":true"), answered.body());
                    assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the replica ends once the last request is answered");
                    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - term);
                    assertTrue(seconds < 25, "ended " + seconds + " s after TERM, within the 30 s grace period");
                }
            } finally {
                db.dropDatabase(database);
            }
        }
    }

    /** Until a session of the API waits for this test's lock, so the request is surely in flight. */
    private static void awaitWaitingOnLock(Statement st) throws Exception {
        for (int i = 0; i < 100; i++) {
            try (var rs = st.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock' and datname = current_database()")) {
                rs.next();
                if (rs.getInt(1) > 0) {
                    return;
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the request never reached the database");
    }

    /** A new request on a new connection. */
    private static HttpResponse<String> newRequest(String url) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
