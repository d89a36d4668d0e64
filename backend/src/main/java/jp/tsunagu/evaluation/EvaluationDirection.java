package jp.tsunagu.evaluation;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** 今後の方向性 of a measure, a closed set: 拡充 / 継続 / 見直し / 縮小 / 廃止 / 完了. */
public enum EvaluationDirection {
    EXPAND("拡充"), CONTINUE("継続"), REVISE("見直し"), REDUCE("縮小"), ABOLISH("廃止"), COMPLETE("完了");

    /** The words cities print for each, as found in 事業調書 (the labels themselves included). */
    private static final Map<String, EvaluationDirection> WORDS = Map.ofEntries(
            Map.entry("拡充", EXPAND), Map.entry("拡大", EXPAND), Map.entry("充実", EXPAND),
            Map.entry("継続", CONTINUE), Map.entry("現状維持", CONTINUE), Map.entry("維持", CONTINUE), Map.entry("継続実施", CONTINUE),
            Map.entry("見直し", REVISE), Map.entry("見直", REVISE), Map.entry("改善", REVISE), Map.entry("改善・見直し", REVISE),
            Map.entry("縮小", REDUCE),
            Map.entry("廃止", ABOLISH),
            Map.entry("完了", COMPLETE), Map.entry("終了", COMPLETE));

    /** 【継続】… / [継続] … / ［継続］…: a word in brackets at the start of the cell. */
    private static final Pattern BRACKETED = Pattern.compile("^[【\\[［〔]\\s*([^】\\]］〕]{1,12}?)\\s*[】\\]］〕]\\s*(.*)$", Pattern.DOTALL);
    /** 継続：… / 継続: … */
    private static final Pattern COLON = Pattern.compile("^(\\S{1,6}?)\\s*[：:]\\s*(.*)$", Pattern.DOTALL);

    private final String label;

    EvaluationDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<EvaluationDirection> fromWord(String word) {
        return Optional.ofNullable(word == null ? null : WORDS.get(word.strip()));
    }

    /** What a 今後の方向性 cell says: the direction (if it names one), the remark beside it, or the unknown word. */
    record Cell(EvaluationDirection direction, String remark, String unknownWord) {
    }

    /**
     * Reads a cell as the city wrote it. A bracketed word must be one of the known words (else {@code unknownWord}
     * is set: an import error, never a guess); a cell that is only a known word, or starts with one and a colon,
     * names it; anything else is a remark with no direction.
     */
    static Cell parse(String text) {
        if (text == null || text.isBlank()) {
            return new Cell(null, null, null);
        }
        String t = text.strip();
        Matcher m = BRACKETED.matcher(t);
        if (m.matches()) {
            Optional<EvaluationDirection> d = fromWord(m.group(1));
            return d.map(direction -> new Cell(direction, blankToNull(m.group(2)), null))
                    .orElseGet(() -> new Cell(null, blankToNull(m.group(2)), m.group(1).strip()));
        }
        Optional<EvaluationDirection> whole = fromWord(t);
        if (whole.isPresent()) {
            return new Cell(whole.get(), null, null);
        }
        Matcher c = COLON.matcher(t);
        if (c.matches() && fromWord(c.group(1)).isPresent()) {
            return new Cell(fromWord(c.group(1)).get(), blankToNull(c.group(2)), null);
        }
        return new Cell(null, t, null);
    }

    /** As the export prints it: 【継続】 before the remark, so that the import reads it back. */
    static String format(EvaluationDirection direction, String remark) {
        String r = remark == null ? "" : remark;
        return direction == null ? r : "【" + direction.label + "】" + r;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
