package jp.tsunagu.shared;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Graceful shutdown of a replica. On TERM, Quarkus waits up to {@code quarkus.shutdown.timeout}
 * (TSUNAGU_SHUTDOWN_GRACE) for the requests in flight, but it would still serve new ones meanwhile; from the moment
 * the signal arrives this filter answers every new API request 503 problem+json with {@code Retry-After} and
 * {@code Connection: close}, so the proxy sends it to another replica, and readiness goes DOWN. Requests already
 * in flight passed the filter and finish. The flag is set by a JVM shutdown hook of our own, which runs beside
 * Quarkus's (the JVM starts all hooks together) — Quarkus has no application-level listener that runs before its
 * graceful phase ({@code ShutdownEvent} comes after it).
 */
@ApplicationScoped
@Readiness
public class Draining implements HealthCheck {

    private static volatile boolean draining;

    void onStart(@Observes StartupEvent started) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> draining = true, "tsunagu-draining"));
    }

    void install(@Observes Filters filters) {
        filters.register(ctx -> {
            if (draining && !ctx.request().path().startsWith("/q/")) {
                ctx.response().putHeader("Retry-After", "5").putHeader("Connection", "close");
                Problems.write(ctx.response(), Problems.of(503, "service-unavailable", "一時的に利用できません",
                        "このサーバーは停止中です。もう一度お試しください（別のサーバーが受け付けます）。", ctx.request().path(), null));
                return;
            }
            ctx.next();
        }, 3000);
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("accepting requests").status(!draining).build();
    }
}
