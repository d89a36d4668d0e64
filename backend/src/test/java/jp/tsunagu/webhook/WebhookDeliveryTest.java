package jp.tsunagu.webhook;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Webhooks against a real HTTP receiver on this machine: signed bodies, delivered in order per subscription, at
 * least once through failures (the receiver answers 500, then is down altogether), never the same event twice at
 * the same time however many deliverers run, and an administrator's redelivery.
 */
@QuarkusTest
class WebhookDeliveryTest {

    @Inject
    WebhookDeliverer deliverer;

    /** What the receiver saw: each request's event id, headers and body, and how it answered. */
    record Received(long id, String type, String signature, String body, int answered) {
    }

    private static final class Receiver {
        final List<Received> received = new CopyOnWriteArrayList<>();
        final AtomicInteger failNext = new AtomicInteger();
        final Set<Long> inFlight = ConcurrentHashMap.newKeySet();
        final List<Long> overlaps = new CopyOnWriteArrayList<>();
        volatile int delayMillis;
        HttpServer server;

        void start(int port) throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
            server.createContext("/hook", exchange -> {
                long id = Long.parseLong(exchange.getRequestHeaders().getFirst("Tsunagu-Event-Id"));
                if (!inFlight.add(id)) {
                    overlaps.add(id);
                }
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                int status = failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 200;
                received.add(new Received(id, exchange.getRequestHeaders().getFirst("Tsunagu-Event"),
                        exchange.getRequestHeaders().getFirst("Tsunagu-Signature"), body, status));
                inFlight.remove(id);
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
        }

        void stop() {
            server.stop(0);
        }

        int port() {
            return server.getAddress().getPort();
        }

        /** The successful deliveries whose body names {@code indicator}, in the order they arrived. */
        List<Received> deliveredAbout(String indicator) {
            return received.stream().filter(r -> r.answered() == 200 && r.body().contains("\"" + indicator + "\"")).toList();
        }
    }

    private static void eventually(Supplier<Boolean> condition, String what) throws InterruptedException {
        long until = System.nanoTime() + 20_000_000_000L;
        while (!condition.get()) {
            if (System.nanoTime() > until) {
                throw new AssertionError(what + " within 20 s");
            }
            Thread.sleep(50);
        }
    }

    private static String indicatorOfItsOwn() {
        String plan = "hook-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40203", "kind", "OTHER", "title", "通知の試験計画",
                        "periodStart", 2024, "periodEnd", 2026, "levels", List.of("目標"), "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("planner").body(Map.of("code", "1", "title", "目標1")).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201);
        String code = plan + "-i";
        Api.as("planner").body(Map.of("code", code, "planCode", plan, "nodeCode", "1", "name", "通知される指標", "unit", "回",
                "direction", "INCREASE")).post("/api/v1/indicators").then().statusCode(201);
        return code;
    }

    private static void value(String indicator, int year, int value) {
        Api.as("planner").body(Map.of("kind", "ACTUAL", "value", value)).put("/api/v1/indicators/" + indicator + "/values/" + year)
                .then().statusCode(200);
    }

