package jp.tsunagu.shared;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters that JAX-RS hands over as text: one answer for a missing or unreadable value. */
public final class QueryParams {

    private QueryParams() {
    }

    /** The value, or a 400 naming the parameter when it is missing. */
    public static String required(String name, String value) {
        if (Strings.absent(value)) {
            throw ProblemException.invalid(name, "必須項目です");
        }
        return value.strip();
    }

    /** An ISO 8601 date-time, or null when absent; a 400 naming the parameter when it does not read. */
    public static OffsetDateTime dateTime(String name, String value) {
        if (Strings.absent(value)) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw ProblemException.invalid(name, "ISO 8601 の日時（例: 2026-04-01T00:00:00+09:00）で指定してください");
        }
    }
}
