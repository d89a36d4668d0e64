package jp.tsunagu.evaluation;

import jp.tsunagu.indicator.IndicatorSheetText;
import jp.tsunagu.plan.FindingKind;
import jp.tsunagu.plan.FindingSource;
import jp.tsunagu.plan.LegendEntry;
import jp.tsunagu.plan.Plan;
import jp.tsunagu.plan.PlanActor;
import jp.tsunagu.plan.PlanFinding;
import jp.tsunagu.plan.PlanNode;
import jp.tsunagu.plan.PlanService;
import jp.tsunagu.shared.FiscalYears;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The 事業調書 layout of 北九州市's sheets: 目標 / 施策の方向性 / No. / 取組名 / 概要 / 成果指標 / 取組結果 /
 * 今後の方向性・課題, one row per measure, grouped under its parents.
 */
final class EvaluationSheet {

    static final int COLUMNS = 8;

    /** The first cell of a legend row; its second holds the legend as printed: 「事業の実施主体〔○〕 連携・協力団体〔□〕」. */
    static final String LEGEND = "凡例";

    /**
     * One line of the sheet; group rows fill only the first or second cell. Plans with a role matrix add a column
     * per actor (市, 市社協 …) holding the symbol as printed, and a legend row wherever a legend is declared.
     */
    record Row(String goal, String direction, String no, String title, String summary, String indicator, String result,
               String future, List<String> roles) {
        Row(String goal, String direction, String no, String title, String summary, String indicator, String result, String future) {
            this(goal, direction, no, title, summary, indicator, result, future, List.of());
        }

        static Row legend(List<LegendEntry> legend) {
            return new Row(LEGEND, LegendEntry.line(legend), "", "", "", "", "", "");
        }

        List<String> cells() {
            List<String> cells = new ArrayList<>(java.util.Arrays.asList(goal, direction, no, title, summary, indicator, result, future));
            cells.addAll(roles);
            return cells;
        }

        boolean isMeasure() {
            return no != null && !no.isEmpty();
        }

        boolean isLegend() {
            return LEGEND.equals(goal);
        }
    }

    /** Where the sheet's own rows end and what the plan prints after them begins; the import stops at these. */
    static final String FINDINGS_HEADING = "【課題・困りごと】";
    static final String CONTACTS_HEADING = "【問い合わせ先】";

    final String title;
    final int fiscalYear;
    /** The role matrix's columns after the eight of the layout (empty for a plan without one). */
    final List<String> actors;
    final List<Row> rows;
    /** After the measures: the plan's 課題・困りごと and its 問い合わせ先, as the plan prints them. */
    final List<List<String>> footer;

    private EvaluationSheet(String title, int fiscalYear, List<String> actors, List<Row> rows, List<List<String>> footer) {
        this.title = title;
        this.fiscalYear = fiscalYear;
        this.actors = actors;
        this.rows = rows;
        this.footer = footer;
    }

    List<String> header() {
        List<String> header = new ArrayList<>(header(fiscalYear));
        header.addAll(actors);
        return header;
    }

    static List<String> header(int fiscalYear) {
        return List.of("目標", "施策の方向性", "No.", "取組名", "概要", "成果指標 (上段) 指標名・指標数値 (下段) 指標設定の考え方",
                "取組結果 (" + FiscalYears.format(fiscalYear) + ")", "今後の方向性(" + FiscalYears.format(fiscalYear + 1) + "以降)・課題など");
    }

    static String heading(Plan plan) {
        return plan.title + " 事業調書";
    }

    /** How a node is written in a group cell: "②高齢者と…" (circled numbers run on), "1 見守り合い…". */
    static String groupLabel(PlanNode node) {
        char last = node.code.charAt(node.code.length() - 1);
        boolean circled = (last >= '\u2460' && last <= '\u24FF') || (last >= '\u3251' && last <= '\u32BF');
        return node.code + (circled ? "" : " ") + node.title;
    }

