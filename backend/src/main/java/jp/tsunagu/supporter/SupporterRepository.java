package jp.tsunagu.supporter;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

@ApplicationScoped
class SupporterRepository implements PanacheRepositoryBase<Supporter, Long> {

    /** One page in registration order after the id; {@code scope} null = every area. */
    List<Supporter> page(Set<Long> scope, long afterId, int limit) {
        var query = getEntityManager().createQuery("select s from Supporter s join fetch s.area left join fetch s.group where s.id > :after"
                + (scope == null ? "" : " and s.area.id in :scope") + " order by s.id", Supporter.class);
        query.setParameter("after", afterId).setMaxResults(limit);
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        return query.getResultList();
    }

    /** The assignments the supporter holds now, read from the row (the entity's copy is stale after a claim); locks the row if asked. */
    int openAssignments(long id, boolean lock) {
        return ((Number) getEntityManager().createNativeQuery("select open_assignments from supporter where id = ?1" + (lock ? " for update" : ""))
                .setParameter(1, id).getSingleResult()).intValue();
    }

    /**
     * Takes one place of the supporter's capacity, if they are active and have one free: the check and the increment
     * are one SQL update, so concurrent coordinators on any number of replicas cannot overfill a supporter.
     */
    boolean claim(long id) {
        return getEntityManager().createNativeQuery(
                        "update supporter set open_assignments = open_assignments + 1 where id = ?1 and active and open_assignments < capacity")
                .setParameter(1, id).executeUpdate() == 1;
    }

    /** Gives one place back. */
    void release(long id) {
        getEntityManager().createNativeQuery("update supporter set open_assignments = open_assignments - 1 where id = ?1 and open_assignments > 0")
                .setParameter(1, id).executeUpdate();
    }
}
