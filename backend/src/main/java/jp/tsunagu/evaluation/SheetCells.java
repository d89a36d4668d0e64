package jp.tsunagu.evaluation;

import jp.tsunagu.indicator.Direction;
import jp.tsunagu.indicator.Marker;
import jp.tsunagu.indicator.ValueKind;
import jp.tsunagu.shared.FiscalYears;
import jp.tsunagu.shared.JapaneseNumbers;
import jp.tsunagu.shared.Strings;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 成果指標 and 取組結果 cells the way cities write them. Every reading that rests on a rule
 * rather than on what the cell says (a target year taken from the plan, a name split at the first
 * space) is reported as a note; what cannot be read at all is reported as an error.
 */
final class SheetCells {

    /** What the reader says about a cell. */
    record Note(String message, boolean error) {
    }

    record Value(int fiscalYear, ValueKind kind, String option, BigDecimal value, Marker marker) {
    }

    record Indicator(String name, boolean notSet, String notSetReason, String unit, Direction direction,
                     List<String> options, List<Value> values, String rationale) {
    }

    private static final String FY = FiscalYears.regex();
    private static final String NUM = "[-−－]?[0-9０-９][0-9０-９,，]*(?:[.．][0-9０-９]+)?";
    private static final String UNIT = "(?:%|％|件|回・人|回|箇所|か所|ヶ所|人|世帯|校\\(地\\)区|校（地）区|校区|地区|事業|団体|台|戸)?";
    private static final String VALUE = "(?:" + NUM + "\\s*" + UNIT + "|現状維持|前年度維持|\\*\\*\\*)";

    private static final Pattern NOT_SET = Pattern.compile("^(?:(?<name>[^\\n]*?)\\s*(?:[-－]\\s*|\\n))?未設定(?:\\s+(?<reason>[\\s\\S]*))?$");
    private static final Pattern OPTION = Pattern.compile("・\\s*(?<label>[^\\s・]+)\\s+(?<num>" + NUM + ")\\s*(?<unit>" + UNIT + ")");
    private static final Pattern BASE_TO_TARGET = Pattern.compile("^(?<name>[\\s\\S]*?)\\s*(?<by>" + FY + ")\\s*[：:]\\s*(?<bv>" + VALUE
            + ")\\s*→\\s*(?<ty>" + FY + ")\\s*[：:]\\s*(?<tv>" + VALUE + ")(?<rest>[\\s\\S]*)$");
    private static final Pattern TO_TARGET = Pattern.compile("^(?<name>[\\s\\S]*?)\\s*→\\s*(?:(?<ty>" + FY + ")\\s*[：:]\\s*)?(?<tv>" + VALUE
            + ")\\s*(?:[（(]\\s*参考\\s*[：:]\\s*(?<ry>" + FY + ")\\s*(?<rv>" + NUM + ")\\s*" + UNIT + "\\s*[)）])?(?<rest>[\\s\\S]*)$");
    private static final Pattern BASE_ONLY = Pattern.compile("^(?<name>[^\\n]+?)\\s*(?<by>" + FY + ")\\s*[：:]\\s*(?<bv>" + NUM + "\\s*" + UNIT
            + ")(?<rest>[\\s\\S]*)$");
    private static final Pattern NUMBER = Pattern.compile("(" + NUM + ")\\s*(" + UNIT + ")");

    private static final Pattern YEAR_ACTUAL = Pattern.compile("(?<fy>" + FY + ")\\s*実績\\s*[：:]\\s*(?<v>" + NUM + ")\\s*" + UNIT);
    private static final Pattern FROM_TO = Pattern.compile("(?<fy>" + FY + ")の\\s*(?<v1>" + NUM + ")\\s*" + UNIT + "\\s*から\\s*(?<v2>" + NUM + ")\\s*" + UNIT + "\\s*へ");
    private static final Pattern LABELLED = Pattern.compile("(?<label>[^\\s：:・]{3,})\\s*[：:]\\s*(?<v>" + NUM + ")\\s*" + UNIT);

    private SheetCells() {
    }

