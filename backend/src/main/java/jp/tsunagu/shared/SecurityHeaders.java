package jp.tsunagu.shared;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Headers every answer carries, whatever produced it (a resource, a mapper, the router's own problems): no MIME
 * sniffing, no referrer, never framed. API answers are data, never a page: a policy that allows nothing to run,
 * and {@code Cache-Control: no-store} (they carry personal data) unless they set their own — an answer with an
 * ETag (the KPI API) may be kept and revalidated.
 */
@ApplicationScoped
class SecurityHeaders {

    static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

    void install(@Observes Filters filters) {
        filters.register(ctx -> {
            boolean api = ctx.request().path().startsWith("/api/");
            ctx.addHeadersEndHandler(v -> {
                var headers = ctx.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                headers.set("Referrer-Policy", "no-referrer");
                headers.set("X-Frame-Options", "DENY");
                if (api) {
                    headers.set("Content-Security-Policy", API_POLICY);
                    if (!headers.contains("Cache-Control")) {
                        headers.set("Cache-Control", headers.contains("ETag") ? "private, no-cache" : "no-store");
                    }
                }
            });
            ctx.next();
        }, 2000);
    }
}
