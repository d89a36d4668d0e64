package jp.tsunagu.plan;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Optional;

@ApplicationScoped
class PlanFindingRepository implements PanacheRepositoryBase<PlanFinding, Long> {

    /** The plan's findings in written order; with a node, only those attached to it. */
    List<PlanFinding> of(Plan plan, PlanNode node) {
        return node == null ? list("plan = ?1 order by position, id", plan) : list("plan = ?1 and node = ?2 order by position, id", plan, node);
    }

    Optional<PlanFinding> find(Plan plan, long id) {
        return find("plan = ?1 and id = ?2", plan, id).firstResultOptional();
    }

    int nextPosition(Plan plan) {
        return ((Number) getEntityManager().createQuery("select coalesce(max(f.position), -1) + 1 from PlanFinding f where f.plan = :p")
                .setParameter("p", plan).getSingleResult()).intValue();
    }
}