    /** The indicators of one 成果指標 cell (several are separated by a blank line). */
    static List<Indicator> indicators(String cell, int defaultTargetYear, List<Note> notes) {
        List<Indicator> out = new ArrayList<>();
        if (Strings.absent(cell)) {
            return out;
        }
        for (String block : cell.strip().split("\\r?\\n\\s*\\r?\\n")) {
            if (!block.isBlank()) {
                out.add(indicator(block.strip(), defaultTargetYear, notes));
            }
        }
        return out;
    }

    static Indicator indicator(String c, int defaultTargetYear, List<Note> notes) {
        Matcher m = NOT_SET.matcher(c);
        if (m.matches()) {
            String name = Strings.strippedOrNull(m.group("name"));
            return new Indicator(name == null ? "未設定" : name, true, Strings.strippedOrNull(m.group("reason")), null, null, List.of(), List.of(), null);
        }
        List<Value> values = new ArrayList<>();
        Matcher o = OPTION.matcher(c);
        List<String> options = new ArrayList<>();
        int first = -1;
        int last = -1;
        String unit = null;
        while (o.find()) {
            if (first < 0) {
                first = o.start();
            }
            last = o.end();
            options.add(o.group("label"));
            unit = unit == null ? Strings.strippedOrNull(o.group("unit")) : unit;
            values.add(new Value(defaultTargetYear, ValueKind.TARGET, o.group("label"), JapaneseNumbers.number(o.group("num")), null));
        }
        if (options.size() >= 2) {
            if (options.stream().distinct().count() != options.size()) {
                notes.add(new Note("内訳の選択肢が重複しています: " + options, true));
            }
            notes.add(new Note("目標年度の記載がないため、計画の最終年度 " + FiscalYears.format(defaultTargetYear) + " の目標値として読みました", false));
            return new Indicator(c.substring(0, first).strip(), false, null, unit, Direction.INCREASE, options, values,
                    Strings.strippedOrNull(c.substring(last)));
        }
        m = BASE_TO_TARGET.matcher(c);
        if (m.matches() && !m.group("name").isBlank()) {
            Value base = value(FiscalYears.parse(m.group("by")), ValueKind.BASELINE, m.group("bv"), notes);
            Value target = value(FiscalYears.parse(m.group("ty")), ValueKind.TARGET, m.group("tv"), notes);
            return single(m.group("name"), List.of(base, target), m.group("rest"), unitOf(m.group("bv"), m.group("tv")));
        }
        m = TO_TARGET.matcher(c);
        if (m.matches() && !m.group("name").isBlank()) {
            int year = defaultTargetYear;
            if (m.group("ty") != null) {
                year = FiscalYears.parse(m.group("ty"));
            } else {
                notes.add(new Note("目標年度の記載がないため、計画の最終年度 " + FiscalYears.format(defaultTargetYear) + " の目標値として読みました", false));
            }
            List<Value> vs = new ArrayList<>();
            if (m.group("ry") != null) {
                vs.add(new Value(FiscalYears.parse(m.group("ry")), ValueKind.BASELINE, null, JapaneseNumbers.number(m.group("rv")), null));
                notes.add(new Note("（参考: …）の値を基準値として読みました", false));
            }
            vs.add(value(year, ValueKind.TARGET, m.group("tv"), notes));
            return single(m.group("name"), vs, m.group("rest"), unitOf(m.group("tv"), m.group("rv") == null ? null : m.group(0)));
        }
        m = BASE_ONLY.matcher(c);
        if (m.matches()) {
            Value base = value(FiscalYears.parse(m.group("by")), ValueKind.BASELINE, m.group("bv"), notes);
            return single(m.group("name"), List.of(base), m.group("rest"), unitOf(m.group("bv"), null));
        }
        String[] split = c.contains("\n") ? c.split("\\r?\\n", 2) : c.split("\\s+", 2);
        notes.add(new Note("成果指標の数値を読み取れないため、最初の" + (c.contains("\n") ? "行" : "空白まで") + "を指標名、残りを指標設定の考え方として読みました", false));
        return new Indicator(split[0].strip(), false, null, null, null, List.of(), List.of(), split.length > 1 ? Strings.strippedOrNull(split[1]) : null);
    }

    private static Indicator single(String name, List<Value> values, String rest, String unit) {
        boolean maintain = values.stream().anyMatch(v -> v.marker() == Marker.MAINTAIN_BASELINE || v.marker() == Marker.MAINTAIN_PREVIOUS);
        return new Indicator(name.strip(), false, null, unit, maintain ? Direction.MAINTAIN : null, List.of(), values, Strings.strippedOrNull(rest));
    }

