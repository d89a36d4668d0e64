package jp.tsunagu.indicator;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.plan.Plan;
import jp.tsunagu.plan.PlanNode;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, Long> {

    public Optional<Indicator> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /**
     * 指標の一覧 (the catalogue): by plan code, by node code (the node and everything below it, by its path), by text in
     * the code or name, changed since; in id order after the cursor (the last id of the previous page).
     */
    public List<Indicator> catalogue(String planCode, String nodeCode, String text, java.time.OffsetDateTime since, long afterId, int limit) {
        var query = getEntityManager().createQuery("select i from Indicator i join fetch i.node n join fetch n.plan p where i.id > :after"
                + (planCode == null ? "" : " and p.code = :plan")
                + (nodeCode == null ? "" : " and n.id in :nodes")
                + (text == null ? "" : " and (lower(i.name) like :text or lower(i.code) like :text)")
                + (since == null ? "" : " and i.updatedAt >= :since")
                + " order by i.id", Indicator.class).setParameter("after", afterId);
        if (planCode != null) {
            query.setParameter("plan", planCode);
        }
        if (nodeCode != null) {
            query.setParameter("nodes", subtree(planCode, nodeCode));
        }
        if (text != null) {
            query.setParameter("text", "%" + text.toLowerCase(java.util.Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** The ids of the node with this code (in the plan, where given) and of every node below it. */
    @SuppressWarnings("unchecked")
    private List<Long> subtree(String planCode, String nodeCode) {
        List<Number> ids = getEntityManager().createNativeQuery("""
                        with recursive below (id) as (
                            select n.id from plan_node n join plan p on p.id = n.plan_id
                            where n.code = ?1 and (cast(?2 as text) is null or p.code = ?2)
                            union all
                            select c.id from plan_node c join below b on c.parent_id = b.id)
                        select id from below""")
                .setParameter(1, nodeCode).setParameter(2, planCode).getResultList();
        List<Long> out = ids.stream().map(Number::longValue).toList();
        return out.isEmpty() ? List.of(-1L) : out;
    }

    /** The source keys of the indicators' derived values (survey:…, support-stats:…), by indicator id. */
    public java.util.Map<Long, String> sources(Collection<Indicator> on) {
        if (on.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.Map<Long, String> out = new java.util.HashMap<>();
        getEntityManager().createQuery("select v.indicator.id, max(v.source) from IndicatorValue v where v.indicator in :on and v.source is not null"
                        + " group by v.indicator.id", Object[].class)
                .setParameter("on", on).getResultList().forEach(r -> out.put((Long) r[0], (String) r[1]));
        return out;
    }

    public List<Indicator> onPlan(Plan plan) {
        return getEntityManager().createQuery(
                        "select i from Indicator i join fetch i.node n where n.plan = :plan order by i.position, i.code", Indicator.class)
                .setParameter("plan", plan).getResultList();
    }

    public List<Indicator> onNodes(Collection<PlanNode> nodes) {
        return getEntityManager().createQuery("select i from Indicator i where i.node in :nodes", Indicator.class)
                .setParameter("nodes", nodes).getResultList();
    }

    public long countValues(Collection<Indicator> on) {
        return on.isEmpty() ? 0 : getEntityManager().createQuery("select count(v) from IndicatorValue v where v.indicator in :on", Long.class)
                .setParameter("on", on).getSingleResult();
    }

    public List<IndicatorValue> values(Indicator indicator) {
        return getEntityManager().createQuery(
                        "select v from IndicatorValue v left join fetch v.option where v.indicator = :i order by v.fiscalYear, v.kind", IndicatorValue.class)
                .setParameter("i", indicator).getResultList();
    }

    public Optional<IndicatorValue> value(Indicator indicator, IndicatorOption option, int year, ValueKind kind) {
        var query = getEntityManager().createQuery("select v from IndicatorValue v where v.indicator = :i and v.fiscalYear = :y and v.kind = :k and "
                        + (option == null ? "v.option is null" : "v.option = :o"), IndicatorValue.class)
                .setParameter("i", indicator).setParameter("y", year).setParameter("k", kind);
        if (option != null) {
            query.setParameter("o", option);
        }
        return query.getResultStream().findFirst();
    }

    public List<IndicatorValueChange> planHistory(Plan plan, java.time.OffsetDateTime since) {
        return getEntityManager().createQuery("""
                        select c from IndicatorValueChange c join fetch c.indicator i join fetch i.node n
                        where n.plan = :plan and c.changedAt > :since order by c.changedAt desc, c.id desc""", IndicatorValueChange.class)
                .setParameter("plan", plan).setParameter("since", since).setMaxResults(5000).getResultList();
    }

    public List<IndicatorValueChange> history(Indicator indicator) {
        return getEntityManager().createQuery(
                        "select c from IndicatorValueChange c where c.indicator = :i order by c.changedAt desc, c.id desc", IndicatorValueChange.class)
                .setParameter("i", indicator).getResultList();
    }

    /** Values and their history belong to the indicator's aggregate: stored and removed through its repository. */
    public void persistValue(IndicatorValue value) {
        getEntityManager().persist(value);
    }

    public void deleteValue(IndicatorValue value) {
        getEntityManager().remove(value);
    }

    public void recordChange(IndicatorValueChange change) {
        getEntityManager().persist(change);
    }
}