    static EvaluationSheet of(Plan plan, int fiscalYear, PlanService plans, List<Evaluation> evaluations, IndicatorSheetText indicators,
                              List<PlanFinding> findings) {
        List<PlanNode> nodes = plans.nodes(plan);
        Map<Long, List<PlanNode>> children = new HashMap<>();
        nodes.forEach(n -> children.computeIfAbsent(n.parent == null ? 0L : n.parent.id, k -> new ArrayList<>()).add(n));
        Map<Long, Evaluation> byNode = new HashMap<>();
        evaluations.forEach(e -> byNode.put(e.node.id, e));
        List<Row> rows = new ArrayList<>();
        List<PlanActor> actors = plan.actors;
        if (!actors.isEmpty()) {
            rows.add(Row.legend(plan.legend));
        }
        walk(0L, 0, children, byNode, indicators, fiscalYear, actors, rows);
        return new EvaluationSheet(heading(plan), fiscalYear, actors.stream().map(a -> a.name).toList(), rows, footer(plan, findings));
    }

    /**
     * 【課題・困りごと】 one row each: 種類 / 項目 / 題 / 本文 / 例 / 出てきたところ; then 【問い合わせ先】: 部署 / 電話 / FAX.
     */
    static List<List<String>> footer(Plan plan, List<PlanFinding> findings) {
        List<List<String>> out = new ArrayList<>();
        if (!findings.isEmpty()) {
            out.add(List.of());
            out.add(List.of(FINDINGS_HEADING));
            for (PlanFinding f : findings) {
                out.add(List.of(KIND.get(f.kind), f.node == null ? "" : groupLabel(f.node), f.title, nz(f.body),
                        String.join("\n", f.examples.stream().map(e -> "・" + e).toList()),
                        String.join("・", f.sources.stream().sorted().map(SOURCE::get).toList())));
            }
        }
        if (!plan.contacts.isEmpty()) {
            out.add(List.of());
            out.add(List.of(CONTACTS_HEADING));
            plan.contacts.forEach(c -> out.add(List.of(c.department, c.phone == null ? "" : "電話 " + c.phone, c.fax == null ? "" : "FAX " + c.fax)));
        }
        return out;
    }

    private static final Map<FindingKind, String> KIND = Map.of(FindingKind.ISSUE, "課題", FindingKind.TROUBLE, "困りごと",
            FindingKind.CURRENT_STATE, "現状");
    private static final Map<FindingSource, String> SOURCE = Map.of(FindingSource.HEARING, "ヒアリング", FindingSource.WORKSHOP, "ワークショップ",
            FindingSource.COUNCIL, "協議体", FindingSource.NEEDS_SURVEY, "ニーズ調査", FindingSource.STATISTICS, "統計・現状分析",
            FindingSource.OTHER, "その他");

    private static void walk(long parent, int depth, Map<Long, List<PlanNode>> children, Map<Long, Evaluation> evaluations,
                             IndicatorSheetText indicators, int year, List<PlanActor> actors, List<Row> rows) {
        for (PlanNode node : children.getOrDefault(parent, List.of())) {
            boolean leaf = !children.containsKey(node.id);
            if (leaf) {
                Evaluation e = evaluations.get(node.id);
                List<String> symbols = actors.stream().map(a -> node.roles.stream().filter(r -> r.actor.id.equals(a.id)).findFirst()
                        .map(r -> r.symbol).orElse("")).toList();
                rows.add(new Row("", "", node.code, node.title, nz(node.summary), indicators.cell(node, year),
                        e == null ? "" : nz(e.resultText), e == null ? "" : EvaluationDirection.format(e.direction, e.futureDirection), symbols));
            } else {
                String label = groupLabel(node);
                rows.add(depth == 0 ? new Row(label, "", "", "", "", "", "", "") : new Row("", label, "", "", "", "", "", ""));
                if (!actors.isEmpty() && !node.legend.isEmpty()) {
                    rows.add(Row.legend(node.legend));
                }
                walk(node.id, depth + 1, children, evaluations, indicators, year, actors, rows);
            }
        }
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
