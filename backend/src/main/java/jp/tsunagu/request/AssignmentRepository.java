package jp.tsunagu.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Collection;
import java.util.List;

@ApplicationScoped
class AssignmentRepository implements PanacheRepositoryBase<Assignment, Long> {

    List<Assignment> ofRequest(SupportRequest q) {
        return getEntityManager().createQuery("from Assignment a join fetch a.supporter where a.request = ?1 order by a.id", Assignment.class)
                .setParameter(1, q).getResultList();
    }

    List<Assignment> ofRequests(Collection<Long> requestIds) {
        return getEntityManager().createQuery("from Assignment a join fetch a.supporter where a.request.id in :ids order by a.id", Assignment.class)
                .setParameter("ids", requestIds).getResultList();
    }
}
