package jp.tsunagu.shared;

import java.util.Optional;

/**
 * Characters no person types and PostgreSQL or a reader cannot take: NUL and the other control characters,
 * unpaired surrogates (half a character), and U+FFFD (what a decoder leaves of overlong or broken UTF-8).
 * Text fields may hold tabs and line breaks; path and query parameters may not.
 */
public final class HostileText {

    private HostileText() {
    }

    /** Why this text of a body field is refused, or empty when it is fine. */
    public static Optional<String> inText(String s) {
        return check(s, true);
    }

    /** Why this path or query parameter is refused, or empty when it is fine. */
    public static Optional<String> inParameter(String s) {
        return check(s, false);
    }

    private static Optional<String> check(String s, boolean lineBreaks) {
        if (s == null) {
            return Optional.empty();
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 0) {
                return Optional.of("NUL 文字（U+0000）は使えません");
            }
            if ((c < 0x20 && !(lineBreaks && (c == '\t' || c == '\n' || c == '\r'))) || c == 0x7F || (c >= 0x80 && c < 0xA0)) {
                return Optional.of(String.format("制御文字（U+%04X）は使えません", (int) c));
            }
            if (c == '\uFFFD') {
                return Optional.of("文字コードが正しくない文字（U+FFFD、壊れた UTF-8 など）が含まれています");
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return Optional.of("対になっていないサロゲート（壊れた文字）が含まれています");
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of("対になっていないサロゲート（壊れた文字）が含まれています");
            }
        }
        return Optional.empty();
    }
}
