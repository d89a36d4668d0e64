package jp.tsunagu.shared;

import jp.tsunagu.devdb.DevDatabase;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");

    @Test
    void onTermTheRequestsInFlightFinishAndNoNewOneIsTaken() throws Exception {
        assertTrue(Files.exists(JAR), "package the API first (mvn verify does)");
        String database = "tsunagu_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        int port = freePort();
        Path log = Files.createTempFile("tsunagu-shutdown", ".log");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (DevDatabase db = DevDatabase.locate(System.getenv(), null)) {
            db.ensureDatabase(database);
            Process api = null;
            try {
                ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Dquarkus.profile=prod", "-Dquarkus.http.host=127.0.0.1", "-jar", JAR.toString());
                pb.environment().putAll(Map.of("API_PORT", String.valueOf(port), "DB_JDBC_URL", db.server().jdbcUrl(database),
                        "DB_USER", db.server().user(), "DB_PASSWORD", db.server().password() == null ? "" : db.server().password(),
                        "TSUNAGU_JWT_SECRET", "graceful-shutdown-test-secret-0123456789abcdef",
                        "TSUNAGU_BOOTSTRAP_ADMIN", "IT-SHUTDOWN-SETUP-CODE", "TSUNAGU_SHUTDOWN_GRACE", "30S"));
                pb.redirectErrorStream(true).redirectOutput(log.toFile());
                api = pb.start();
                String base = "http://127.0.0.1:" + port;
                awaitReady(http, base, api, log);

                try (Connection lock = db.connect(database); Statement st = lock.createStatement()) {
                    // The setup status reads the accounts: with the table locked, the request waits in flight.
                    lock.setAutoCommit(false);
                    st.execute("lock table account in access exclusive mode");
                    CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
                            HttpRequest.newBuilder(URI.create(base + "/api/v1/setup")).timeout(Duration.ofSeconds(40)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    awaitWaitingOnLock(st);

                    long term = System.nanoTime();
                    api.destroy(); // SIGTERM
                    Thread.sleep(1000);
                    assertTrue(api.isAlive(), "the replica waits for the request in flight");
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
                    assertTrue(api.waitFor(20, TimeUnit.SECONDS), "the replica ends once the last request is answered");
                    long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - term);
                    assertTrue(seconds < 25, "ended " + seconds + " s after TERM, within the 30 s grace period");
                }
            } finally {
                if (api != null && api.isAlive()) {
                    api.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
                db.dropDatabase(database);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static void awaitReady(HttpClient http, String base, Process api, Path log) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            if (!api.isAlive()) {
                throw new AssertionError("the API stopped while starting:\n" + Files.readString(log));
            }
            try {
                if (http.send(HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the API was not ready in 90 s:\n" + Files.readString(log));
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
