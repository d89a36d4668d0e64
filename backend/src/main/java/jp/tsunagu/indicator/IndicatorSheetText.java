package jp.tsunagu.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.plan.PlanNode;
import jp.tsunagu.shared.FiscalYears;
import jp.tsunagu.shared.JapaneseNumbers;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Writes a measure's indicators into the 成果指標 cell of the evaluation sheet, as cities write them:
 * the name, then the figures (令和元年度：1,530回 → 令和5年度：現状維持, or ・月4回以上 70箇所 per option),
 * then 指標設定の考え方; 未設定 with its reason.
 */
@ApplicationScoped
public class IndicatorSheetText {

    private final IndicatorRepository indicators;

    IndicatorSheetText(IndicatorRepository indicators) {
        this.indicators = indicators;
    }

    public String cell(PlanNode node, int fiscalYear) {
        List<String> blocks = new ArrayList<>();
        for (Indicator i : indicators.onNodes(List.of(node)).stream().sorted(Comparator.comparingInt((Indicator x) -> x.position).thenComparing(x -> x.code)).toList()) {
            blocks.add(block(i, indicators.values(i), fiscalYear));
        }
        return String.join("\n\n", blocks);
    }

    static String block(Indicator i, List<IndicatorValue> values, int fiscalYear) {
        List<String> lines = new ArrayList<>();
        if (i.notSet) {
            if (!"未設定".equals(i.name)) {
                lines.add(i.name);
            }
            lines.add("未設定");
            if (i.notSetReason != null) {
                lines.add(i.notSetReason);
            }
            return String.join("\n", lines);
        }
        lines.add(i.name);
        if (!i.options.isEmpty()) {
            Optional<Integer> year = targetYear(values, fiscalYear, true);
            year.ifPresent(y -> {
                for (IndicatorOption o : i.options) {
                    values.stream().filter(v -> v.kind == ValueKind.TARGET && v.fiscalYear == y && v.option != null && v.option.id.equals(o.id))
                            .findFirst().ifPresent(v -> lines.add("・" + o.name + " " + text(v, i.unit)));
                }
            });
        } else {
            Optional<IndicatorValue> baseline = values.stream().filter(v -> v.kind == ValueKind.BASELINE && v.option == null)
                    .max(Comparator.comparingInt(v -> v.fiscalYear));
            Optional<Integer> year = targetYear(values, fiscalYear, false);
            Optional<IndicatorValue> target = year.flatMap(y -> values.stream()
                    .filter(v -> v.kind == ValueKind.TARGET && v.option == null && v.fiscalYear == y).findFirst());
            String figures = baseline.map(b -> FiscalYears.format(b.fiscalYear) + "：" + text(b, i.unit)).orElse("")
                    + target.map(t -> (baseline.isPresent() ? " → " : "→ ") + FiscalYears.format(t.fiscalYear) + "：" + text(t, i.unit)).orElse("");
            if (!figures.isEmpty()) {
                lines.add(figures);
            }
        }
        if (i.rationale != null) {
            lines.add(i.rationale);
        }
        return String.join("\n", lines);
    }

    /** The target year the sheet shows: the first at or after the sheet's year, else the last. */
    private static Optional<Integer> targetYear(List<IndicatorValue> values, int fiscalYear, boolean options) {
        List<Integer> years = values.stream().filter(v -> v.kind == ValueKind.TARGET && (v.option != null) == options)
                .map(v -> v.fiscalYear).distinct().sorted().toList();
        return years.stream().filter(y -> y >= fiscalYear).findFirst().or(() -> years.isEmpty() ? Optional.empty() : Optional.of(years.get(years.size() - 1)));
    }

    static String text(IndicatorValue v, String unit) {
        if (v.marker != null) {
            return v.marker.label();
        }
        BigDecimal value = v.value;
        return JapaneseNumbers.format(value) + (unit == null ? "" : unit);
    }
}
