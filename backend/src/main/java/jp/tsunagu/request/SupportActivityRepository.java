package jp.tsunagu.request;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Set;

@ApplicationScoped
class SupportActivityRepository implements PanacheRepositoryBase<SupportActivity, Long> {

    /**
     * The activities of an assignment or of a supporter (whichever is given), newest first, of requests whose
     * recipient lives in the scope (null = every area).
     */
    List<SupportActivity> of(Long assignmentId, Long supporterId, Set<Long> scope) {
        var query = getEntityManager().createQuery("select a from SupportActivity a join fetch a.assignment x join fetch x.request q"
                + " join fetch q.recipient p join fetch q.category join fetch x.supporter s where 1 = 1"
                + (assignmentId == null ? "" : " and x.id = :assignment")
                + (supporterId == null ? "" : " and s.id = :supporter")
                + (scope == null ? "" : " and p.area.id in :scope")
                + " order by a.activityDate desc, a.id desc", SupportActivity.class);
        if (assignmentId != null) {
            query.setParameter("assignment", assignmentId);
        }
        if (supporterId != null) {
            query.setParameter("supporter", supporterId);
        }
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        return query.setMaxResults(5000).getResultList();
    }
}
