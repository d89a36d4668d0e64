package jp.tsunagu.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The opaque {@code nextCursor} of a paged list: the sort key of the last item, base64url-encoded so that clients
 * pass it back unchanged rather than build it. A cursor that does not decode is a 400 on {@code cursor}.
 */
public final class PageCursor {

    private PageCursor() {
    }

    public static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    public static String encode(long key) {
        return encode(Long.toString(key));
    }

    public static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", "カーソルが正しくありません");
        }
    }

    public static long decodeLong(String cursor) {
        try {
            return Long.parseLong(decode(cursor));
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("cursor", "カーソルが正しくありません");
        }
    }

    /** A sort key of several parts (e.g. day and id), each part's text kept as it is. */
    public static String encodeParts(Object... parts) {
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                key.append(SEPARATOR);
            }
            key.append(parts[i]);
        }
        return encode(key.toString());
    }

    /** The parts of a cursor made by {@link #encodeParts}: exactly {@code count} of them, else a 400 on {@code cursor}. */
    public static String[] decodeParts(String cursor, int count) {
        String[] parts = decode(cursor).split(String.valueOf(SEPARATOR), -1);
        if (parts.length != count) {
            throw ProblemException.invalid("cursor", "カーソルが正しくありません");
        }
        return parts;
    }

    /** Between the parts of a key: a line break, which no code, day or number contains. */
    private static final char SEPARATOR = '\n';
}
