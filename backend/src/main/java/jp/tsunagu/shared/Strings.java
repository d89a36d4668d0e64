package jp.tsunagu.shared;

/** Text as people leave it in forms, cells and query strings: blank means absent. */
public final class Strings {

    private Strings() {
    }

    /** The text without surrounding spaces, or null when there is none (null, empty or only spaces). */
    public static String strippedOrNull(String s) {
        return absent(s) ? null : s.strip();
    }

    /** True when there is no text: null, empty or only spaces. */
    public static boolean absent(String s) {
        return s == null || s.isBlank();
    }
}
