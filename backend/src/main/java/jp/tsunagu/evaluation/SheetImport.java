package jp.tsunagu.evaluation;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.indicator.Indicator;
import jp.tsunagu.indicator.IndicatorService;
import jp.tsunagu.indicator.ValueKind;
import jp.tsunagu.plan.Plan;
import jp.tsunagu.plan.PlanNode;
import jp.tsunagu.plan.PlanService;
import jp.tsunagu.shared.FiscalYears;
import jp.tsunagu.shared.Problem;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Imports an evaluation sheet in the 事業調書 layout into a plan. The same code runs for the dry run and
 * the commit: the dry run rolls its transaction back, the commit runs only when the dry run found no
 * error, so a file is applied completely or not at all. Importing a file twice changes nothing the
 * second time: nodes, indicators and values are matched by their codes, names and natural keys.
 */
@ApplicationScoped
class SheetImport {

    private static final Pattern GROUP = Pattern.compile(
            "^(?<code>[\\u2460-\\u2473\\u3251-\\u32BF]|[（(][0-9０-９]+[)）]|[ⅠⅡⅢⅣⅤⅥⅦⅧⅨⅩ]+(?:[-－][0-9０-９]+)?|[0-9０-９]+(?:[-－][0-9０-９]+)*)\\s*(?<title>\\S[\\s\\S]*)$");
    private static final Pattern HEADER_YEAR = Pattern.compile("取組結果\\s*[（(]\\s*(" + FiscalYears.regex() + ")\\s*[)）]");
    private static final String[] COLUMN_NAMES = {"目標", "施策の方向性", "No.", "取組名", "概要", "成果指標", "取組結果", "今後の方向性・課題"};

    private final PlanService plans;
    private final IndicatorService indicators;
    private final EvaluationRepository evaluations;
    private final EvaluationService evaluationService;

    SheetImport(PlanService plans, IndicatorService indicators, EvaluationRepository evaluations, EvaluationService evaluationService) {
        this.plans = plans;
        this.indicators = indicators;
        this.evaluations = evaluations;
        this.evaluationService = evaluationService;
    }

    /** Ends the dry run's transaction by rolling it back, carrying its report out. */
    private static final class DryRun extends RuntimeException {
        final transient Report report;

        DryRun(Report report) {
            super(null, null, false, false);
            this.report = report;
        }
    }

    /** Collects what an import does and what it found wrong. */
    static final class Report {
        final List<ImportRowResult> rows = new ArrayList<>();
        final List<ImportProblem> problems = new ArrayList<>();
        int fiscalYear;

        boolean hasErrors() {
            return problems.stream().anyMatch(p -> p.severity() == ImportProblem.Severity.ERROR);
        }

        void error(int row, String column, String value, String message) {
            problems.add(new ImportProblem(row, column, shorten(value), message, ImportProblem.Severity.ERROR));
        }

        void note(int row, String column, String value, String message) {
            problems.add(new ImportProblem(row, column, shorten(value), message, ImportProblem.Severity.WARNING));
        }

        private static String shorten(String s) {
            return s == null ? null : s.length() > 80 ? s.substring(0, 80) + "…" : s;
        }
    }

