package jp.tsunagu.webhook;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Sends the outbox, at least once and in order per subscription. Each replica runs one loop: it locks the oldest
 * pending event of some subscription whose time has come ({@code FOR UPDATE SKIP LOCKED}, so two replicas never send
 * the same event at the same time, and a subscription's next event waits for the one before), sends it, and records
 * the attempt in the same transaction. A 2xx is delivered; anything else is retried after base × 2^(attempt−1) (at
 * most an hour) until {@code give-up-after} from the event's creation. A crash between sending and committing sends
 * the event again after the restart: receivers deduplicate by the body's {@code id}.
 */
@ApplicationScoped
class WebhookDeliverer {

    private static final Logger LOG = Logger.getLogger(WebhookDeliverer.class);
    static final String SIGNATURE = "Tsunagu-Signature";

    private final WebhookStore store;
    private final boolean enabled;
    private final Duration pollInterval;
    private final Duration backoffBase;
    private final Duration giveUpAfter;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile boolean stopping;
    private Thread loop;

    WebhookDeliverer(WebhookStore store,
                     @ConfigProperty(name = "tsunagu.webhooks.enabled", defaultValue = "true") boolean enabled,
                     @ConfigProperty(name = "tsunagu.webhooks.poll-interval", defaultValue = "PT1S") Duration pollInterval,
                     @ConfigProperty(name = "tsunagu.webhooks.backoff-base", defaultValue = "PT10S") Duration backoffBase,
                     @ConfigProperty(name = "tsunagu.webhooks.give-up-after", defaultValue = "PT24H") Duration giveUpAfter) {
        this.store = store;
        this.enabled = enabled;
        this.pollInterval = pollInterval;
        this.backoffBase = backoffBase;
        this.giveUpAfter = giveUpAfter;
    }

    void start(@Observes StartupEvent started) {
        if (!enabled) {
            return;
        }
        loop = new Thread(this::run, "tsunagu-webhooks");
        loop.setDaemon(true);
        loop.start();
    }

    void stop(@Observes ShutdownEvent stopped) {
        stopping = true;
        if (loop != null) {
            loop.interrupt();
        }
    }

    private void run() {
        while (!stopping) {
            boolean sent = false;
            try {
                sent = deliverOne();
            } catch (Exception e) {
                if (!stopping) {
                    LOG.warnf("Webhook deliveries paused for a moment: %s", e.getMessage());
                }
            }
            if (!sent) {
                try {
                    Thread.sleep(pollInterval.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** Sends the next due event, if any; true when one was attempted. */
    boolean deliverOne() throws Exception {
        try (Connection c = store.connection()) {
            c.setAutoCommit(false);
            try {
                Optional<WebhookStore.Due> next = store.nextDue(c);
                if (next.isEmpty()) {
                    c.commit();
                    return false;
                }
                WebhookStore.Due due = next.get();
                long started = System.nanoTime();
                Integer status = null;
                String error = null;
                try {
                    HttpResponse<Void> response = http.send(request(due), HttpResponse.BodyHandlers.discarding());
                    status = response.statusCode();
                } catch (java.io.IOException | IllegalArgumentException e) {
                    error = truncate(e.getClass().getSimpleName() + ": " + e.getMessage());
                }
                int millis = (int) ((System.nanoTime() - started) / 1_000_000);
                boolean delivered = status != null && status / 100 == 2;
                OffsetDateTime retryAt = null;
                if (!delivered) {
                    OffsetDateTime at = OffsetDateTime.now().plus(backoff(due.attempts() + 1));
                    retryAt = at.isAfter(due.waitingSince().plus(giveUpAfter)) ? null : at;
                    if (error == null) {
                        error = "HTTP " + status;
                    }
                }
                store.recordAttempt(c, due, status, error, millis, delivered, retryAt);
                c.commit();
                return true;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        }
    }

    private Duration backoff(int attempt) {
        Duration d = backoffBase.multipliedBy(1L << Math.min(attempt - 1, 20));
        return d.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : d;
    }

    private static HttpRequest request(WebhookStore.Due due) {
        long t = System.currentTimeMillis() / 1000;
        return HttpRequest.newBuilder(URI.create(due.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json; charset=UTF-8")
                .header("User-Agent", "Tsunagu-Webhooks/1")
                .header("Tsunagu-Event", due.type())
                .header("Tsunagu-Event-Id", Long.toString(due.id()))
                .header(SIGNATURE, "t=" + t + ",v1=" + sign(due.secret(), t, due.body()))
                .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8))
                .build();
    }

    /** HMAC-SHA256 of "t.body" under the subscription's secret, in hex (what receivers recompute and compare). */
    static String sign(String secret, long t, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((t + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) : s;
    }
}
