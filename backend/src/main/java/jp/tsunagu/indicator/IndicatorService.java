package jp.tsunagu.indicator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.plan.NodeIndicatorSummary;
import jp.tsunagu.plan.Plan;
import jp.tsunagu.plan.PlanNode;
import jp.tsunagu.plan.PlanService;
import jp.tsunagu.shared.FiscalYears;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/** Indicators, their values (versioned, remembered), and the rules values must keep. */
@ApplicationScoped
public class IndicatorService implements PlanService.NodeContents {

    private final IndicatorRepository indicators;
    private final PlanService plans;
    private final jp.tsunagu.plan.PlanChanges changes;
    private final ApprovedYears approvedYears;

    private final IndicatorDefinitions definitions;

    IndicatorService(IndicatorRepository indicators, PlanService plans, jp.tsunagu.plan.PlanChanges changes, ApprovedYears approvedYears,
                     IndicatorDefinitions definitions) {
        this.definitions = definitions;
        this.changes = changes;
        this.approvedYears = approvedYears;
        this.indicators = indicators;
        this.plans = plans;
    }

    /** What one write does to the stored value. */
    enum Outcome { CREATED, UPDATED, CLEARED, UNCHANGED }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Indicator require(String code) {
        return indicators.findByCode(code)
                .orElseThrow(() -> ProblemException.notFound("indicator-not-found", "指標 " + code + " はありません。"));
    }

    @Transactional
    public IndicatorResponse create(CreateIndicatorRequest r) {
        if (indicators.findByCode(r.code()).isPresent()) {
            throw ProblemException.conflict("indicator-code-taken", "指標コード " + r.code() + " はすでに使われています。");
        }
        Plan plan = plans.require(r.planCode());
        PlanNode node = plans.requireNode(plan, r.nodeCode());
        Indicator i = new Indicator();
        i.node = node;
        i.code = r.code();
        i.position = (int) indicators.count("node", node);
        applyMeta(i, r.name(), r.unit(), r.direction(), r.rationale(), r.notSet(), r.notSetReason());
        if (r.disaggregation() != null) {
            i.disaggregationName = r.disaggregation().name().strip();
            i.disaggregationAdditive = r.disaggregation().additive();
            for (String name : r.disaggregation().options()) {
                if (i.option(name.strip()).isPresent()) {
                    throw ProblemException.invalid("disaggregation.options", "選択肢「" + name + "」が重複しています");
                }
                IndicatorOption o = new IndicatorOption();
                o.indicator = i;
                o.name = name.strip();
                o.position = i.options.size();
                i.options.add(o);
            }
        }
        indicators.persist(i);
        return response(i);
    }

    @Transactional
    IndicatorResponse update(String code, UpdateIndicatorRequest r, String who) {
        Indicator i = require(code);
        Versions.check(r.version(), i.version, "指標「" + i.name + "」");
        Plan plan = i.node.plan;
        changes.record(plan, "INDICATOR", i.code, "name", i.name, r.name().strip(), who);
        changes.record(plan, "INDICATOR", i.code, "unit", i.unit, r.unit(), who);
        changes.record(plan, "INDICATOR", i.code, "direction", i.direction, r.direction(), who);
        changes.record(plan, "INDICATOR", i.code, "rationale", i.rationale, r.rationale(), who);
        changes.record(plan, "INDICATOR", i.code, "notSet", i.notSet + (i.notSetReason == null ? "" : ":" + i.notSetReason),
                r.notSet() + (r.notSet() && r.notSetReason() != null ? ":" + r.notSetReason() : ""), who);
        applyMeta(i, r.name(), r.unit(), r.direction(), r.rationale(), r.notSet(), r.notSetReason());
        i.updatedAt = OffsetDateTime.now();
        indicators.flush();
        return response(i);
    }