    private static Value value(int year, ValueKind kind, String text, List<Note> notes) {
        String t = text.strip();
        return switch (t) {
            case "現状維持" -> new Value(year, kind, null, null, Marker.MAINTAIN_BASELINE);
            case "前年度維持" -> new Value(year, kind, null, null, Marker.MAINTAIN_PREVIOUS);
            case "***" -> new Value(year, kind, null, null, Marker.NOT_APPLICABLE);
            default -> {
                Matcher n = NUMBER.matcher(t);
                if (!n.matches()) {
                    notes.add(new Note("「" + t + "」を数値として読めません", true));
                    yield new Value(year, kind, null, null, null);
                }
                yield new Value(year, kind, null, JapaneseNumbers.number(n.group(1)), null);
            }
        };
    }

    private static String unitOf(String a, String b) {
        for (String s : new String[] {a, b}) {
            if (s != null) {
                Matcher n = NUMBER.matcher(s.strip());
                if (n.find() && !n.group(2).isEmpty()) {
                    return n.group(2);
                }
            }
        }
        return null;
    }

    /** The actuals a 取組結果 cell states for an indicator: per option, "R3年度実績: 74", "令和3年度の835回から1,305回へ", "名前 1,305回". */
    static List<Value> actuals(String cell, Indicator indicator, int sheetYear, List<Note> notes) {
        Map<String, Value> found = new LinkedHashMap<>();
        if (Strings.absent(cell) || indicator.notSet()) {
            return List.of();
        }
        String c = cell.strip();
        Matcher o = OPTION.matcher(c);
        while (o.find()) {
            if (indicator.options().contains(o.group("label"))) {
                put(found, new Value(sheetYear, ValueKind.ACTUAL, o.group("label"), JapaneseNumbers.number(o.group("num")), null), notes);
            } else if (!indicator.options().isEmpty()) {
                notes.add(new Note("取組結果の「" + o.group("label") + "」は指標の内訳（" + String.join(" / ", indicator.options()) + "）にありません", true));
            }
        }
        Matcher y = YEAR_ACTUAL.matcher(c);
        while (y.find()) {
            put(found, new Value(FiscalYears.parse(y.group("fy")), ValueKind.ACTUAL, null, JapaneseNumbers.number(y.group("v")), null), notes);
        }
        Matcher f = FROM_TO.matcher(c);
        while (f.find()) {
            int from = FiscalYears.parse(f.group("fy"));
            if (from < sheetYear) {
                put(found, new Value(from, ValueKind.ACTUAL, null, JapaneseNumbers.number(f.group("v1")), null), notes);
                put(found, new Value(sheetYear, ValueKind.ACTUAL, null, JapaneseNumbers.number(f.group("v2")), null), notes);
            }
        }
        if (indicator.options().isEmpty()) {
            Matcher named = Pattern.compile("^" + Pattern.quote(indicator.name()) + "\\s*[：:]?\\s*(" + NUM + ")\\s*" + UNIT + "(?:\\s|$)").matcher(c);
            if (named.find()) {
                put(found, new Value(sheetYear, ValueKind.ACTUAL, null, JapaneseNumbers.number(named.group(1)), null), notes);
            }
            Matcher l = LABELLED.matcher(c);
            while (l.find()) {
                if (indicator.name().contains(l.group("label")) && !l.group("label").matches(".*年度.*")) {
                    put(found, new Value(sheetYear, ValueKind.ACTUAL, null, JapaneseNumbers.number(l.group("v")), null), notes);
                }
            }
        }
        return new ArrayList<>(found.values());
    }

    private static void put(Map<String, Value> found, Value v, List<Note> notes) {
        String key = v.fiscalYear() + "|" + v.option();
        Value previous = found.putIfAbsent(key, v);
        if (previous != null && previous.value().compareTo(v.value()) != 0) {
            notes.add(new Note(FiscalYears.format(v.fiscalYear()) + (v.option() == null ? "" : "（" + v.option() + "）") + " の実績値が "
                    + previous.value().toPlainString() + " と " + v.value().toPlainString() + " の 2 通りに読めます", true));
        }
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
