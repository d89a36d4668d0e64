package jp.tsunagu.shared;

import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses; the one place that knows their shape and type URIs. */
public final class Problems {

    private Problems() {
    }

    public static String typeUri(String slug) {
        return "/problems/" + slug;
    }

    public static Problem of(int status, String slug, String title, String detail, String instance,
                             List<Problem.FieldError> errors) {
        return new Problem(typeUri(slug), title, status, detail, instance, errors);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** For answers written outside JAX-RS (the router's catch-all routes). */
    public static void write(HttpServerResponse response, Problem problem) {
        String body = "{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                + problem.status() + ",\"detail\":\"" + problem.detail() + "\""
                + (problem.instance() == null ? "" : ",\"instance\":\"" + jsonEscape(problem.instance()) + "\"") + "}";
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=UTF-8").end(body);
    }

    private static String jsonEscape(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
