package jp.tsunagu.shared;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerResponse;
import jakarta.ws.rs.core.Response;

import java.util.List;

/** Builds problem+json responses; the one place that knows their shape and type URIs. */
public final class Problems {

    /** Plain Jackson (no CDI here: the router's routes run before the REST layer); the record's annotations apply. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private Problems() {
    }

    public static String typeUri(String slug) {
        return "/problems/" + slug;
    }

    public static Problem of(int status, String slug, String title, String detail, String instance,
                             List<Problem.FieldError> errors) {
        return new Problem(typeUri(slug), title, status, detail, instance, errors);
    }

    public static Problem of(int status, String slug, String title, String detail, String instance,
                             List<Problem.FieldError> errors, java.util.Map<String, Long> counts) {
        return new Problem(typeUri(slug), title, status, detail, instance, errors, counts);
    }

    public static Response response(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** For answers written outside JAX-RS (the router's catch-all routes): the same record, written by Jackson. */
    public static void write(HttpServerResponse response, Problem problem) {
        String body;
        try {
            body = JSON.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem could not be written as JSON", e);
        }
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE + ";charset=UTF-8").end(body);
    }
}
