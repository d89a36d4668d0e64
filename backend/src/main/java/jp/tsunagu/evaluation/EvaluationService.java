package jp.tsunagu.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.plan.NodeIndicatorSummary;
import jp.tsunagu.plan.Plan;
import jp.tsunagu.plan.PlanNode;
import jp.tsunagu.plan.PlanService;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.Versions;

import java.time.Clock;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The yearly evaluation sheets: PLANNER writes and submits, APPROVER approves or returns with a
 * comment; an approved sheet stays read-only until an APPROVER reopens it. Every step is recorded.
 */
@ApplicationScoped
public class EvaluationService implements PlanService.NodeContents {

    private static final ZoneId JAPAN = jp.tsunagu.shared.FiscalYears.JAPAN;

    private final EvaluationRepository evaluations;
    private final PlanService plans;
    private final jp.tsunagu.plan.PlanFindingService findings;
    private final MonthDay due;

    EvaluationService(EvaluationRepository evaluations, PlanService plans, jp.tsunagu.plan.PlanFindingService findings,
                      EvaluationSettings settings) {
        this.evaluations = evaluations;
        this.plans = plans;
        this.findings = findings;
        this.due = settings.due();
    }

    /** Sheets for fiscal year Y are due on this day of calendar year Y + 1 (the year ends on 31 March). */
    LocalDate dueDate(int fiscalYear) {
        return due.atYear(fiscalYear + 1);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    EvaluationResponse get(String planCode, String nodeCode, int year) {
        return EvaluationResponse.of(require(planCode, nodeCode, year));
    }

    private Evaluation require(String planCode, String nodeCode, int year) {
        PlanNode node = plans.requireNode(plans.require(planCode), nodeCode);
        return evaluations.find(node, year).orElseThrow(() -> ProblemException.notFound("evaluation-not-found",
                "「" + node.title + "」の " + year + " 年度の事業調書はまだありません。"));
    }

    @Transactional
    public EvaluationResponse write(String planCode, String nodeCode, int year, EvaluationRequest r, String who) {
        PlanNode node = plans.requireNode(plans.require(planCode), nodeCode);
        Optional<Evaluation> existing = evaluations.find(node, year);
        Evaluation e = existing.orElseGet(() -> {
            Evaluation created = new Evaluation();
            created.node = node;
            created.fiscalYear = year;
            return created;
        });
        if (existing.isPresent()) {
            Versions.check(r.version(), e.version, "「" + node.title + "」の事業調書");
            if (!e.editable()) {
                throw ProblemException.conflict("evaluation-locked", "「" + Evaluation.label(e.status)
                        + "」の事業調書は編集できません。" + (e.status == EvaluationStatus.APPROVED ? "承認者が再開すると編集できます。" : ""));
            }
        }
        e.resultText = Strings.strippedOrNull(r.resultText());
        e.futureDirection = Strings.strippedOrNull(r.futureDirection());
        e.direction = r.direction();
        e.selfGrade = r.selfGrade();
        e.updatedAt = OffsetDateTime.now();
        e.updatedBy = who;
        if (e.id == null) {
            evaluations.persist(e);
            e.created(who);
        }
        evaluations.flush();
        return EvaluationResponse.of(e);
    }

    @Transactional
    EvaluationResponse transition(String planCode, String nodeCode, int year, EvaluationStatus to, long version, String comment, String who) {
        Evaluation e = require(planCode, nodeCode, year);
        Versions.check(version, e.version, "「" + e.node.title + "」の事業調書");
        Set<EvaluationStatus> from = switch (to) {
            case SUBMITTED -> Set.of(EvaluationStatus.DRAFT, EvaluationStatus.RETURNED);
            case APPROVED, RETURNED -> Set.of(EvaluationStatus.SUBMITTED);
            case DRAFT -> Set.of(EvaluationStatus.APPROVED);
        };
        e.move(to, from, who, Strings.strippedOrNull(comment));
        evaluations.flush();
        return EvaluationResponse.of(e);
    }

    /** Every measure (a node at the plan's deepest level, or a leaf) with its sheet's state for the year. */
    @Transactional(Transactional.TxType.SUPPORTS)
    EvaluationOverview overview(String planCode, int year, Clock clock) {
        Plan plan = plans.require(planCode);
        Map<Long, Evaluation> byNode = new HashMap<>();
        evaluations.ofPlanYear(plan, year).forEach(e -> byNode.put(e.node.id, e));
        LocalDate dueDate = dueDate(year);
        boolean pastDue = LocalDate.now(clock.withZone(JAPAN)).isAfter(dueDate);
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        for (String s : List.of("NONE", "DRAFT", "SUBMITTED", "RETURNED", "APPROVED")) {
            byStatus.put(s, 0);
        }
        Map<String, Integer> byGrade = new LinkedHashMap<>();
        for (String g : List.of("A", "B", "C", "D", "NONE")) {
            byGrade.put(g, 0);
        }
        Map<String, Integer> byDirection = new LinkedHashMap<>();
        for (EvaluationDirection d : EvaluationDirection.values()) {
            byDirection.put(d.name(), 0);
        }
        byDirection.put("NONE", 0);
        List<EvaluationOverviewItem> items = new ArrayList<>();
        for (PlanNode node : measures(plan)) {
            Evaluation e = byNode.get(node.id);
            EvaluationStatus status = e == null ? null : e.status;
            boolean late = pastDue && (status == null || status == EvaluationStatus.DRAFT || status == EvaluationStatus.RETURNED);
            byStatus.merge(status == null ? "NONE" : status.name(), 1, Integer::sum);
            byGrade.merge(e == null || e.selfGrade == null ? "NONE" : e.selfGrade.name(), 1, Integer::sum);
            byDirection.merge(e == null || e.direction == null ? "NONE" : e.direction.name(), 1, Integer::sum);
            items.add(new EvaluationOverviewItem(node.code, node.title, status, e == null ? null : e.selfGrade,
                    e == null ? null : e.direction, late,
                    e == null ? null : e.updatedAt));
        }
        return new EvaluationOverview(plan.code, year, dueDate, byStatus, byGrade, byDirection, items);
    }

    /** The nodes that get a sheet: those at the plan's deepest named level, or leaves when the tree is shallower. */
    public List<PlanNode> measures(Plan plan) {
        List<PlanNode> nodes = plans.nodes(plan);
        Set<Long> parents = new HashSet<>();
        nodes.forEach(n -> {
            if (n.parent != null) {
                parents.add(n.parent.id);
            }
        });
        List<PlanNode> ordered = new ArrayList<>();
        collect(nodes, null, ordered);
        return ordered.stream().filter(n -> !parents.contains(n.id)).toList();
    }

    private static void collect(List<PlanNode> all, PlanNode parent, List<PlanNode> out) {
        for (PlanNode n : all) {
            if (parent == null ? n.parent == null : n.parent != null && n.parent.id.equals(parent.id)) {
                out.add(n);
                collect(all, n, out);
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    EvaluationSheet sheet(String planCode, int year, jp.tsunagu.indicator.IndicatorSheetText indicatorText) {
        Plan plan = plans.require(planCode);
        return EvaluationSheet.of(plan, year, plans, evaluations.ofPlanYear(plan, year), indicatorText, findings.of(plan));
    }

    @Override
    public Map<Long, List<NodeIndicatorSummary>> indicatorsByNode(Plan plan) {
        return Map.of();
    }

    @Override
    public java.util.Map<String, Long> countContents(List<PlanNode> nodes) {
        return java.util.Map.of("evaluations", (long) evaluations.onNodes(nodes).size());
    }

    @Override
    public void deleteContents(List<PlanNode> nodes) {
        evaluations.onNodes(nodes).forEach(evaluations::delete);
        evaluations.flush();
    }
}