    @Test
    void signedEventsArriveInOrderThroughFailuresAndAnOutageAndCanBeSentAgain() throws Exception {
        Receiver receiver = new Receiver();
        receiver.start(0);
        String indicator = indicatorOfItsOwn();
        JsonPath created = Api.as("admin").body(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook",
                        "events", List.of("kpi.changed"), "description", "試験の受け手"))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath();
        long id = created.getLong("webhook.id");
        String secret = created.getString("secret");
        try {
            Api.as("admin").get("/api/v1/webhooks").then().statusCode(200)
                    .body("items.find { it.id == " + id + " }.secret", org.hamcrest.Matchers.nullValue());

            // The first two attempts fail: the first event is retried, and the later ones wait behind it.
            receiver.failNext.set(2);
            value(indicator, 2024, 10);
            value(indicator, 2025, 20);
            value(indicator, 2026, 30);
            eventually(() -> receiver.deliveredAbout(indicator).size() >= 3, "three events delivered");
            List<Received> delivered = receiver.deliveredAbout(indicator);
            List<Long> ids = delivered.stream().map(Received::id).toList();
            List<Long> sorted = new ArrayList<>(ids);
            Collections.sort(sorted);
            assertEquals(sorted, ids, "in the order they happened");
            for (Received r : delivered) {
                assertEquals("kpi.changed", r.type());
                Map<String, String> parts = new HashMap<>();
                for (String part : r.signature().split(",")) {
                    parts.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
                }
                assertEquals(WebhookDeliverer.sign(secret, Long.parseLong(parts.get("t")), r.body()), parts.get("v1"), "signature of " + r.body());
                assertTrue(Math.abs(System.currentTimeMillis() / 1000 - Long.parseLong(parts.get("t"))) < 120);
            }
            long first = ids.get(0);
            List<Integer> firstAnswers = receiver.received.stream().filter(r -> r.id() == first).map(Received::answered).toList();
            assertEquals(List.of(500, 500, 200), firstAnswers);
            assertTrue(receiver.received.stream().filter(r -> r.id() > first && r.body().contains(indicator)).allMatch(r ->
                    receiver.received.indexOf(r) > receiver.received.indexOf(delivered.get(0))), "nothing overtook the failing event");

            JsonPath log = Api.as("admin").get("/api/v1/webhooks/" + id + "/events").then().statusCode(200).extract().jsonPath();
            assertEquals(List.of(500, 500, 200), log.getList("items.find { it.id == " + first + " }.deliveries.statusCode"));
            assertTrue(log.getString("items.find { it.id == " + first + " }.deliveredAt") != null);

            // The receiver is down for a while: the event waits in the outbox and arrives when it is back.
            int port = receiver.port();
            receiver.stop();
            value(indicator, 2024, 11);
            eventually(() -> Api.as("admin").get("/api/v1/webhooks/" + id + "/events").then().extract().jsonPath()
                    .getList("items.findAll { it.deliveredAt == null }.deliveries.flatten()").size() >= 1, "a failed attempt while down");
            Receiver back = new Receiver();
            back.start(port);
            try {
                eventually(() -> !back.deliveredAbout(indicator).isEmpty(), "the event sent while the receiver was down");
                assertTrue(back.deliveredAbout(indicator).get(0).body().contains("\"kpi.changed\""));

                // Sent again on request: the same body as a new event, marked as a redelivery.
                Api.as("admin").post("/api/v1/webhooks/" + id + "/events/" + first + "/redeliveries").then().statusCode(201)
                        .body("body", org.hamcrest.Matchers.containsString("\"redeliveryOf\": " + first));
                eventually(() -> back.received.stream().anyMatch(r -> r.body().contains("\"redeliveryOf\": " + first) && r.answered() == 200),
                        "the redelivery");
            } finally {
                back.stop();
            }
        } finally {
            Api.as("admin").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
        Api.as("admin").get("/api/v1/webhooks/" + id + "/events").then().statusCode(404);
    }

