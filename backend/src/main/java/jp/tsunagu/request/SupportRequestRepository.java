package jp.tsunagu.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@ApplicationScoped
class SupportRequestRepository implements PanacheRepositoryBase<SupportRequest, Long> {

    /**
     * One page, newest first: received day descending, then id descending, after the (day, id) of the previous page's
     * last item. {@code scope} null = every area.
     */
    List<SupportRequest> page(RequestStatus status, Set<Long> scope, LocalDate afterDay, long afterId, int limit) {
        var query = getEntityManager().createQuery("select q from SupportRequest q join fetch q.recipient p join fetch p.area join fetch q.category where 1 = 1"
                + (status == null ? "" : " and q.status = :status")
                + (scope == null ? "" : " and p.area.id in :scope")
                + (afterDay == null ? "" : " and (q.receivedOn < :day or (q.receivedOn = :day and q.id < :id))")
                + " order by q.receivedOn desc, q.id desc", SupportRequest.class);
        if (status != null) {
            query.setParameter("status", status);
        }
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        if (afterDay != null) {
            query.setParameter("day", afterDay).setParameter("id", afterId);
        }
        return query.setMaxResults(limit).getResultList();
    }
}
