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
}
