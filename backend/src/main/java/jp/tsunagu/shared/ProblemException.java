package jp.tsunagu.shared;

import java.util.List;
import java.util.Map;

/** Thrown by services to answer with a problem; {@link ProblemMappers} turns it into problem+json. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<Problem.FieldError> errors;
    private Map<String, String> headers = Map.of();
    private Map<String, Long> counts;

    public ProblemException(int status, String type, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors;
    }

    public static ProblemException notFound(String type, String detail) {
        return new ProblemException(404, type, "見つかりません", detail, null);
    }

    public static ProblemException conflict(String type, String detail) {
        return new ProblemException(409, type, "競合しています", detail, null);
    }

    public static ProblemException badRequest(String type, String detail) {
        return new ProblemException(400, type, "リクエストが正しくありません", detail, null);
    }

    public static ProblemException invalid(String field, String message) {
        return new ProblemException(400, "validation-failed", "入力内容に誤りがあります", field + ": " + message,
                List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException unprocessable(String type, String detail) {
        return new ProblemException(422, type, "処理できない内容です", detail, null);
    }

    public static ProblemException staleVersion(String what) {
        return conflict("stale-version", what + " は他の人が先に更新しました。最新の内容を読み込んでからやり直してください。");
    }

    public static ProblemException tooManyAttempts(long retryAfterSeconds) {
        ProblemException e = new ProblemException(429, "too-many-attempts", "しばらく待ってからお試しください",
                "ログインの失敗が続いたため、" + retryAfterSeconds + " 秒後までお待ちください。", null);
        e.headers = Map.of("Retry-After", Long.toString(retryAfterSeconds));
        return e;
    }

    /** 422 naming the field: the input is well-formed but breaks a rule of the domain. */
    public static ProblemException unprocessable(String type, String field, String message) {
        return new ProblemException(422, type, "処理できない内容です", field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    /** The same problem, with what stands in the way counted. */
    public ProblemException withCounts(Map<String, Long> counts) {
        this.counts = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(counts));
        return this;
    }

    public Map<String, Long> counts() {
        return counts;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    public List<Problem.FieldError> errors() {
        return errors;
    }
}
