package jp.tsunagu.plan;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import jp.tsunagu.area.AreaKind;
import jp.tsunagu.area.AreaService;
import jp.tsunagu.shared.Strings;
import jp.tsunagu.shared.ProblemException;
import jp.tsunagu.shared.Versions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Plans and their trees: create, edit, move and delete nodes, and the actor roles on each node. */
@ApplicationScoped
public class PlanService {

    private final PlanRepository plans;
    private final AreaService areas;
    private final Instance<NodeContents> contents;
    private final PlanChanges changes;

    PlanService(PlanRepository plans, AreaService areas, Instance<NodeContents> contents, PlanChanges changes) {
        this.changes = changes;
        this.plans = plans;
        this.areas = areas;
        this.contents = contents;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan require(String code) {
        return plans.findByCode(code).orElseThrow(() -> ProblemException.notFound("plan-not-found", "計画 " + code + " はありません。"));
    }

    /** Every node of the plan, in tree order. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<PlanNode> nodes(Plan plan) {
        return plans.nodes(plan);
    }

    /** A published plan (for the open data), or 404 as if there were none. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Plan requirePublished(String code) {
        return plans.findByCode(code).filter(p -> p.publishedAt != null)
                .orElseThrow(() -> ProblemException.notFound("plan-not-found", "公開している計画 " + code + " はありません。"));
    }

    /** Every published plan, by code. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Plan> published() {
        return plans.listAll(io.quarkus.panache.common.Sort.by("code")).stream().filter(p -> p.publishedAt != null).toList();
    }

    /** Publishes the plan as open data, or stops publishing it; recorded in the plan's 変更履歴. */
    @Transactional
    PlanResponse publish(String code, boolean published, String who) {
        Plan plan = require(code);
        boolean was = plan.publishedAt != null;
        if (was != published) {
            plan.publishedAt = published ? java.time.OffsetDateTime.now() : null;
            changes.record(plan, "PLAN", plan.code, "published", was ? "公開" : "非公開", published ? "公開" : "非公開", who);
            plan.updatedAt = java.time.OffsetDateTime.now();
        }
        return PlanResponse.of(plan);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public PlanNode requireNode(Plan plan, String code) {
        return plans.node(plan, code).orElseThrow(() -> ProblemException.notFound("node-not-found",
                "計画「" + plan.title + "」にコード " + code + " の項目はありません。"));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    PlanList list() {
        Map<Long, Long> counts = plans.indicatorCounts();
        return new PlanList(plans.listAll(io.quarkus.panache.common.Sort.by("city.code").and("periodStart").and("code")).stream()
                .map(p -> new PlanSummary(p.code, p.title, p.kind, jp.tsunagu.area.AreaRef.of(p.city), p.periodStart, p.periodEnd,
                        p.status, counts.getOrDefault(p.id, 0L)))
                .toList());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    PlanResponse get(String code) {
        return PlanResponse.of(require(code));
    }

    @Transactional
    public PlanResponse create(CreatePlanRequest r) {
        if (plans.findByCode(r.code()).isPresent()) {
            throw ProblemException.conflict("plan-code-taken", "計画コード " + r.code() + " はすでに使われています。");
        }
        Plan plan = new Plan();
        plan.code = r.code();
        plan.city = areas.resolve(r.cityCode());
        if (plan.city.kind != AreaKind.CITY) {
            throw ProblemException.unprocessable("not-a-city", "計画の市には CITY の地域を指定してください（" + plan.city.name + " は " + plan.city.kind + "）。");
        }
        apply(plan, r.title(), r.kind(), r.periodStart(), r.periodEnd(), r.vision(), r.status() == null ? PlanStatus.ACTIVE : r.status(),
                r.levels(), r.gradeThresholds(), r.linkedPlans());
        if (r.legend() != null) {
            plan.legend = legend(r.legend(), "legend");
        }
        if (r.contacts() != null) {
            plan.contacts = contacts(r.contacts());
        }
        LinkedHashSet<String> keys = new LinkedHashSet<>();
        for (PlanActorDto a : r.actors()) {
            if (!keys.add(a.key())) {
                throw ProblemException.invalid("actors", "主体のキー " + a.key() + " が重複しています");
            }
            PlanActor actor = new PlanActor();
            actor.plan = plan;
            actor.key = a.key();
            actor.name = a.name().strip();
            actor.position = plan.actors.size();
            plan.actors.add(actor);
        }
        plans.persist(plan);
        return PlanResponse.of(plan);
    }

    /**
     * The start of the next period (第3次 from 第2次): the levels, actor columns, bands, tree, roles and indicators
     * (with their disaggregations), but no values and no evaluations. Refused when a plan of the same city and kind
     * already covers part of the new period.
     */
    @Transactional
    PlanResponse copy(String sourceCode, CopyPlanRequest r, String who) {
        Plan source = require(sourceCode);
        if (plans.findByCode(r.code()).isPresent()) {
            throw ProblemException.conflict("plan-code-taken", "計画コード " + r.code() + " はすでに使われています。");
        }
        if (r.periodEnd() < r.periodStart()) {
            throw ProblemException.unprocessable("invalid-period", "periodEnd", "計画期間の終わりが始まりより前です（" + r.periodStart() + "〜" + r.periodEnd() + "）");
        }
        plans.overlapping(source.city, source.kind, r.periodStart(), r.periodEnd()).ifPresent(other -> {
            throw ProblemException.conflict("plan-period-overlap", "同じ市・種類の計画「" + other.title + "」（" + other.periodStart + "〜"
                    + other.periodEnd + " 年度）と期間が重なります（" + r.periodStart() + "〜" + r.periodEnd() + " 年度）。");
        });
        Plan plan = new Plan();
        plan.code = r.code();
        plan.city = source.city;
        apply(plan, r.title(), source.kind, r.periodStart(), r.periodEnd(), source.vision, PlanStatus.DRAFT, source.levels,
                new GradeThresholds(source.gradeA, source.gradeB, source.gradeC), List.of());
        plan.legend = copyOf(source.legend);
        plan.contacts = new ArrayList<>(source.contacts.stream().map(c -> new PlanContact(c.department, c.phone, c.fax)).toList());
        Map<String, PlanActor> actors = new HashMap<>();
        for (PlanActor a : source.actors) {
            PlanActor actor = new PlanActor();
            actor.plan = plan;
            actor.key = a.key;
            actor.name = a.name;
            actor.position = a.position;
            plan.actors.add(actor);
            actors.put(a.key, actor);
        }
        plans.persist(plan);
        Map<Long, PlanNode> twins = new HashMap<>();
        for (PlanNode n : plans.nodes(source).stream().sorted(java.util.Comparator.comparingInt(PlanService::depth)).toList()) {
            PlanNode twin = new PlanNode();
            twin.plan = plan;
            twin.parent = n.parent == null ? null : twins.get(n.parent.id);
            twin.code = n.code;
            twin.title = n.title;
            twin.summary = n.summary;
            twin.activityUnit = n.activityUnit;
            twin.position = n.position;
            twin.legend = copyOf(n.legend);
            twin.mainTarget = n.mainTarget;
            for (NodeRole role : n.roles) {
                NodeRole copy = new NodeRole();
                copy.node = twin;
                copy.actor = actors.get(role.actor.key);
                copy.symbol = role.symbol;
                copy.statement = role.statement;
                twin.roles.add(copy);
            }
            plans.persistNode(twin);
            twins.put(n.id, twin);
        }
        plans.flush();
        contents.forEach(c -> c.copyContents(source, plan, twins));
        changes.record(plan, "PLAN", plan.code, "copiedFrom", null, source.code, who);
        plans.flush();
        return PlanResponse.of(plan);
    }

    @Transactional
    PlanResponse update(String code, UpdatePlanRequest r, String who) {
        Plan plan = require(code);
        Versions.check(r.version(), plan.version, "計画「" + plan.title + "」");
        changes.record(plan, "PLAN", plan.code, "title", plan.title, r.title().strip(), who);
        changes.record(plan, "PLAN", plan.code, "kind", plan.kind, r.kind(), who);
        changes.record(plan, "PLAN", plan.code, "period", plan.periodStart + "-" + plan.periodEnd, r.periodStart() + "-" + r.periodEnd(), who);
        changes.record(plan, "PLAN", plan.code, "vision", plan.vision, r.vision(), who);
        changes.record(plan, "PLAN", plan.code, "status", plan.status, r.status(), who);
        changes.record(plan, "PLAN", plan.code, "levels", plan.levels, r.levels(), who);
        changes.record(plan, "PLAN", plan.code, "gradeThresholds",
                plan.gradeA.stripTrailingZeros().toPlainString() + "/" + plan.gradeB.stripTrailingZeros().toPlainString() + "/" + plan.gradeC.stripTrailingZeros().toPlainString(),
                r.gradeThresholds().a().stripTrailingZeros().toPlainString() + "/" + r.gradeThresholds().b().stripTrailingZeros().toPlainString() + "/" + r.gradeThresholds().c().stripTrailingZeros().toPlainString(), who);
        apply(plan, r.title(), r.kind(), r.periodStart(), r.periodEnd(), r.vision(), r.status(), r.levels(), r.gradeThresholds(), r.linkedPlans());
        if (r.legend() != null) {
            List<LegendEntry> legend = legend(r.legend(), "legend");
            changes.record(plan, "PLAN", plan.code, "legend", legendText(plan.legend), legendText(legend), who);
            plan.legend.clear();
            plan.legend.addAll(legend);
        }
        if (r.contacts() != null) {
            List<PlanContact> contacts = contacts(r.contacts());
            changes.record(plan, "PLAN", plan.code, "contacts", contactText(plan.contacts), contactText(contacts), who);
            plan.contacts.clear();
            plan.contacts.addAll(contacts);
        }
        plan.updatedAt = java.time.OffsetDateTime.now();
        plans.flush();
        return PlanResponse.of(plan);
    }

    private void apply(Plan plan, String title, PlanKind kind, int start, int end, String vision, PlanStatus status,
                       List<String> levels, GradeThresholds thresholds, List<String> linked) {
        if (end < start) {
            throw ProblemException.invalid("periodEnd", "計画期間の終わりが始まりより前です（" + start + "〜" + end + "）");
        }
        if (thresholds != null && !(thresholds.a().compareTo(thresholds.b()) > 0 && thresholds.b().compareTo(thresholds.c()) > 0)) {
            throw ProblemException.unprocessable("grade-bands-out-of-order", "gradeThresholds",
                    "評価の閾値は A > B > C の順にしてください（A " + thresholds.a().toPlainString() + "%・B " + thresholds.b().toPlainString()
                            + "%・C " + thresholds.c().toPlainString() + "%）");
        }
        plan.title = title.strip();
        plan.kind = kind;
        plan.periodStart = start;
        plan.periodEnd = end;
        plan.vision = vision;
        plan.status = status;
        plan.levels.clear();
        levels.forEach(l -> plan.levels.add(l.strip()));
        if (thresholds != null) {
            plan.gradeA = thresholds.a();
            plan.gradeB = thresholds.b();
            plan.gradeC = thresholds.c();
        }
        plan.links.clear();
        if (linked != null) {
            for (String other : linked) {
                Plan target = plans.findByCode(other).orElseThrow(() -> ProblemException.unprocessable("plan-not-found",
                        "関連計画 " + other + " はありません。"));
                if (target == plan) {
                    throw ProblemException.invalid("linkedPlans", "自分自身は関連計画にできません");
                }
                plan.links.add(target);
            }
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    PlanTree tree(String code) {
        Plan plan = require(code);
        List<PlanNode> nodes = plans.nodes(plan);
        Map<Long, List<PlanNode>> byParent = new HashMap<>();
        for (PlanNode n : nodes) {
            byParent.computeIfAbsent(n.parent == null ? 0L : n.parent.id, k -> new ArrayList<>()).add(n);
        }
        Map<Long, List<NodeRole>> roles = new HashMap<>();
        for (NodeRole r : plans.roles(plan)) {
            roles.computeIfAbsent(r.node.id, k -> new ArrayList<>()).add(r);
        }
        roles.values().forEach(list -> list.sort(java.util.Comparator.comparingInt(r -> r.actor.position)));
        Map<Long, List<NodeIndicatorSummary>> indicators = new HashMap<>();
        contents.forEach(c -> c.indicatorsByNode(plan).forEach((k, v) -> indicators.computeIfAbsent(k, x -> new ArrayList<>()).addAll(v)));
        Tree tree = new Tree(plan, byParent, roles, plans.nodeLegends(plan), indicators);
        return new PlanTree(PlanResponse.of(plan), tree.children(0L, 0, plan.legend));
    }

    /** What the tree response is built from, read once; the legend in force is handed down from parent to child. */
    private record Tree(Plan plan, Map<Long, List<PlanNode>> byParent, Map<Long, List<NodeRole>> roles,
                        Map<Long, List<LegendEntry>> legends, Map<Long, List<NodeIndicatorSummary>> indicators) {

        List<PlanTreeNode> children(long parentId, int depth, List<LegendEntry> inherited) {
            return byParent.getOrDefault(parentId, List.of()).stream().map(n -> {
                List<LegendEntry> own = legends.getOrDefault(n.id, List.of());
                List<LegendEntry> inForce = own.isEmpty() ? inherited : own;
                return new PlanTreeNode(n.code, n.title, n.summary, n.activityUnit, n.mainTarget, depth,
                        depth < plan.levels.size() ? plan.levels.get(depth) : null,
                        roles.getOrDefault(n.id, List.of()).stream().map(r -> cell(r.actor.key, r.symbol, r.statement, inForce)).toList(),
                        RoleLegendEntry.all(own), RoleLegendEntry.all(inForce), indicators.getOrDefault(n.id, List.of()),
                        children(n.id, depth + 1, inForce), n.version);
            }).toList();
        }
    }

    /** A role cell read through the legend in force: a symbol it does not list keeps its print and is flagged. */
    static RoleCell cell(String actor, String symbol, String statement, List<LegendEntry> legend) {
        return legend.stream().filter(e -> e.symbol.equals(symbol)).findFirst()
                .map(e -> new RoleCell(actor, symbol, e.role, e.meaning, true, statement))
                .orElseGet(() -> new RoleCell(actor, symbol, null, null, false, statement));
    }

    @Transactional
    public PlanTreeNode createNode(String planCode, CreateNodeRequest r) {
        Plan plan = require(planCode);
        if (plans.node(plan, r.code()).isPresent()) {
            throw ProblemException.conflict("node-code-taken", "コード " + r.code() + " の項目はすでにあります。");
        }
        PlanNode parent = Strings.strippedOrNull(r.parentCode()) == null ? null : plans.node(plan, r.parentCode())
                .orElseThrow(() -> ProblemException.unprocessable("parent-not-found", "親の項目 " + r.parentCode() + " はありません。"));
        PlanNode node = new PlanNode();
        node.plan = plan;
        node.parent = parent;
        node.code = r.code().strip();
        node.title = r.title().strip();
        node.summary = r.summary();
        node.activityUnit = r.activityUnit();
        node.mainTarget = Strings.strippedOrNull(r.mainTarget());
        List<PlanNode> siblings = plans.children(plan, parent);
        int position = r.position() == null ? siblings.size() : Math.min(r.position(), siblings.size());
        plans.persistNode(node);
        siblings.add(position, node);
        renumber(siblings);
        if (r.legend() != null) {
            node.legend = legend(r.legend(), "legend");
        }
        setRoles(plan, node, r.roles() == null ? List.of() : r.roles());
        plans.flush();
        List<LegendEntry> inForce = node.legendInForce();
        return new PlanTreeNode(node.code, node.title, node.summary, node.activityUnit, node.mainTarget, depth(node), null,
                node.roles.stream().map(x -> cell(x.actor.key, x.symbol, x.statement, inForce)).toList(),
                RoleLegendEntry.all(node.legend), RoleLegendEntry.all(inForce), List.of(), List.of(), node.version);
    }

    @Transactional
    void updateNode(String planCode, String code, UpdateNodeRequest r, String who) {
        Plan plan = require(planCode);
        PlanNode node = requireNode(plan, code);
        checkVersion(node, r.version());
        changes.record(plan, "NODE", node.code, "code", node.code, r.code().strip(), who);
        changes.record(plan, "NODE", node.code, "title", node.title, r.title().strip(), who);
        changes.record(plan, "NODE", node.code, "summary", node.summary, r.summary(), who);
        changes.record(plan, "NODE", node.code, "activityUnit", node.activityUnit, r.activityUnit(), who);
        List<String> rolesBefore = node.roles.stream().map(x -> x.actor.key + ":" + x.symbol + (x.statement == null ? "" : ":" + x.statement)).sorted().toList();
        List<LegendEntry> legendBefore = List.copyOf(node.legend);
        if (!r.code().equals(node.code) && plans.node(plan, r.code()).isPresent()) {
            throw ProblemException.conflict("node-code-taken", "コード " + r.code() + " の項目はすでにあります。");
        }
        node.code = r.code().strip();
        node.title = r.title().strip();
        node.summary = r.summary();
        node.activityUnit = r.activityUnit();
        if (r.mainTarget() != null) {
            changes.record(plan, "NODE", node.code, "mainTarget", node.mainTarget, Strings.strippedOrNull(r.mainTarget()), who);
            node.mainTarget = Strings.strippedOrNull(r.mainTarget());
        }
        node.updatedAt = java.time.OffsetDateTime.now();
        if (r.legend() != null) {
            List<LegendEntry> legend = legend(r.legend(), "legend");
            node.legend.clear();
            node.legend.addAll(legend);
        }
        setRoles(plan, node, r.roles());
        changes.record(plan, "NODE", node.code, "legend", legendText(legendBefore), legendText(node.legend), who);
        changes.record(plan, "NODE", node.code, "roles", rolesBefore,
                node.roles.stream().map(x -> x.actor.key + ":" + x.symbol + (x.statement == null ? "" : ":" + x.statement)).sorted().toList(), who);
        plans.flush();
    }

    @Transactional
    void moveNode(String planCode, String code, MoveNodeRequest r, String who) {
        Plan plan = require(planCode);
        PlanNode node = requireNode(plan, code);
        checkVersion(node, r.version());
        changes.record(plan, "NODE", node.code, "position",
                (node.parent == null ? "" : node.parent.code) + "#" + node.position, (r.parentCode() == null ? "" : r.parentCode()) + "#" + r.position(), who);
        PlanNode parent = Strings.strippedOrNull(r.parentCode()) == null ? null : plans.node(plan, r.parentCode())
                .orElseThrow(() -> ProblemException.unprocessable("parent-not-found", "移動先の親 " + r.parentCode() + " はありません。"));
        if (parent != null && node.isSelfOrAncestorOf(parent)) {
            throw ProblemException.unprocessable("invalid-parent", "自分自身やその下位の項目の下には移動できません。");
        }
        List<PlanNode> oldSiblings = plans.children(plan, node.parent);
        oldSiblings.remove(node);
        renumber(oldSiblings);
        node.parent = parent;
        List<PlanNode> siblings = plans.children(plan, parent);
        siblings.remove(node);
        siblings.add(Math.min(r.position(), siblings.size()), node);
        renumber(siblings);
        node.updatedAt = java.time.OffsetDateTime.now();
        plans.flush();
    }

    /** Refused while indicators or evaluations hang on the node or below, unless {@code cascade}. */
    @Transactional
    void deleteNode(String planCode, String code, boolean cascade, String who) {
        Plan plan = require(planCode);
        PlanNode node = requireNode(plan, code);
        changes.record(plan, "NODE", node.code, "deleted", node.title, null, who);
        List<PlanNode> subtree = subtree(plan, node);
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        counts.put("nodes", (long) subtree.size() - 1);
        contents.forEach(c -> counts.putAll(c.countContents(subtree)));
        List<String> uses = new ArrayList<>();
        counts.forEach((what, n) -> {
            if (n > 0) {
                uses.add(CONTENT_LABELS.getOrDefault(what, what) + " " + n + " 件");
            }
        });
        boolean inUse = counts.entrySet().stream().anyMatch(e -> !e.getKey().equals("nodes") && e.getValue() > 0);
        if (inUse && !cascade) {
            throw ProblemException.conflict("node-in-use", "項目「" + node.title + "」には " + String.join("、", uses)
                    + " があるため削除できません。まとめて削除するには cascade=true を指定してください。").withCounts(counts);
        }
        contents.forEach(c -> c.deleteContents(subtree));
        // Children before parents.
        for (int i = subtree.size() - 1; i >= 0; i--) {
            plans.deleteNode(subtree.get(i));
        }
        plans.flush();
        List<PlanNode> siblings = plans.children(plan, node.parent);
        renumber(siblings);
    }

    /** For imports: the node with this code, created under the parent when missing. */
    @Transactional
    public PlanNode importNode(Plan plan, PlanNode parent, String code, String title, String summary) {
        PlanNode node = new PlanNode();
        node.plan = plan;
        node.parent = parent;
        node.code = code;
        node.title = title;
        node.summary = summary;
        node.position = plans.children(plan, parent).size();
        plans.persistNode(node);
        return node;
    }

    /**
     * A legend read from a sheet for the plan (node null) or a node: replaces the one there when it differs.
     * Returns what changed (empty when nothing did); 422 naming nothing when the text is not a legend.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> importLegend(Plan plan, PlanNode node, String text, String who) {
        List<LegendEntry> legend = LegendEntry.parse(text).orElseThrow(() -> ProblemException.unprocessable("legend-unreadable",
                LegendEntry.UNREADABLE));
        List<LegendEntry> current = node == null ? plan.legend : node.legend;
        if (current.size() == legend.size() && java.util.stream.IntStream.range(0, legend.size()).allMatch(i -> current.get(i).sameAs(legend.get(i)))) {
            return Optional.empty();
        }
        String before = legendText(current);
        current.clear();
        current.addAll(legend);
        changes.record(plan, node == null ? "PLAN" : "NODE", node == null ? plan.code : node.code, "legend", before, legendText(legend), who);
        return Optional.of("凡例: " + LegendEntry.line(legend));
    }

    /**
     * The role symbols a sheet prints for a node, by actor name (市, 市社協 …); blank cells mean no role. Statements
     * already written stay. Returns what changed; 422 for an actor the plan has no column for.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<String> importRoles(PlanNode node, Map<String, String> symbolsByActorName, String who) {
        Plan plan = node.plan;
        Map<String, String> before = new java.util.TreeMap<>();
        node.roles.forEach(r -> before.put(r.actor.key, r.symbol));
        Map<String, String> after = new java.util.TreeMap<>();
        for (Map.Entry<String, String> e : symbolsByActorName.entrySet()) {
            PlanActor actor = plan.actors.stream().filter(a -> a.name.equals(e.getKey())).findFirst()
                    .orElseThrow(() -> ProblemException.unprocessable("unknown-actor", "役割表の列「" + e.getKey() + "」はこの計画の主体にありません"));
            String symbol = Strings.strippedOrNull(e.getValue());
            if (symbol != null) {
                after.put(actor.key, symbol);
            }
        }
        if (before.equals(after)) {
            return Optional.empty();
        }
        Map<String, String> statements = new HashMap<>();
        node.roles.forEach(r -> statements.put(r.actor.key, r.statement));
        changes.record(plan, "NODE", node.code, "roles", before.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList(),
                after.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList(), who);
        node.roles.clear();
        plans.flush();
        for (PlanActor actor : plan.actors) {
            if (after.containsKey(actor.key)) {
                NodeRole role = new NodeRole();
                role.node = node;
                role.actor = actor;
                role.symbol = after.get(actor.key);
                role.statement = statements.get(actor.key);
                node.roles.add(role);
            }
        }
        return Optional.of("役割: " + String.join(" ", plan.actors.stream().filter(a -> after.containsKey(a.key))
                .map(a -> a.name + after.get(a.key)).toList()));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<PlanNode> findNode(Plan plan, String code) {
        return plans.node(plan, code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    PlanChanges.ChangeList changes(String planCode, java.time.OffsetDateTime since) {
        return changes.since(require(planCode), since);
    }

    /** The node and everything below it, parents before children. */
    public List<PlanNode> subtree(Plan plan, PlanNode root) {
        Map<Long, List<PlanNode>> byParent = new HashMap<>();
        for (PlanNode n : plans.nodes(plan)) {
            if (n.parent != null) {
                byParent.computeIfAbsent(n.parent.id, k -> new ArrayList<>()).add(n);
            }
        }
        List<PlanNode> out = new ArrayList<>();
        out.add(root);
        for (int i = 0; i < out.size(); i++) {
            out.addAll(byParent.getOrDefault(out.get(i).id, List.of()));
        }
        return out;
    }

    private void setRoles(Plan plan, PlanNode node, List<RoleDto> roles) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        node.roles.clear();
        plans.flush();
        List<LegendEntry> legend = node.legendInForce();
        for (int i = 0; i < roles.size(); i++) {
            RoleDto r = roles.get(i);
            PlanActor actor = plan.actor(r.actor());
            if (actor == null) {
                throw ProblemException.unprocessable("unknown-actor", "主体 " + r.actor() + " はこの計画の役割表にありません（"
                        + String.join(", ", plan.actors.stream().map(a -> a.key).toList()) + "）。");
            }
            if (!seen.add(r.actor())) {
                throw ProblemException.invalid("roles", "主体 " + r.actor() + " が重複しています");
            }
            NodeRole role = new NodeRole();
            role.node = node;
            role.actor = actor;
            role.symbol = symbol(r, legend, "roles[" + i + "]");
            role.statement = r.statement();
            node.roles.add(role);
        }
    }

    /**
     * The symbol a role is stored with: as written when given (a symbol the legend does not list is kept, and read
     * back flagged); otherwise the legend's symbol for the role kind. Both given must agree with the legend.
     */
    private static String symbol(RoleDto r, List<LegendEntry> legend, String field) {
        String symbol = Strings.strippedOrNull(r.symbol());
        if (symbol == null) {
            if (r.role() == null) {
                throw ProblemException.invalid(field + ".symbol", "記号（◎ ○ □ …）か役割の種類（LEAD / PARTNER）を指定してください");
            }
            return legend.stream().filter(e -> e.role == r.role()).findFirst().map(e -> e.symbol)
                    .orElseThrow(() -> ProblemException.unprocessable("role-not-in-legend", field + ".role",
                            "凡例（" + legendText(legend) + "）に " + r.role() + " の記号がありません"));
        }
        if (r.role() != null) {
            legend.stream().filter(e -> e.symbol.equals(symbol)).findFirst().filter(e -> e.role != r.role()).ifPresent(e -> {
                throw ProblemException.unprocessable("role-symbol-mismatch", field + ".role",
                        "凡例では「" + symbol + "」は" + e.meaning + "（" + e.role + "）です");
            });
        }
        return symbol;
    }

    /** A legend as written: symbols stripped, each at most once. */
    private static List<LegendEntry> legend(List<RoleLegendEntry> entries, String field) {
        List<LegendEntry> out = new ArrayList<>();
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            RoleLegendEntry e = entries.get(i);
            String symbol = e.symbol().strip();
            if (!seen.add(symbol)) {
                throw ProblemException.invalid(field + "[" + i + "].symbol", "記号「" + symbol + "」が凡例に 2 回あります");
            }
            out.add(new LegendEntry(symbol, e.meaning().strip(), e.role()));
        }
        return out;
    }

    private static List<PlanContact> contacts(List<PlanContactDto> contacts) {
        return new ArrayList<>(contacts.stream().map(c -> new PlanContact(c.department().strip(), Strings.strippedOrNull(c.phone()),
                Strings.strippedOrNull(c.fax()))).toList());
    }

    /** 久留米市 健康福祉部 地域福祉課 電話 0942-30-9173 FAX 0942-30-9752 / …, as the change log and the sheet's footer show it. */
    public static String contactText(List<PlanContact> contacts) {
        return String.join(" / ", contacts.stream().map(c -> c.department + (c.phone == null ? "" : " 電話 " + c.phone)
                + (c.fax == null ? "" : " FAX " + c.fax)).toList());
    }

    private static List<LegendEntry> copyOf(List<LegendEntry> legend) {
        return new ArrayList<>(legend.stream().map(e -> new LegendEntry(e.symbol, e.meaning, e.role)).toList());
    }

    /** 「○」事業の実施主体 「□」連携・協力団体, as the change log and the messages show a legend. */
    static String legendText(List<LegendEntry> legend) {
        return String.join(" ", legend.stream().map(e -> "「" + e.symbol + "」" + e.meaning).toList());
    }

    private static void renumber(List<PlanNode> siblings) {
        for (int i = 0; i < siblings.size(); i++) {
            if (siblings.get(i).position != i) {
                siblings.get(i).position = i;
            }
        }
    }

    private static int depth(PlanNode node) {
        int d = 0;
        for (PlanNode n = node.parent; n != null; n = n.parent) {
            d++;
        }
        return d;
    }

    private static void checkVersion(PlanNode node, Long version) {
        Versions.check(version, node.version, "項目「" + node.title + "」");
    }

    private static final Map<String, String> CONTENT_LABELS = Map.of("nodes", "下位の項目", "indicators", "成果指標", "values", "指標の値",
            "evaluations", "事業調書");

    /** Implemented by the features that hang records on plan nodes (indicators, evaluations). */
    public interface NodeContents {
        Map<Long, List<NodeIndicatorSummary>> indicatorsByNode(Plan plan);

        /** What hangs on the nodes, counted by kind ({@code indicators}, {@code values}, {@code evaluations}). */
        Map<String, Long> countContents(List<PlanNode> nodes);

        /** For a copy of the plan (the next period): the contents of {@code from}'s nodes, recreated on their twins. */
        default void copyContents(Plan from, Plan to, Map<Long, PlanNode> twins) {
        }

        void deleteContents(List<PlanNode> nodes);
    }
}
