package jp.tsunagu.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.Versions;

import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.List;

/** 課題・困りごと・現状 of a plan: listed on its page and in its sheet; PLANNER and ADMIN write them. */
@ApplicationScoped
public class PlanFindingService {

    private final PlanService plans;
    private final PlanRepository nodes;
    private final PlanFindingRepository findings;
    private final PlanChanges changes;

    PlanFindingService(PlanService plans, PlanRepository nodes, PlanFindingRepository findings, PlanChanges changes) {
        this.plans = plans;
        this.nodes = nodes;
        this.findings = findings;
        this.changes = changes;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanFinding> of(Plan plan) {
        return findings.of(plan, null);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    FindingList list(String planCode, String nodeCode) {
        Plan plan = plans.require(planCode);
        PlanNode node = Strings.absent(nodeCode) ? null : plans.requireNode(plan, nodeCode.strip());
        return new FindingList(findings.of(plan, node).stream().map(FindingResponse::of).toList());
    }

    @Transactional
    FindingResponse create(String planCode, FindingRequest r, String who) {
        Plan plan = plans.require(planCode);
        PlanFinding f = new PlanFinding();
        f.plan = plan;
        f.position = findings.nextPosition(plan);
        apply(f, plan, r, who);
        findings.persist(f);
        changes.record(plan, "FINDING", String.valueOf(f.position), "title", null, f.title, who);
        findings.flush();
        return FindingResponse.of(f);
    }

    @Transactional
    FindingResponse update(String planCode, long id, FindingRequest r, String who) {
        Plan plan = plans.require(planCode);
        PlanFinding f = require(plan, id);
        Versions.check(r.version(), f.version, "「" + f.title + "」");
        changes.record(plan, "FINDING", String.valueOf(f.position), "title", f.title, r.title().strip(), who);
        changes.record(plan, "FINDING", String.valueOf(f.position), "text", f.body, Strings.strippedOrNull(r.text()), who);
        apply(f, plan, r, who);
        findings.flush();
        return FindingResponse.of(f);
    }

    @Transactional
    void delete(String planCode, long id, String who) {
        Plan plan = plans.require(planCode);
        PlanFinding f = require(plan, id);
        changes.record(plan, "FINDING", String.valueOf(f.position), "title", f.title, null, who);
        findings.delete(f);
    }

    private PlanFinding require(Plan plan, long id) {
        return findings.find(plan, id).orElseThrow(() -> ProblemException.notFound("finding-not-found",
                "計画「" + plan.title + "」に番号 " + id + " の課題・困りごとはありません。"));
    }

    private void apply(PlanFinding f, Plan plan, FindingRequest r, String who) {
        f.node = Strings.absent(r.nodeCode()) ? null : nodes.node(plan, r.nodeCode().strip())
                .orElseThrow(() -> ProblemException.unprocessable("node-not-found", "nodeCode", "項目 " + r.nodeCode() + " はありません"));
        f.kind = r.kind();
        f.title = r.title().strip();
        f.body = Strings.strippedOrNull(r.text());
        f.examples.clear();
        if (r.examples() != null) {
            r.examples().forEach(e -> f.examples.add(e.strip()));
        }
        f.sources.clear();
        f.sources.addAll(r.sources() == null || r.sources().isEmpty() ? EnumSet.noneOf(FindingSource.class) : EnumSet.copyOf(r.sources()));
        f.updatedAt = OffsetDateTime.now();
        f.updatedBy = who;
    }
}
