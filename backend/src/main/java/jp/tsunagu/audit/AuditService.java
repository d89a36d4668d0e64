package jp.tsunagu.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/** Reading the audit log (the log has no entity: it is only ever appended to, by {@link AuditLog}). */
@ApplicationScoped
class AuditService {

    private final EntityManager em;

    AuditService(EntityManager em) {
        this.em = em;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    AuditEntryList list(AuditedRecord entity, String actor, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select id, at, actor, action, entity, entity_id, ip, detail from audit_log
                        where (cast(?1 as text) is null or entity = ?1) and (cast(?2 as text) is null or actor = ?2)
                        order by id desc limit ?3""")
                .setParameter(1, entity == null ? null : entity.name()).setParameter(2, actor).setParameter(3, limit).getResultList();
        return new AuditEntryList(rows.stream().map(r -> new AuditEntry(((Number) r[0]).longValue(),
                r[1] instanceof OffsetDateTime odt ? odt : ((Instant) r[1]).atOffset(ZoneOffset.UTC),
                (String) r[2], AuditAction.valueOf((String) r[3]), AuditedRecord.valueOf((String) r[4]), r[5] == null ? null : ((Number) r[5]).longValue(), (String) r[6], (String) r[7])).toList());
    }
}
