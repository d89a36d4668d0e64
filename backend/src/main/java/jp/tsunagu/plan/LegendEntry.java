package jp.tsunagu.plan;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** One line of a role legend as printed: a symbol (◎ ○ □ …), what it means there, and which kind of role that is. */
@Embeddable
public class LegendEntry {

    public String symbol;

    public String meaning;

    @Enumerated(EnumType.STRING)
    public ActorRoleKind role;

    LegendEntry() {
    }

    LegendEntry(String symbol, String meaning, ActorRoleKind role) {
        this.symbol = symbol;
        this.meaning = meaning;
        this.role = role;
    }

    private static final java.util.regex.Pattern PRINTED = java.util.regex.Pattern.compile(
            "([^\\s〔「【\\[(（]+)\\s*[〔「【\\[(（]\\s*([^\\s〕」】\\])）]{1,4})\\s*[〕」】\\])）]");

    /** What to tell someone whose legend {@link #parse} could not read. */
    public static final String UNREADABLE = "凡例は「事業の実施主体〔○〕 連携・協力団体〔□〕」のように、意味と記号を組にして書いてください（記号は 1 回ずつ）";

    /** The legend as a sheet prints it: 「事業の実施主体〔○〕 連携・協力団体〔□〕」. */
    public static String line(java.util.List<LegendEntry> legend) {
        return String.join(" ", legend.stream().map(e -> e.meaning + "〔" + e.symbol + "〕").toList());
    }

    /**
     * Reads a printed legend (「事業の実施主体〔○〕 連携・協力団体〔□〕」, 「…「◎」…「○」」): each meaning with its symbol;
     * a meaning that names the body carrying the project out (実施主体, 中心) is LEAD, any other PARTNER. Empty when
     * the text holds no such pair or names a symbol twice.
     */
    public static java.util.Optional<java.util.List<LegendEntry>> parse(String text) {
        java.util.List<LegendEntry> out = new java.util.ArrayList<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        java.util.regex.Matcher m = PRINTED.matcher(text == null ? "" : text.replace("(主な事業や取組)", "").replace("（主な事業や取組）", ""));
        while (m.find()) {
            String meaning = m.group(1).strip();
            String symbol = m.group(2).strip();
            if (!seen.add(symbol)) {
                return java.util.Optional.empty();
            }
            boolean lead = meaning.contains("実施主体") || meaning.contains("中心");
            out.add(new LegendEntry(symbol, meaning, lead ? ActorRoleKind.LEAD : ActorRoleKind.PARTNER));
        }
        return out.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(out);
    }

    boolean sameAs(LegendEntry other) {
        return symbol.equals(other.symbol) && meaning.equals(other.meaning) && role == other.role;
    }

    /** ◎ 実施主体 and ○ 連携・協力: the legend of a plan that prints none of its own. */
    static java.util.List<LegendEntry> standard() {
        return new java.util.ArrayList<>(java.util.List.of(new LegendEntry("◎", "実施主体", ActorRoleKind.LEAD),
                new LegendEntry("○", "連携・協力", ActorRoleKind.PARTNER)));
    }
}