    private static void applyMeta(Indicator i, String name, String unit, Direction direction, String rationale,
                                  boolean notSet, String notSetReason) {
        if (!notSet && (Strings.absent(unit) || direction == null)) {
            throw new ProblemException(400, "validation-failed", "入力内容に誤りがあります", "単位と方向は、未設定でない指標には必須です",
                    java.util.stream.Stream.of(Strings.absent(unit) ? "unit" : null, direction == null ? "direction" : null)
                            .filter(Objects::nonNull).map(f -> new Problem.FieldError(f, "未設定でない指標には必須です")).toList());
        }
        i.name = name.strip();
        i.unit = Strings.strippedOrNull(unit);
        i.direction = direction;
        i.rationale = rationale;
        i.notSet = notSet;
        i.notSetReason = notSet ? notSetReason : null;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    IndicatorResponse get(String code) {
        return response(require(code));
    }

    IndicatorResponse response(Indicator i) {
        List<IndicatorValue> values = i.id == null ? List.of() : indicators.values(i);
        Plan plan = i.node.plan;
        Achievement.Thresholds thresholds = new Achievement.Thresholds(plan.gradeA, plan.gradeB, plan.gradeC);
        Map<String, List<Achievement.Point>> bySeries = new LinkedHashMap<>();
        bySeries.put("", new ArrayList<>());
        i.options.forEach(o -> bySeries.put(o.name, new ArrayList<>()));
        for (IndicatorValue v : values) {
            bySeries.computeIfAbsent(v.optionName() == null ? "" : v.optionName(), k -> new ArrayList<>())
                    .add(new Achievement.Point(v.fiscalYear, v.kind, v.value, v.marker));
        }
        List<SeriesRow> series = new ArrayList<>();
        Direction direction = i.direction == null ? Direction.INCREASE : i.direction;
        bySeries.forEach((option, points) -> Achievement.rows(direction, thresholds, points)
                .forEach(row -> series.add(SeriesRow.of(option.isEmpty() ? null : option, row))));
        DisaggregationDto disaggregation = i.disaggregationName == null ? null
                : new DisaggregationDto(i.disaggregationName, i.disaggregationAdditive, i.options.stream().map(o -> o.name).toList());
        return new IndicatorResponse(i.code, plan.code, plan.title, i.node.code, i.node.title, i.name, i.unit, i.direction,
                i.rationale, i.notSet, i.notSetReason, disaggregation,
                values.stream().map(IndicatorValueResponse::of).toList(), series, i.version,
                i.id == null ? null : definitions.definitionOf(i.id).orElse(null));
    }

    @Transactional
    public IndicatorResponse putValue(String code, int fiscalYear, PutValueRequest r, ValueOrigin.Author who) {
        Indicator i = require(code);
        outsidePeriod(i, fiscalYear, r.kind()).ifPresent(message -> {
            throw ProblemException.unprocessable("target-outside-period", "fiscalYear", message);
        });
        List<Problem.FieldError> errors = new ArrayList<>();
        IndicatorOption option = check(i, fiscalYear, r.kind(), r.option(), r.value(), r.marker(), "", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(400, "validation-failed", "入力内容に誤りがあります",
                    errors.stream().map(e -> e.field() + ": " + e.message()).collect(Collectors.joining("; ")), errors);
        }
        write(i, option, fiscalYear, r.kind(), r.value(), r.marker(), r.version(), who, null);
        checkSums(i, fiscalYear, r.kind(), "");
        return response(i);
    }

    /** All rows or none; every bad row is reported with its index. */
    @Transactional
    public BatchValuesResponse putValues(List<BatchValueRow> rows, ValueOrigin.Author who) {
        return putValues(rows, who, false);
    }

    /**
     * For the demo loader only: the seed's 介護保険 draft (第9期, 2024–2026) reviews 第8期's targets for 2021–2023
     * inside the new plan, as the city printed them, so the period rule on targets is not applied to it.
     */
    @Transactional
    BatchValuesResponse putSeedValues(List<BatchValueRow> rows, String who) {
        return putValues(rows, ValueOrigin.Author.imported(who, "デモデータ"), true);
    }

    private BatchValuesResponse putValues(List<BatchValueRow> rows, ValueOrigin.Author who, boolean targetsOutsidePeriod) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Indicator> byCode = new HashMap<>();
        List<IndicatorOption> options = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            BatchValueRow row = rows.get(n);
            Indicator i = byCode.computeIfAbsent(row.indicatorCode(), c -> indicators.findByCode(c).orElse(null));
            if (i == null) {
                errors.add(new Problem.FieldError("rows[" + n + "].indicatorCode", "指標 " + row.indicatorCode() + " はありません"));
                options.add(null);
                continue;
            }
            int index = n;
            outsidePeriod(i, row.fiscalYear(), row.kind()).filter(message -> !targetsOutsidePeriod)
                    .ifPresent(message -> errors.add(new Problem.FieldError("rows[" + index + "].fiscalYear", message)));
            options.add(check(i, row.fiscalYear(), row.kind(), row.option(), row.value(), row.marker(), "rows[" + n + "].", errors));
        }
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "batch-rejected", "一括登録を受け付けられません",
                    errors.size() + " 行に誤りがあるため、どの行も登録していません。", errors);
        }
        int[] counts = new int[Outcome.values().length];
        for (int n = 0; n < rows.size(); n++) {
            BatchValueRow row = rows.get(n);
            Outcome outcome = write(byCode.get(row.indicatorCode()), options.get(n), row.fiscalYear(), row.kind(), row.value(), row.marker(), null, who, null);
            counts[outcome.ordinal()]++;
        }
        indicators.flush();
        for (int n = 0; n < rows.size(); n++) {
            BatchValueRow row = rows.get(n);
            checkSums(byCode.get(row.indicatorCode()), row.fiscalYear(), row.kind(), "rows[" + n + "].");
        }
        return new BatchValuesResponse(counts[Outcome.CREATED.ordinal()], counts[Outcome.UPDATED.ordinal()],
                counts[Outcome.CLEARED.ordinal()], counts[Outcome.UNCHANGED.ordinal()]);
    }

    /** A target belongs to a year of its plan's period; typed and pushed targets outside it are refused. */
    private static Optional<String> outsidePeriod(Indicator i, int year, ValueKind kind) {
        Plan plan = i.node.plan;
        if (kind != ValueKind.TARGET || (year >= plan.periodStart && year <= plan.periodEnd)) {
            return Optional.empty();
        }
        return Optional.of("目標値の年度 " + FiscalYears.format(year) + " は計画期間（" + FiscalYears.format(plan.periodStart) + "〜"
                + FiscalYears.format(plan.periodEnd) + "）の外です");
    }

    private static IndicatorOption check(Indicator i, int year, ValueKind kind, String optionName, BigDecimal value, Marker marker,
                                         String prefix, List<Problem.FieldError> errors) {
        if (value != null && marker != null) {
            errors.add(new Problem.FieldError(prefix + "value", "value と marker はどちらか一方だけを指定してください"));
        }
        if (marker != null && marker != Marker.NOT_APPLICABLE && kind != ValueKind.TARGET) {
            errors.add(new Problem.FieldError(prefix + "marker", marker.label() + "（" + marker + "）は目標値にだけ使えます"));
        }
        if (value != null && (value.abs().compareTo(new BigDecimal("1e13")) >= 0 || value.stripTrailingZeros().scale() > 4)) {
            errors.add(new Problem.FieldError(prefix + "value", "値は小数点以下 4 桁まで、絶対値 10 兆未満にしてください"));
        }
        if (year < 1989 || year > 2200) {
            errors.add(new Problem.FieldError(prefix + "fiscalYear", "年度は 1989〜2200 の西暦で指定してください"));
        }
        if (Strings.absent(optionName)) {
            return null;
        }
        Optional<IndicatorOption> option = i.option(optionName.strip());
        if (option.isEmpty()) {
            errors.add(new Problem.FieldError(prefix + "option", i.options.isEmpty()
                    ? "指標「" + i.name + "」には内訳がありません"
                    : "「" + optionName + "」は内訳にありません（" + i.options.stream().map(o -> o.name).collect(Collectors.joining(" / ")) + "）"));
            return null;
        }
        return option.get();
    }

    private Outcome write(Indicator i, IndicatorOption option, int year, ValueKind kind, BigDecimal value, Marker marker,
                          Long expectedVersion, ValueOrigin.Author author, String source) {
        String who = author.who();
        Optional<IndicatorValue> existing = indicators.value(i, option, year, kind);
        String derivedFrom = existing.map(v -> v.source).orElse(null);
        if (derivedFrom != null && !derivedFrom.equals(source)) {
            throw ProblemException.conflict("indicator-value-derived", "指標「" + i.name + "」の " + year + " 年度の"
                    + label(kind) + "は " + derivedFrom + " から算出されているため、直接は変更できません。元のデータか規則を変更してください。");
        }
        if (expectedVersion != null && existing.map(v -> v.version != expectedVersion).orElse(expectedVersion != 0)) {
            throw ProblemException.staleVersion("指標「" + i.name + "」の " + year + " 年度の値");
        }
        BigDecimal oldValue = existing.map(v -> v.value).orElse(null);
        Marker oldMarker = existing.map(v -> v.marker).orElse(null);
        if (sameNumber(oldValue, value) && oldMarker == marker) {
            return Outcome.UNCHANGED;
        }
        if (approvedYears.approved(i.node, year)) {
            throw ProblemException.conflict("evaluation-approved", "指標「" + i.name + "」の " + FiscalYears.format(year) + "の" + label(kind)
                    + "は、事業調書「" + i.node.title + "」が承認済みのため変更できません。承認者が事業調書を再開すると変更できます。");
        }
        Outcome outcome;
        if (value == null && marker == null) {
            indicators.deleteValue(existing.get());
            outcome = Outcome.CLEARED;
        } else {
            IndicatorValue v = existing.orElseGet(() -> {
                IndicatorValue created = new IndicatorValue();
                created.indicator = i;
                created.option = option;
                created.fiscalYear = year;
                created.kind = kind;
                return created;
            });
            v.value = value;
            v.marker = marker;
            v.updatedAt = OffsetDateTime.now();
            v.updatedBy = who;
            v.source = source;
            if (v.id == null) {
                indicators.persistValue(v);
            }
            outcome = existing.isPresent() ? Outcome.UPDATED : Outcome.CREATED;
        }
        IndicatorValueChange change = new IndicatorValueChange();
        change.indicator = i;
        change.optionName = option == null ? null : option.name;
        change.fiscalYear = year;
        change.kind = kind;
        change.oldValue = oldValue;
        change.oldMarker = oldMarker;
        change.newValue = value;
        change.newMarker = marker;
        change.changedBy = who;
        change.origin = author.origin();
        change.originName = author.originName();
        indicators.recordChange(change);
        indicators.flush();
        return outcome;
    }

    /**
     * Writes (or, with a null value, clears) the actual that a rule derives for a fiscal year: a survey's
     * band share, a support statistic. The value remembers its source, and typed writes cannot overwrite it.
     * A typed actual already there is replaced, and the change history keeps it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deriveActual(Indicator i, int year, BigDecimal value, String source, String who) {
        deriveActual(i, year, value, source, who, false);
    }

    /**
     * As {@link #deriveActual(Indicator, int, BigDecimal, String, String)}, but a year whose sheet is approved is left
     * as approved instead of refused: for figures recomputed in the background (a consultation recorded in a year
     * already approved must still be recorded; the approved actual stays until the sheet is reopened).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void deriveActualUnlessApproved(Indicator i, int year, BigDecimal value, String source, String who) {
        deriveActual(i, year, value, source, who, true);
    }

    private void deriveActual(Indicator i, int year, BigDecimal value, String source, String who, boolean skipApproved) {
        if (skipApproved && approvedYears.approved(i.node, year)) {
            return;
        }
        Optional<IndicatorValue> existing = indicators.value(i, null, year, ValueKind.ACTUAL);
        if (value == null && existing.map(v -> !source.equals(v.source)).orElse(true)) {
            return;
        }
        existing.filter(v -> v.source == null).ifPresent(v -> v.source = source);
        write(i, null, year, ValueKind.ACTUAL, value, null, null, ValueOrigin.derived(who, source), source);
    }

    /** Clears every value a source derived (the rule that derived them is gone). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void clearDerived(Indicator i, String source, String who) {
        for (IndicatorValue v : indicators.values(i)) {
            if (source.equals(v.source)) {
                write(i, v.option, v.fiscalYear, v.kind, null, null, null, ValueOrigin.derived(who, source), source);
            }
        }
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** For an additive disaggregation, a total must equal the sum of its options once all are there. */
    private void checkSums(Indicator i, int year, ValueKind kind, String prefix) {
        if (!i.disaggregationAdditive || i.options.isEmpty()) {
            return;
        }
        BigDecimal total = indicators.value(i, null, year, kind).map(v -> v.value).orElse(null);
        if (total == null) {
            return;
        }
        List<BigDecimal> parts = new ArrayList<>();
        for (IndicatorOption o : i.options) {
            BigDecimal part = indicators.value(i, o, year, kind).map(v -> v.value).orElse(null);
            if (part == null) {
                return;
            }
            parts.add(part);
        }
        BigDecimal sum = parts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(total) != 0) {
            List<String> named = new ArrayList<>();
            for (int n = 0; n < parts.size(); n++) {
                named.add(i.options.get(n).name + " " + parts.get(n).stripTrailingZeros().toPlainString());
            }
            throw new ProblemException(422, "disaggregation-sum-mismatch", "合計が内訳の和と一致しません",
                    "指標「" + i.name + "」の " + year + " 年度の" + label(kind) + "：合計 " + total.stripTrailingZeros().toPlainString()
                            + " ≠ 内訳の和 " + sum.stripTrailingZeros().toPlainString() + "（" + String.join(" + ", named) + "）",
                    List.of(new Problem.FieldError(prefix + "value", "合計 " + total.stripTrailingZeros().toPlainString()
                            + " が内訳の和 " + sum.stripTrailingZeros().toPlainString() + " と一致しません")));
        }
    }

    private static String label(ValueKind kind) {
        return switch (kind) {
            case BASELINE -> "基準値";
            case TARGET -> "目標値";
            case ACTUAL -> "実績値";
        };
    }

    /** For imports: a new indicator on a node. */
    @Transactional
    public Indicator importIndicator(PlanNode node, String code, String name, String unit, Direction direction, String rationale,
                                     boolean notSet, String notSetReason, List<String> options) {
        Indicator i = new Indicator();
        i.node = node;
        i.code = code;
        i.position = (int) indicators.count("node", node);
        i.name = name;
        i.unit = unit;
        i.direction = direction;
        i.rationale = rationale;
        i.notSet = notSet;
        i.notSetReason = notSet ? notSetReason : null;
        if (!notSet && (unit == null || direction == null)) {
            i.unit = unit == null ? "件" : unit;
            i.direction = direction == null ? Direction.INCREASE : direction;
        }
        if (options.size() > 1) {
            i.disaggregationName = "内訳";
            i.disaggregationAdditive = false;
            for (String name2 : options) {
                IndicatorOption o = new IndicatorOption();
                o.indicator = i;
                o.name = name2;
                o.position = i.options.size();
                i.options.add(o);
            }
        }
        indicators.persist(i);
        return i;
    }

    public List<Indicator> onNode(PlanNode node) {
        return indicators.onNodes(List.of(node)).stream().sorted(java.util.Comparator.comparingInt((Indicator x) -> x.position)).toList();
    }

    public boolean codeTaken(String code) {
        return indicators.findByCode(code).isPresent();
    }

    /** For imports: writes one value unless it is already so; says what happened. */
    @Transactional
    public String importValue(Indicator i, String option, int year, ValueKind kind, BigDecimal value, Marker marker, String who) {
        List<Problem.FieldError> errors = new ArrayList<>();
        IndicatorOption o = check(i, year, kind, option, value, marker, "", errors);
        if (!errors.isEmpty()) {
            throw new ProblemException(422, "validation-failed", "入力内容に誤りがあります", errors.get(0).message(), errors);
        }
        return write(i, o, year, kind, value, marker, null, ValueOrigin.Author.imported(who, "事業調書"), null).name();
    }

    @Transactional
    public void checkImportedSums(Indicator i, int year, ValueKind kind) {
        checkSums(i, year, kind, "");
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    ValueChangeList history(String code) {
        return changes(indicators.history(require(code)));
    }

    /** What changed in a plan's values since a moment (e.g. last year's review council). */
    @Transactional(Transactional.TxType.SUPPORTS)
    ValueChangeList planHistory(String planCode, OffsetDateTime since) {
        return changes(indicators.planHistory(plans.require(planCode), since));
    }

    private static ValueChangeList changes(List<IndicatorValueChange> changes) {
        return new ValueChangeList(changes.stream()
                .map(c -> new ValueChangeResponse(c.indicator.code, c.indicator.name, c.fiscalYear, c.optionName, c.kind,
                        c.oldValue, c.oldMarker, c.newValue, c.newMarker, c.changedBy, c.changedAt, c.origin, c.originName))
                .toList());
    }

    @Override
    public Map<Long, List<NodeIndicatorSummary>> indicatorsByNode(Plan plan) {
        Map<Long, List<NodeIndicatorSummary>> out = new HashMap<>();
        for (Indicator i : indicators.onPlan(plan)) {
            out.computeIfAbsent(i.node.id, k -> new ArrayList<>())
                    .add(new NodeIndicatorSummary(i.code, i.name, i.unit, i.direction == null ? null : i.direction.name(), i.notSet,
                            i.notSetReason));
        }
        return out;
    }

    @Override
    public Map<String, Long> countContents(List<PlanNode> nodes) {
        List<Indicator> on = indicators.onNodes(nodes);
        return Map.of("indicators", (long) on.size(), "values", indicators.countValues(on));
    }

    /**
     * Each indicator again on its node's twin, without values. Codes are global: a code that starts with the old
     * plan's code takes the new one's instead (kitakyushu-ikiiki2-63-meetings → kitakyushu-ikiiki3-63-meetings),
     * any other is prefixed with it.
     */
    @Override
    public void copyContents(Plan from, Plan to, Map<Long, PlanNode> twins) {
        for (Indicator i : indicators.onPlan(from)) {
            Indicator copy = new Indicator();
            copy.node = twins.get(i.node.id);
            copy.code = i.code.startsWith(from.code + "-") ? to.code + i.code.substring(from.code.length()) : to.code + "-" + i.code;
            if (copy.code.length() > 100 || indicators.findByCode(copy.code).isPresent()) {
                throw ProblemException.conflict("indicator-code-taken", "写した指標のコード " + copy.code
                        + " がすでに使われているか長すぎます。計画コードを変えてください。");
            }
            copy.name = i.name;
            copy.unit = i.unit;
            copy.direction = i.direction;
            copy.rationale = i.rationale;
            copy.notSet = i.notSet;
            copy.notSetReason = i.notSetReason;
            copy.disaggregationName = i.disaggregationName;
            copy.disaggregationAdditive = i.disaggregationAdditive;
            copy.position = i.position;
            for (IndicatorOption o : i.options) {
                IndicatorOption option = new IndicatorOption();
                option.indicator = copy;
                option.name = o.name;
                option.position = o.position;
                copy.options.add(option);
            }
            indicators.persist(copy);
        }
    }

    @Override
    public void deleteContents(List<PlanNode> nodes) {
        indicators.onNodes(nodes).forEach(indicators::delete);
        indicators.flush();
    }


    /** 指標の一覧: what exists, where it sits in its plan and how it is measured; a page at a time in id order. */
    @Transactional
    IndicatorCatalogue catalogue(String planCode, String nodeCode, String text, java.time.OffsetDateTime since, int limit, String cursor) {
        long after = cursor == null ? 0 : jp.tsunagu.shared.PageCursor.decodeLong(cursor);
        List<Indicator> page = indicators.catalogue(planCode, nodeCode, text, since, after, limit + 1);
        boolean more = page.size() > limit;
        List<Indicator> shown = more ? page.subList(0, limit) : page;
        java.util.Map<Long, String> sources = indicators.sources(shown);
        List<CatalogueEntry> items = shown.stream().map(i -> {
            java.util.LinkedList<String> path = new java.util.LinkedList<>();
            for (PlanNode n = i.node; n != null; n = n.parent) {
                path.addFirst(n.title);
            }
            DisaggregationDto d = i.disaggregationName == null ? null : new DisaggregationDto(i.disaggregationName, i.disaggregationAdditive,
                    i.options.stream().map(o -> o.name).toList());
            return new CatalogueEntry(i.code, i.name, i.unit, i.direction, i.node.plan.code, i.node.plan.title, i.node.code, List.copyOf(path), d,
                    ValueSource.of(sources.get(i.id)), i.notSet, i.notSetReason, i.updatedAt);
        }).toList();
        return new IndicatorCatalogue(items, more ? jp.tsunagu.shared.PageCursor.encode(shown.get(shown.size() - 1).id) : null);
    }
}