    ImportReport run(String planCode, List<List<String>> table, Integer fiscalYear, boolean commit, String who) {
        Report dry;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                throw new DryRun(apply(planCode, table, fiscalYear, who));
            });
            throw new IllegalStateException("unreachable");
        } catch (DryRun d) {
            dry = d.report;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof DryRun d) {
                dry = d.report;
            } else {
                throw e;
            }
        }
        if (!commit) {
            return ImportReport.of(planCode, dry, false);
        }
        if (dry.hasErrors()) {
            throw new ProblemException(422, "import-rejected", "取り込めません",
                    dry.problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR).count()
                            + " 件の誤りがあるため、何も取り込んでいません。",
                    dry.problems.stream().filter(p -> p.severity() == ImportProblem.Severity.ERROR)
                            .map(p -> new Problem.FieldError(p.row() + " 行目 " + p.column(), p.message())).toList());
        }
        Report done = QuarkusTransaction.requiringNew().call(() -> apply(planCode, table, fiscalYear, who));
        return ImportReport.of(planCode, done, true);
    }

    private Report apply(String planCode, List<List<String>> table, Integer fiscalYearParam, String who) {
        Plan plan = plans.require(planCode);
        Report report = new Report();
        int header = -1;
        for (int i = 0; i < table.size(); i++) {
            if (cell(table.get(i), 0).equals("目標") && cell(table.get(i), 2).startsWith("No")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            report.error(1, "（全体）", null, "見出し行（目標 / 施策の方向性 / No. / 取組名 / 概要 / 成果指標 / 取組結果 / 今後の方向性）が見つかりません");
            return report;
        }
        Matcher year = HEADER_YEAR.matcher(cell(table.get(header), 6));
        Integer sheetYear = year.find() ? FiscalYears.parse(year.group(1)) : null;
        if (sheetYear != null && fiscalYearParam != null && !sheetYear.equals(fiscalYearParam)) {
            report.error(header + 1, "取組結果", cell(table.get(header), 6), "見出しの年度 " + FiscalYears.format(sheetYear)
                    + " と指定された年度 " + FiscalYears.format(fiscalYearParam) + " が違います");
            return report;
        }
        if (sheetYear == null && fiscalYearParam == null) {
            report.error(header + 1, "取組結果", cell(table.get(header), 6), "年度が分かりません（見出しに「取組結果 (令和4年度)」と書くか、fiscalYear を指定してください）");
            return report;
        }
        int fy = sheetYear != null ? sheetYear : fiscalYearParam;
        report.fiscalYear = fy;
        // A plan's role matrix: the columns after the eight of the layout name its actors (市, 市社協 …).
        List<String> actorColumns = new ArrayList<>();
        for (int c = EvaluationSheet.COLUMNS; c < table.get(header).size(); c++) {
            String name = cell(table.get(header), c);
            if (name.isEmpty()) {
                break;
            }
            if (plan.actors.stream().noneMatch(a -> a.name.equals(name))) {
                report.error(header + 1, name, name, "役割表の列「" + name + "」はこの計画の主体（"
                        + String.join("・", plan.actors.stream().map(a -> a.name).toList()) + "）にありません");
                return report;
            }
            actorColumns.add(name);
        }
        PlanNode goal = null;
        String goalLabel = null;
        PlanNode direction = null;
        for (int i = header + 1; i < table.size(); i++) {
            List<String> row = table.get(i);
            int line = i + 1;
            long filled = row.stream().filter(c -> c != null && !c.isBlank()).count();
            if (cell(row, 0).equals(EvaluationSheet.FINDINGS_HEADING) || cell(row, 0).equals(EvaluationSheet.CONTACTS_HEADING)) {
                break; // What the plan prints after its measures is not part of the sheet's rows.
            }
            if (filled == 0 || (cell(row, 0).equals("目標") && cell(row, 2).startsWith("No"))
                    || (filled == 1 && cell(row, 0).endsWith("事業調書"))) {
                continue;
            }
            if (cell(row, 0).equals(EvaluationSheet.LEGEND)) {
                // Before any group: the plan's legend; after one: the legend of that section (取組).
                legend(plan, direction != null ? direction : goal, cell(row, 1), line, report, who);
                continue;
            }
            if (!cell(row, 0).isEmpty() && filled == 1 && goal != null && !sameStyle(goalLabel, cell(row, 0))) {
                // Some sheets write 施策の方向性 in the first column too: a numbering style other than the
                // 目標's marks a 施策の方向性 (② 目標 → 1 方向性).
                direction = group(plan, goal, cell(row, 0), line, COLUMN_NAMES[1], report);
            } else if (!cell(row, 0).isEmpty() && filled == 1) {
                goal = group(plan, null, cell(row, 0), line, COLUMN_NAMES[0], report);
                goalLabel = cell(row, 0);
                direction = null;
            } else if (!cell(row, 1).isEmpty() && filled == 1) {
                if (goal == null) {
                    report.error(line, COLUMN_NAMES[1], cell(row, 1), "施策の方向性の前に目標の行がありません");
                }
                direction = group(plan, goal, cell(row, 1), line, COLUMN_NAMES[1], report);
            } else if (!cell(row, 2).isEmpty()) {
                measure(plan, direction != null ? direction : goal, row, line, fy, report, who);
                roles(plan, cell(row, 2), row, actorColumns, line, report, who);
            } else {
                report.error(line, "No.", "", "取組の行に No. がありません");
            }
        }
        return report;
    }

    /** Whether two group labels are numbered alike: ①②, (1)(2), ⅠⅡ, or 1 2. */
    static boolean sameStyle(String a, String b) {
        return style(a) == style(b);
    }

    private static int style(String label) {
        char c = label.strip().isEmpty() ? ' ' : label.strip().charAt(0);
        if ((c >= '\u2460' && c <= '\u2473') || (c >= '\u3251' && c <= '\u32BF')) {
            return 1;
        }
        if (c == '(' || c == '（') {
            return 2;
        }
        if (c >= 'Ⅰ' && c <= 'Ⅻ') {
            return 3;
        }
        return 4;
    }

    private PlanNode group(Plan plan, PlanNode parent, String label, int line, String column, Report report) {
        Matcher m = GROUP.matcher(label.strip());
        if (!m.matches()) {
            report.error(line, column, label, "先頭に番号（②、1、(1)、Ⅳ など）がないため項目のコードが分かりません");
            return null;
        }
        String code = m.group("code");
        String title = m.group("title").strip();
        return node(plan, parent, code, title, null, false, line, report);
    }

    private PlanNode node(Plan plan, PlanNode parent, String code, String title, String summary, boolean measure, int line, Report report) {
        Optional<PlanNode> existing = plans.findNode(plan, code);
        if (existing.isEmpty()) {
            PlanNode created = plans.importNode(plan, parent, code, title, summary);
            report.rows.add(new ImportRowResult(line, code, title, ImportRowResult.Action.CREATE, List.of("項目を作成")));
            return created;
        }
        PlanNode node = existing.get();
        List<String> changes = new ArrayList<>();
        if (!node.title.equals(title)) {
            changes.add("取組名: 「" + node.title + "」→「" + title + "」");
            node.title = title;
        }
        if (measure && !Objects.equals(Strings.strippedOrNull(node.summary), Strings.strippedOrNull(summary))) {
            changes.add("概要を更新");
            node.summary = summary;
        }
        if (!Objects.equals(node.parent == null ? null : node.parent.id, parent == null ? null : parent.id)) {
            report.note(line, "No.", code, "既存の項目 " + code + " は別の親の下にあります。位置は変えません");
        }
        if (!measure) {
            report.rows.add(new ImportRowResult(line, code, title, changes.isEmpty() ? ImportRowResult.Action.UNCHANGED
                    : ImportRowResult.Action.UPDATE, changes));
        } else if (!changes.isEmpty()) {
            report.rows.add(new ImportRowResult(line, code, title, ImportRowResult.Action.UPDATE, changes));
        }
        return node;
    }

    private void measure(Plan plan, PlanNode parent, List<String> row, int line, int fy, Report report, String who) {
        String code = cell(row, 2);
        String title = cell(row, 3);
        if (title.isEmpty()) {
            report.error(line, COLUMN_NAMES[3], "", "取組名が空です");
            return;
        }
        if (parent == null) {
            report.error(line, "No.", code, "取組の前に目標の行がありません");
            return;
        }
        int before = report.rows.size();
        PlanNode node = node(plan, parent, code, title, Strings.strippedOrNull(cell(row, 4)), true, line, report);
        List<String> changes = new ArrayList<>();
        boolean created = report.rows.size() > before && report.rows.get(report.rows.size() - 1).action() == ImportRowResult.Action.CREATE;
        if (report.rows.size() > before) {
            changes.addAll(report.rows.remove(report.rows.size() - 1).changes());
        }
        List<SheetCells.Note> notes = new ArrayList<>();
        List<SheetCells.Indicator> parsed = SheetCells.indicators(cell(row, 5), plan.periodEnd, notes);
        flush(notes, line, COLUMN_NAMES[5], cell(row, 5), report);
        List<Indicator> existing = new ArrayList<>(indicators.onNode(node));
        for (SheetCells.Indicator p : parsed) {
            Indicator target = existing.stream().filter(i -> i.name.equals(p.name())).findFirst()
                    .orElse(existing.size() == 1 && parsed.size() == 1 ? existing.get(0) : null);
            if (target == null) {
                String indicatorCode = freeCode(plan.code + "-" + code.replaceAll("[^A-Za-z0-9]", "x"));
                target = indicators.importIndicator(node, indicatorCode, p.name(), p.unit(), p.direction(), p.rationale(), p.notSet(),
                        p.notSetReason(), p.options());
                changes.add("成果指標「" + p.name() + "」を作成" + (p.notSet() ? "（未設定）" : ""));
                if (!p.notSet() && p.direction() == null) {
                    report.note(line, COLUMN_NAMES[5], p.name(), "様式に方向（増加・減少・維持）がないため「増加」としました。指標の画面で確かめてください");
                }
                if (p.options().size() > 1) {
                    report.note(line, COLUMN_NAMES[5], p.name(), "内訳（" + String.join(" / ", p.options()) + "）は合計との関係が様式から分からないため、合計を求めない内訳としました");
                }
            } else {
                existing.remove(target);
                metaChanges(target, p, changes);
            }
            List<SheetCells.Value> values = new ArrayList<>(p.values());
            List<SheetCells.Note> actualNotes = new ArrayList<>();
            values.addAll(SheetCells.actuals(cell(row, 6), new SheetCells.Indicator(target.name, target.notSet, target.notSetReason,
                    target.unit, target.direction, target.options.stream().map(o -> o.name).toList(), List.of(), null), fy, actualNotes));
            flush(actualNotes, line, COLUMN_NAMES[6], cell(row, 6), report);
            for (SheetCells.Value v : values) {
                if (v.value() == null && v.marker() == null) {
                    continue;
                }
                try {
                    String outcome = indicators.importValue(target, v.option(), v.fiscalYear(), v.kind(), v.value(), v.marker(), who);
                    if (!outcome.equals("UNCHANGED")) {
                        changes.add(label(v) + (outcome.equals("CREATED") ? " を登録" : " を更新"));
                    }
                } catch (ProblemException e) {
                    report.error(line, v.kind() == ValueKind.ACTUAL ? COLUMN_NAMES[6] : COLUMN_NAMES[5], label(v), e.getMessage());
                }
            }
            for (SheetCells.Value v : values) {
                try {
                    indicators.checkImportedSums(target, v.fiscalYear(), v.kind());
                } catch (ProblemException e) {
                    report.error(line, COLUMN_NAMES[5], label(v), e.getMessage());
                    break;
                }
            }
        }
        evaluation(node, fy, Strings.strippedOrNull(cell(row, 6)), Strings.strippedOrNull(cell(row, 7)), line, changes, report, who);
        report.rows.add(new ImportRowResult(line, code, title, created ? ImportRowResult.Action.CREATE
                : changes.isEmpty() ? ImportRowResult.Action.UNCHANGED : ImportRowResult.Action.UPDATE, changes));
    }

    private void legend(Plan plan, PlanNode section, String text, int line, Report report, String who) {
        if (jp.tsunagu.plan.LegendEntry.parse(text).isEmpty()) {
            report.error(line, EvaluationSheet.LEGEND, text, jp.tsunagu.plan.LegendEntry.UNREADABLE);
            return;
        }
        plans.importLegend(plan, section, text, who).ifPresent(change -> report.rows.add(new ImportRowResult(line,
                section == null ? null : section.code, section == null ? plan.title : section.title, ImportRowResult.Action.UPDATE, List.of(change))));
    }

    /** The measure's symbols as printed, read through the legend in force (a symbol it does not list is kept, flagged). */
    private void roles(Plan plan, String code, List<String> row, List<String> actorColumns, int line, Report report, String who) {
        if (actorColumns.isEmpty()) {
            return;
        }
        PlanNode node = plans.findNode(plan, code).orElse(null);
        if (node == null) {
            return;
        }
        java.util.Map<String, String> symbols = new java.util.LinkedHashMap<>();
        for (int i = 0; i < actorColumns.size(); i++) {
            symbols.put(actorColumns.get(i), cell(row, EvaluationSheet.COLUMNS + i));
        }
        for (Map.Entry<String, String> e : symbols.entrySet()) {
            String symbol = e.getValue();
            if (symbol.length() > 4) {
                report.error(line, e.getKey(), symbol, "役割の記号は 4 文字までです（◎ ○ □ など）");
                return;
            }
            if (!symbol.isEmpty() && node.legendInForce().stream().noneMatch(l -> l.symbol.equals(symbol))) {
                report.note(line, e.getKey(), symbol, "記号「" + symbol + "」は凡例にありません。印刷どおりに残し、凡例にない記号として示します");
            }
        }
        plans.importRoles(node, symbols, who).ifPresent(change -> {
            ImportRowResult last = report.rows.isEmpty() ? null : report.rows.get(report.rows.size() - 1);
            if (last != null && last.row() == line) {
                List<String> changes = new ArrayList<>(last.changes());
                changes.add(change);
                report.rows.set(report.rows.size() - 1, new ImportRowResult(line, last.nodeCode(), last.title(),
                        last.action() == ImportRowResult.Action.UNCHANGED ? ImportRowResult.Action.UPDATE : last.action(), changes));
            } else {
                report.rows.add(new ImportRowResult(line, code, node.title, ImportRowResult.Action.UPDATE, List.of(change)));
            }
        });
    }

    private static void metaChanges(Indicator i, SheetCells.Indicator p, List<String> changes) {
        if (i.notSet != p.notSet() || !Objects.equals(i.notSetReason, p.notSetReason())) {
            i.notSet = p.notSet();
            i.notSetReason = p.notSetReason();
            changes.add("成果指標「" + i.name + "」の未設定・理由を更新");
        }
        if (!Objects.equals(Strings.strippedOrNull(i.rationale), p.rationale())) {
            i.rationale = p.rationale();
            changes.add("成果指標「" + i.name + "」の指標設定の考え方を更新");
        }
    }

    private void evaluation(PlanNode node, int fy, String result, String futureCell, int line, List<String> changes, Report report, String who) {
        EvaluationDirection.Cell future = EvaluationDirection.parse(futureCell);
        if (future.unknownWord() != null) {
            report.error(line, COLUMN_NAMES[7], future.unknownWord(), "今後の方向性「" + future.unknownWord() + "」は "
                    + java.util.Arrays.stream(EvaluationDirection.values()).map(EvaluationDirection::label).collect(java.util.stream.Collectors.joining(" / "))
                    + " のいずれかで書いてください");
            return;
        }
        Optional<Evaluation> existing = evaluations.find(node, fy);
        if (existing.isEmpty()) {
            if (result != null || future.remark() != null || future.direction() != null) {
                evaluationService.write(node.plan.code, node.code, fy, new EvaluationRequest(result, future.remark(), future.direction(), null, null), who);
                changes.add("事業調書（" + FiscalYears.format(fy) + "）を作成");
            }
            return;
        }
        Evaluation e = existing.get();
        if (Objects.equals(Strings.strippedOrNull(e.resultText), result) && Objects.equals(Strings.strippedOrNull(e.futureDirection), future.remark())
                && e.direction == future.direction()) {
            return;
        }
        if (!e.editable()) {
            report.error(line, COLUMN_NAMES[6], result, "この取組の事業調書は「" + Evaluation.label(e.status) + "」のため書き換えられません（承認者が再開すると取り込めます）");
            return;
        }
        evaluationService.write(node.plan.code, node.code, fy, new EvaluationRequest(result, future.remark(), future.direction(), e.selfGrade, e.version), who);
        changes.add("事業調書（" + FiscalYears.format(fy) + "）の本文を更新");
    }

    private String freeCode(String base) {
        String code = base;
        for (int n = 1; indicators.codeTaken(code); n++) {
            code = base + "-" + n;
        }
        return code;
    }

    private static String label(SheetCells.Value v) {
        String kind = switch (v.kind()) {
            case BASELINE -> "基準値";
            case TARGET -> "目標値";
            case ACTUAL -> "実績値";
        };
        return FiscalYears.format(v.fiscalYear()) + (v.option() == null ? "" : "（" + v.option() + "）") + "の" + kind + " "
                + (v.marker() != null ? v.marker().label() : v.value() == null ? "" : v.value().stripTrailingZeros().toPlainString());
    }

    private static void flush(List<SheetCells.Note> notes, int line, String column, String value, Report report) {
        for (SheetCells.Note n : notes) {
            if (n.error()) {
                report.error(line, column, value, n.message());
            } else {
                report.note(line, column, value, n.message());
            }
        }
    }

    private static String cell(List<String> row, int index) {
        return index < row.size() && row.get(index) != null ? row.get(index).strip() : "";
    }

}
