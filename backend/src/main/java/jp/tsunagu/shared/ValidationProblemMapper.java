package jp.tsunagu.shared;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.validation.ValidationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Replaces Quarkus's built-in mapper for Bean Validation: one problem listing every failing field,
 * named as the client sent it ({@code contacts[0].phone}, not {@code update.request.contacts[0].phone}).
 */
@Provider
public class ValidationProblemMapper implements ExceptionMapper<ValidationException> {

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(ValidationException exception) {
        if (!(exception instanceof ConstraintViolationException cve)) {
            return Problems.response(Problems.of(500, "internal-error", "内部エラーが発生しました",
                    "処理中に問題が発生しました。", ProblemMappers.path(uri), null));
        }
        List<Problem.FieldError> errors = cve.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(field(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .toList();
        String detail = errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; "));
        return Problems.response(Problems.of(400, "validation-failed", "入力内容に誤りがあります", detail,
                ProblemMappers.path(uri), errors));
    }

    /** Drops the method and parameter nodes: the client knows its fields, not our Java signatures. */
    private static String field(ConstraintViolation<?> violation) {
        StringBuilder out = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.isInIterable() && node.getIndex() != null && !out.isEmpty()) {
                out.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(node.getName());
            }
        }
        if (out.isEmpty()) {
            return parameter == null ? "body" : parameter;
        }
        return out.toString();
    }
}
