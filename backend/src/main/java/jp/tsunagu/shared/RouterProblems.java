package jp.tsunagu.shared;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.Router;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers below the JAX-RS layer in problem+json too: unknown routes (404), bodies over the size
 * limit (413), which Vert.x rejects before any resource runs, and calls without credentials (401).
 */
@ApplicationScoped
class RouterProblems {

    void install(@Observes Router router) {
        router.route().order(Integer.MAX_VALUE).handler(ctx -> {
            if (ctx.response().ended()) {
                return;
            }
            Problems.write(ctx.response(), Problems.of(404, "not-found", "見つかりません",
                    "このパスに該当する API はありません。", ctx.request().path(), null));
        });
    }

    /**
     * Bodies over {@code tsunagu.http.max-body-bytes} are refused by their declared length before any
     * resource reads them; Quarkus's own (larger) hard limit still guards bodies sent without a length.
     */
    void limitBodies(@Observes Filters filters,
                     @ConfigProperty(name = "tsunagu.http.max-body-bytes", defaultValue = "1048576") long jsonBytes,
                     @ConfigProperty(name = "tsunagu.http.max-import-bytes", defaultValue = "10485760") long importBytes) {
        filters.register(ctx -> {
            // Spreadsheet uploads may be larger than JSON bodies.
            long maxBytes = ctx.request().path().endsWith("/imports") ? importBytes : jsonBytes;
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > maxBytes) {
                ctx.request().pause();
                ctx.response().putHeader("Connection", "close");
                Problems.write(ctx.response(), Problems.of(413, "payload-too-large", "リクエストが大きすぎます",
                        "リクエスト本文が上限（" + (maxBytes / 1024) + " KiB）を超えています。", ctx.request().path(), null));
                return;
            }
            ctx.next();
        }, 1000);
    }

    /** The only API paths anyone may call without credentials: signing in and the first administrator's setup. */
    static final java.util.Set<String> PUBLIC = java.util.Set.of("/api/v1/auth/token", "/api/v1/auth/options", "/api/v1/setup");

    /**
     * No credentials, no answer but 401: before content negotiation, parameter checks or validation, which would
     * otherwise tell an anonymous caller 415 or 400 about an operation they may not use at all.
     */
    void requireCredentials(@Observes Filters filters) {
        filters.register(ctx -> {
            String path = ctx.request().path();
            if (path.startsWith("/api/v1/") && !PUBLIC.contains(path) && ctx.request().method() != io.vertx.core.http.HttpMethod.OPTIONS
                    && ctx.request().getHeader("Authorization") == null) {
                ctx.request().pause();
                ctx.response().putHeader("WWW-Authenticate", "Bearer");
                Problems.write(ctx.response(), Problems.unauthorized(path));
                return;
            }
            ctx.next();
        }, 900);
    }
}
