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
