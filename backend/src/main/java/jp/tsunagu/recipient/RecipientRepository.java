package jp.tsunagu.recipient;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

@ApplicationScoped
class RecipientRepository implements PanacheRepositoryBase<Recipient, Long> {

    /** Recipients whose name or kana contains the text, in kana order; {@code scope} null = every area. */
    List<Recipient> search(String text, Set<Long> scope, int limit) {
        var query = getEntityManager().createQuery("select p from Recipient p join fetch p.area where (p.name like :like or p.kana like :like)"
                + (scope == null ? "" : " and p.area.id in :scope") + " order by p.kana, p.id", Recipient.class);
        query.setParameter("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        if (scope != null) {
            query.setParameter("scope", scope);
        }
        return query.setMaxResults(limit).getResultList();
    }

    /**
     * The days the recipient's figures were counted on: their requests' received days and their assignments' days
     * (plain SQL over the tables, so that this package need not know the request package that owns them).
     */
    @SuppressWarnings("unchecked")
    List<LocalDate> countedDays(Recipient p) {
        List<Object> days = getEntityManager().createNativeQuery("""
                        select q.received_on from support_request q where q.recipient_id = ?1
                        union
                        select a.created_on from assignment a join support_request q on q.id = a.request_id where q.recipient_id = ?1""")
                .setParameter(1, p.id).getResultList();
        return days.stream().map(d -> d instanceof Date sql ? sql.toLocalDate() : (LocalDate) d).toList();
    }
}
