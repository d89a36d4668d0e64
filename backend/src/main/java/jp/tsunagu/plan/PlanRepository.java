package jp.tsunagu.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, Long> {

    public Optional<Plan> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    public List<PlanNode> nodes(Plan plan) {
        return getEntityManager().createQuery(
                        "select n from PlanNode n left join fetch n.parent where n.plan = :plan order by n.position, n.id", PlanNode.class)
                .setParameter("plan", plan).getResultList();
    }

    public List<NodeRole> roles(Plan plan) {
        return getEntityManager().createQuery(
                        "select r from NodeRole r join fetch r.node n join fetch r.actor where n.plan = :plan", NodeRole.class)
                .setParameter("plan", plan).getResultList();
    }

    public Optional<PlanNode> node(Plan plan, String code) {
        return getEntityManager().createQuery("select n from PlanNode n where n.plan = :plan and n.code = :code", PlanNode.class)
                .setParameter("plan", plan).setParameter("code", code).getResultStream().findFirst();
    }

    public List<PlanNode> children(Plan plan, PlanNode parent) {
        if (parent == null) {
            return new java.util.ArrayList<>(getEntityManager().createQuery(
                            "select n from PlanNode n where n.plan = :plan and n.parent is null order by n.position, n.id", PlanNode.class)
                    .setParameter("plan", plan).getResultList());
        }
        return new java.util.ArrayList<>(getEntityManager().createQuery(
                        "select n from PlanNode n where n.parent = :parent order by n.position, n.id", PlanNode.class)
                .setParameter("parent", parent).getResultList());
    }

    /** A plan of the same city and kind whose period shares a year with start–end. */
    public java.util.Optional<Plan> overlapping(jp.tsunagu.area.Area city, PlanKind kind, int start, int end) {
        return find("city = ?1 and kind = ?2 and periodStart <= ?4 and periodEnd >= ?3 order by periodStart", city, kind, start, end)
                .firstResultOptional();
    }

    /** Indicators per plan id (the plan list's counts). */
    public java.util.Map<Long, Long> indicatorCounts() {
        java.util.Map<Long, Long> counts = new java.util.HashMap<>();
        for (Object[] row : getEntityManager().createQuery(
                "select n.plan.id, count(i) from Indicator i join i.node n group by n.plan.id", Object[].class).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** Nodes belong to their plan's aggregate: they are stored and removed through its repository. */
    public void persistNode(PlanNode node) {
        getEntityManager().persist(node);
    }

    public void deleteNode(PlanNode node) {
        getEntityManager().remove(node);
    }

    /** The nodes' own legends, by node id, in printed order (one query for the whole tree). */
    public java.util.Map<Long, List<LegendEntry>> nodeLegends(Plan plan) {
        java.util.Map<Long, List<LegendEntry>> out = new java.util.HashMap<>();
        for (Object[] row : getEntityManager().createQuery(
                "select n.id, l from PlanNode n join n.legend l where n.plan = :plan order by n.id, index(l)", Object[].class)
                .setParameter("plan", plan).getResultList()) {
            out.computeIfAbsent((Long) row[0], k -> new java.util.ArrayList<>()).add((LegendEntry) row[1]);
        }
        return out;
    }
}
