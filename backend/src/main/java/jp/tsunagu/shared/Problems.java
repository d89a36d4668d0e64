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

    /** One field's input refused: 400 validation-failed naming it. */
    public static Problem invalid(String field, String message, String instance) {
        return of(400, "validation-failed", "入力内容に誤りがあります", field + ": " + message, instance,
                List.of(new Problem.FieldError(field, message)));
    }

    /** The answer to a call without (valid) credentials, wherever it is refused: the router or a resource. */
    public static Problem unauthorized(String instance) {
        return of(401, "unauthorized", "認証が必要です", "有効なアクセストークンを Authorization: Bearer で送ってください。", instance, null);
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
