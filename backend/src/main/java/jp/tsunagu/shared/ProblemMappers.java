package jp.tsunagu.shared;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.hibernate.StaleObjectStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Every exception becomes an RFC 9457 problem here. Details are written for people; stack traces and
 * SQL go to the log only.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.fromResponse(
                Problems.response(Problems.of(e.status(), e.type(), e.title(), e.getMessage(), path(uri), e.errors(), e.counts())));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class, JsonParseException.class})
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException jme ? fieldPath(jme) : "";
        String message;
        if (e instanceof UnrecognizedPropertyException u) {
            message = "未知の項目です（使える項目: " + u.getKnownPropertyIds().stream().map(String::valueOf).sorted()
                    .collect(Collectors.joining(", ")) + "）";
        } else if (e instanceof JsonText.HostileStringException h) {
            message = h.getOriginalMessage();
        } else if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
            message = "「" + f.getValue() + "」は使えない値です（使える値: " + Arrays.stream(f.getTargetType().getEnumConstants())
                    .map(String::valueOf).collect(Collectors.joining(", ")) + "）";
        } else if (e instanceof InvalidFormatException f) {
            message = "「" + f.getValue() + "」は " + simpleType(f.getTargetType()) + " として読めません";
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == null ? "形式が正しくありません" : simpleType(m.getTargetType()) + " が必要です";
        } else {
            return Problems.response(Problems.of(400, "malformed-json", "JSON として読めません",
                    "リクエスト本文が正しい JSON ではありません" + location(e), path(uri), null));
        }
        String name = field.isEmpty() ? "body" : field;
        return Problems.response(Problems.invalid(name, message, path(uri)));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized(RuntimeException e, UriInfo uri) {
        return Response.fromResponse(Problems.response(Problems.unauthorized(path(uri))))
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return Problems.response(Problems.of(403, "forbidden", "権限がありません",
                "この操作に必要な権限（ロールまたはスコープ）がありません。", path(uri), null));
    }

    @ServerExceptionMapper({OptimisticLockException.class, StaleObjectStateException.class})
    public Response stale(RuntimeException e, UriInfo uri) {
        return problem(ProblemException.staleVersion("このデータ"), uri);
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if (e instanceof OptimisticLockException) {
            return stale(e, uri);
        }
        String state = sqlState(e);
        if ("23505".equals(state)) {
            return problem(ProblemException.conflict("duplicate", "同じキーのデータがすでにあります。"), uri);
        }
        if ("23503".equals(state)) {
            return problem(ProblemException.conflict("still-referenced", "他のデータから参照されているため、この操作はできません。"), uri);
        }
        if ("23514".equals(state) || "22001".equals(state)) {
            return problem(ProblemException.unprocessable("constraint-violated", "値がデータの制約に合いません。"), uri);
        }
        return internal(e, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return internal(e, uri);
        }
        String slug;
        String title;
        String detail;
        switch (status) {
            case 404 -> { slug = "not-found"; title = "見つかりません"; detail = "指定されたリソースはありません。"; }
            case 405 -> { slug = "method-not-allowed"; title = "許可されていないメソッドです"; detail = "このパスはそのメソッドを受け付けません。"; }
            case 406 -> { slug = "not-acceptable"; title = "応答形式に対応していません"; detail = "Accept に指定された形式では応答できません。"; }
            case 413 -> { slug = "payload-too-large"; title = "リクエストが大きすぎます"; detail = "リクエスト本文が上限を超えています。"; }
            case 415 -> { slug = "unsupported-media-type"; title = "メディアタイプに対応していません"; detail = "Content-Type: application/json で送ってください。"; }
            default -> { slug = "bad-request"; title = "リクエストが正しくありません"; detail = "リクエストを処理できません。"; }
        }
        if (status == 400 && e.getCause() instanceof JsonProcessingException jpe) {
            return unreadableJson(jpe, uri);
        }
        if (status == 400 && e.getMessage() != null && !e.getMessage().startsWith("HTTP 400")) {
            detail = e.getMessage();
        }
        return Problems.response(Problems.of(status, slug, title, detail, path(uri), null));
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        if (databaseUnavailable(e)) {
            // Down or restarting: say so, and when to try again, instead of an internal error. Readiness is DOWN meanwhile.
            LOG.warn("Database unavailable on " + path(uri) + ": " + e);
            return Response.fromResponse(Problems.response(Problems.of(503, "service-unavailable", "一時的に利用できません",
                            "データベースに接続できません。しばらくしてからもう一度お試しください。", path(uri), null)))
                    .header("Retry-After", "5").build();
        }
        LOG.error("Unhandled error on " + path(uri), e);
        return Problems.response(Problems.of(500, "internal-error", "内部エラーが発生しました",
                "処理中に問題が発生しました。時間をおいてもう一度お試しください。", path(uri), null));
    }

    static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }

    private static String fieldPath(JsonMappingException e) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!out.isEmpty()) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String location(JsonProcessingException e) {
        return e.getLocation() == null ? "" : "（" + e.getLocation().getLineNr() + " 行 " + e.getLocation().getColumnNr() + " 文字目付近）";
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "値";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "数値";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "真偽値 (true/false)";
        }
        if (type == String.class) {
            return "文字列";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "配列";
        }
        return "オブジェクト";
    }

    /**
     * Whether the failure is the database being away (connection refused or lost, the server shutting down or
     * starting, no connection free in time), not a fault of the request or of the code.
     */
    static boolean databaseUnavailable(Throwable e) {
        // Causes and suppressed ones: a commit that fails as the server goes away arrives as the transaction manager's
        // RollbackException with the driver's I/O error suppressed under an XAException.
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.add(e);
        while (!todo.isEmpty()) {
            Throwable t = todo.poll();
            if (!seen.add(t)) {
                continue;
            }
            if (t instanceof java.sql.SQLTransientConnectionException || t instanceof java.net.ConnectException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                    return true;
                }
            }
            if (t instanceof SQLException sql && sql.getMessage() != null && sql.getMessage().contains("Acquisition timeout")) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.Arrays.asList(t.getSuppressed()));
        }
        return false;
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
