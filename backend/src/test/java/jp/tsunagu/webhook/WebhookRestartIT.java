package jp.tsunagu.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import jp.tsunagu.devdb.DevDatabase;
import jp.tsunagu.testing.PackagedApi;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Nothing is lost across a crash (#14): the packaged API delivers webhooks to a real receiver that fails the first
 * attempt and holds the second; the API is killed (SIGKILL) while that attempt is in flight, more changes are made
 * while it is down (by SQL, as another system or a person would), and when it starts again every event arrives,
 * signed, in the order it happened — the one in flight at the crash included (at least once).
 */
class WebhookRestartIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A delivery the receiver answered: the event id, its signature header and body, and the answer. */
    record Seen(long id, String signature, String body, int answered) {
    }

    @Test
    void eventsQueuedBeforeAndDuringACrashAllArriveInOrderAfterARestart() throws Exception {
        String database = "tsunagu_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        int[] requests = {0};
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        receiver.createContext("/hook", exchange -> {
            int n;
            synchronized (requests) {
                n = ++requests[0];
            }
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            long id = Long.parseLong(exchange.getRequestHeaders().getFirst("Tsunagu-Event-Id"));
            int status = 200;
            if (n == 1) {
                status = 500; // the first attempt fails: the event is retried, the later ones wait behind it
            } else if (n == 2) {
                holding.countDown(); // the second attempt is held in flight until the API has been killed
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                status = 200; // answered to a sender that is gone: it never learns the event arrived
            }
            seen.add(new Seen(id, exchange.getRequestHeaders().getFirst("Tsunagu-Signature"), body, status));
            try {
                exchange.sendResponseHeaders(status, -1);
            } catch (java.io.IOException gone) {
                // the sender was killed
            }
            exchange.close();
        });
        receiver.start();
        HttpClient http = HttpClient.newHttpClient();
        try (DevDatabase db = DevDatabase.locate(System.getenv(), null)) {
            db.ensureDatabase(database);
            try (PackagedApi api = new PackagedApi(db, database, "IT-WEBHOOK-SETUP-CODE",
                    Map.of("tsunagu.webhooks.allow-private-addresses", "true", "tsunagu.webhooks.backoff-base", "PT0.5S",
                            "tsunagu.webhooks.poll-interval", "PT0.2S"), Map.of());
                 Connection sql = db.connect(database); Statement st = sql.createStatement()) {
                api.start();
                post(http, api.base() + "/api/v1/setup", null, Map.of("setupCode", "IT-WEBHOOK-SETUP-CODE", "username", "kanri",
                        "displayName", "管理者", "password", "webhook-restart-test-password"));
                String token = JSON.readTree(post(http, api.base() + "/api/v1/auth/token", null,
                        Map.of("username", "kanri", "password", "webhook-restart-test-password"))).get("access_token").asText();
                st.execute("insert into area (code, name, kana, kind) values ('49999', '再起動市', 'さいきどうし', 'CITY')");
                st.execute("""
                        insert into plan (code, city_id, kind, title, period_start, period_end)
                        select 'restart-plan', id, 'OTHER', '版0', 2024, 2026 from area where code = '49999'""");
                JsonNode created = JSON.readTree(post(http, api.base() + "/api/v1/webhooks", token, Map.of(
                        "url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook", "events", List.of("plan.changed"))));
                String secret = created.get("secret").asText();
                long subscription = created.get("webhook").get("id").asLong();

                for (int version = 1; version <= 3; version++) {
                    st.execute("update plan set title = '版" + version + "' where code = 'restart-plan'");
                }
                assertTrue(holding.await(30, TimeUnit.SECONDS), "the retry of the first event reached the receiver");
                api.kill();
                release.countDown();
                // While no API runs, changes go on; the triggers queue them in the changes' own transactions.
                for (int version = 4; version <= 5; version++) {
                    st.execute("update plan set title = '版" + version + "' where code = 'restart-plan'");
                }
                List<Long> events = new ArrayList<>();
                try (ResultSet rs = st.executeQuery("select id from webhook_event where subscription_id = " + subscription + " order by id")) {
                    while (rs.next()) {
                        events.add(rs.getLong(1));
                    }
                }
                assertEquals(5, events.size(), "one event per change");

                api.start();
                eventually(() -> firstDeliveries(seen).size() == 5, "all five events delivered after the restart", api);
                assertEquals(events, firstDeliveries(seen), "each event arrived, in the order of the changes");
                long inFlight = seen.stream().filter(s -> s.answered() == 200).findFirst().orElseThrow().id();
                assertEquals(events.get(0), inFlight, "the event held at the crash");
                assertTrue(seen.stream().filter(s -> s.id() == inFlight && s.answered() == 200).count() >= 2,
                        "sent again after the restart, since the crash came before its answer was recorded");
                for (Seen s : seen) {
                    assertTrue(signatureHolds(s, secret), "a valid signature on event " + s.id());
                }
                try (ResultSet rs = st.executeQuery("select count(*) from webhook_event where subscription_id = " + subscription
                        + " and delivered_at is null")) {
                    rs.next();
                    assertEquals(0, rs.getInt(1), "nothing left pending");
                }
            } finally {
                release.countDown();
                receiver.stop(0);
                db.dropDatabase(database);
            }
        }
    }

    /** The event ids in the order of their first successful delivery. */
    private static List<Long> firstDeliveries(List<Seen> seen) {
        List<Long> out = new ArrayList<>();
        for (Seen s : seen) {
            if (s.answered() == 200 && !out.contains(s.id())) {
                out.add(s.id());
            }
        }
        return out;
    }

    private static boolean signatureHolds(Seen s, String secret) throws Exception {
        String[] parts = s.signature().split(",");
        String t = parts[0].substring("t=".length());
        String v1 = parts[1].substring("v1=".length());
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal((t + "." + s.body()).getBytes(StandardCharsets.UTF_8))).equals(v1);
    }

    private static String post(HttpClient http, String url, String token, Object body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(response.statusCode() / 100 == 2, url + " answered " + response.statusCode() + ": " + response.body());
        return response.body();
    }

    private static void eventually(BooleanSupplier condition, String what, PackagedApi api) throws Exception {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what + " within 30 s\n" + api.log());
            }
            Thread.sleep(100);
        }
    }
}
