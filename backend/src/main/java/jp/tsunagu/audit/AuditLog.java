package jp.tsunagu.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jp.tsunagu.access.Access;

/**
 * Writes every read and write of personal data (recipients, supporters) to the audit log, in the
 * same transaction as the access. The API offers no way to change or delete an entry.
 */
@ApplicationScoped
public class AuditLog {

    private final EntityManager em;

    AuditLog(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Access access, AuditAction action, AuditedRecord entity, Long id, String detail) {
        em.createNativeQuery("insert into audit_log (actor, action, entity, entity_id, ip, detail) values (?1, ?2, ?3, ?4, ?5, ?6)")
                .setParameter(1, access.actor())
                .setParameter(2, action.name())
                .setParameter(3, entity.name())
                .setParameter(4, id)
                .setParameter(5, access.ip())
                .setParameter(6, detail == null ? null : detail.length() > 400 ? detail.substring(0, 400) : detail)
                .executeUpdate();
    }

    /** Newest first: entries of the record kind, by the actor, in [from, to), with an id below {@code beforeId}. */
    @SuppressWarnings("unchecked")
    java.util.List<AuditEntry> read(AuditedRecord entity, String actor, java.time.OffsetDateTime from, java.time.OffsetDateTime to,
                                    long beforeId, int limit) {
        java.util.List<Object[]> rows = em.createNativeQuery("""
                        select id, at, actor, action, entity, entity_id, ip, detail from audit_log
                        where (cast(?1 as text) is null or entity = ?1) and (cast(?2 as text) is null or actor = ?2)
                          and (cast(?3 as timestamptz) is null or at >= ?3) and (cast(?4 as timestamptz) is null or at < ?4)
                          and id < ?5
                        order by id desc limit ?6""")
                .setParameter(1, entity == null ? null : entity.name()).setParameter(2, actor)
                .setParameter(3, from).setParameter(4, to).setParameter(5, beforeId).setParameter(6, limit).getResultList();
        return rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(),
                r[1] instanceof java.time.OffsetDateTime odt ? odt : ((java.time.Instant) r[1]).atOffset(java.time.ZoneOffset.UTC),
                (String) r[2], AuditAction.valueOf((String) r[3]), AuditedRecord.valueOf((String) r[4]),
                r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], (String) r[7])).toList();
    }
}
