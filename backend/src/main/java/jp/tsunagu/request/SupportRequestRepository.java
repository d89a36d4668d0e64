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

    /**
     * 一括マッチング's backlog: the requests waiting for a supporter (受付・調整中) in the scope (null = every area),
     * received in [from, to] and of the category where given; at most {@code limit}.
     */
    List<SupportRequest> backlog(Set<Long> scope, LocalDate from, LocalDate to, String categoryCode, int limit) {
        var query = getEntityManager().createQuery("select q from SupportRequest q join fetch q.recipient p join fetch p.area join fetch q.category c"
                + " where q.status in :open"
                + (scope == null ? "" : " and p.area.id in :scope")
                + (from == null ? "" : " and q.receivedOn >= :from")
                + (to == null ? "" : " and q.receivedOn <= :to")
                + (categoryCode == null ? "" : " and c.code = :category")
                + " order by q.receivedOn, q.id", SupportRequest.class);
        query.setParameter("open", List.of(RequestStatus.RECEIVED, RequestStatus.MATCHING));
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (categoryCode != null) {
            query.setParameter("category", categoryCode);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /** The requests with these ids, with their recipients, areas and categories. */
    List<SupportRequest> withIds(java.util.Collection<Long> ids) {
        return getEntityManager().createQuery("select q from SupportRequest q join fetch q.recipient p join fetch p.area join fetch q.category"
                + " where q.id in :ids", SupportRequest.class).setParameter("ids", ids).getResultList();
    }
}