    @Test
    void deliverersRacingNeverSendTheSameEventTwiceAtOnceNorOutOfOrder() throws Exception {
        Receiver receiver = new Receiver();
        receiver.delayMillis = 150;
        receiver.start(0);
        String indicator = indicatorOfItsOwn();
        long id = Api.as("admin").body(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook", "events", List.of("kpi.changed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("webhook.id");
        try {
            for (int year = 2024; year <= 2026; year++) {
                value(indicator, year, year);
            }
            // Four more deliverers beside the application's own loop, as other replicas would be.
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Thread thread = new Thread(() -> {
                    for (int i = 0; i < 40 && receiver.deliveredAbout(indicator).size() < 3; i++) {
                        try {
                            deliverer.deliverOne();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
                threads.add(thread);
                thread.start();
            }
            for (Thread t : threads) {
                t.join(30_000);
            }
            eventually(() -> receiver.deliveredAbout(indicator).size() >= 3, "three events delivered");
            assertEquals(List.of(), receiver.overlaps, "an event sent while it was already being sent");
            List<Long> ids = receiver.deliveredAbout(indicator).stream().map(Received::id).toList();
            assertEquals(3, ids.stream().distinct().count(), "each event once: " + ids);
            List<Long> sorted = new ArrayList<>(ids);
            Collections.sort(sorted);
            assertEquals(sorted, ids);
        } finally {
            receiver.stop();
            Api.as("admin").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
    }

    @Test
    void aPausedSubscriptionHoldsItsEventsAndSendsThemInOrderWhenResumed() throws Exception {
        Receiver receiver = new Receiver();
        receiver.start(0);
        String indicator = indicatorOfItsOwn();
        long id = Api.as("admin").body(Map.of("url", "http://127.0.0.1:" + receiver.port() + "/hook", "events", List.of("kpi.changed")))
                .post("/api/v1/webhooks").then().statusCode(201).extract().jsonPath().getLong("webhook.id");
        try {
            Api.as("admin").body(Map.of("active", false)).patch("/api/v1/webhooks/" + id).then().statusCode(200)
                    .body("active", org.hamcrest.Matchers.equalTo(false));
            for (int year = 2024; year <= 2026; year++) {
                value(indicator, year, year);
            }
            // Whatever is due goes out now (here and in the application's own loop): nothing of the paused one.
            while (deliverer.deliverOne()) {
                // drained
            }
            Thread.sleep(1500);
            assertEquals(List.of(), receiver.deliveredAbout(indicator), "sent while paused");
            Api.as("admin").get("/api/v1/webhooks").then().statusCode(200)
                    .body("items.find { it.id == " + id + " }.pending", org.hamcrest.Matchers.equalTo(3))
                    .body("items.find { it.id == " + id + " }.active", org.hamcrest.Matchers.equalTo(false));

            Api.as("admin").body(Map.of("active", true)).patch("/api/v1/webhooks/" + id).then().statusCode(200)
                    .body("active", org.hamcrest.Matchers.equalTo(true));
            eventually(() -> receiver.deliveredAbout(indicator).size() >= 3, "the three held events after resuming");
            List<Long> ids = receiver.deliveredAbout(indicator).stream().map(Received::id).toList();
            List<Long> sorted = new ArrayList<>(ids);
            Collections.sort(sorted);
            assertEquals(sorted, ids, "in the order they happened");
            assertTrue(receiver.deliveredAbout(indicator).get(2).body().contains("\"" + indicator + "\""));
        } finally {
            receiver.stop();
            Api.as("admin").delete("/api/v1/webhooks/" + id).then().statusCode(204);
        }
        Api.as("admin").body(Map.of("active", true)).patch("/api/v1/webhooks/" + id).then().statusCode(404);
        Api.as("admin").body(Map.of()).patch("/api/v1/webhooks/" + id).then().statusCode(400);
    }

    @Test
    void badSubscriptionsAreProblemsNamingTheField() {
        Api.as("admin").body(Map.of("url", "ftp://example.org/x", "events", List.of("kpi.changed"))).post("/api/v1/webhooks")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("url"));
        Api.as("admin").body(Map.of("url", "https://user:pw@example.org/x", "events", List.of("kpi.changed"))).post("/api/v1/webhooks")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("url"));
        Api.as("admin").body(Map.of("url", "https://example.org/x", "events", List.of())).post("/api/v1/webhooks")
                .then().statusCode(400).body("errors[0].field", org.hamcrest.Matchers.equalTo("events"));
        Api.as("admin").body(Map.of("url", "https://example.org/x", "events", List.of("kpi.changed", "kpi.exploded"))).post("/api/v1/webhooks")
                .then().statusCode(422).body("errors[0].field", org.hamcrest.Matchers.equalTo("events[1]"));
        Api.as("admin").post("/api/v1/webhooks/999999999/events/1/redeliveries").then().statusCode(404);
        Api.as("planner").get("/api/v1/webhooks").then().statusCode(403);
    }
}
