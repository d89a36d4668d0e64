package jp.tsunagu.indicator;

/** Where a value change came from: typed on screen, imported from a sheet, derived (支援統計, アンケート), pushed by a token. */
public enum ValueOrigin {
    TYPED, IMPORTED, SUPPORT_STATS, SURVEY, TOKEN;

    /** Who wrote a value and how: the person or token, and for a token or a derivation the name of what wrote it. */
    public record Author(String who, ValueOrigin origin, String originName) {

        public static Author typed(String who) {
            return new Author(who, TYPED, null);
        }

        public static Author imported(String who, String what) {
            return new Author(who, IMPORTED, what);
        }

        public static Author token(String who, String tokenName) {
            return new Author(who, TOKEN, tokenName);
        }
    }

    /** A derived value's source ({@code survey:<code>}, {@code support-stats:<area>:…}) as an origin and its name. */
    static Author derived(String who, String source) {
        if (source.startsWith("survey:")) {
            return new Author(who, SURVEY, source.substring("survey:".length()));
        }
        return new Author(who, SUPPORT_STATS, source.startsWith("support-stats:") ? source.substring("support-stats:".length()) : source);
    }
}
