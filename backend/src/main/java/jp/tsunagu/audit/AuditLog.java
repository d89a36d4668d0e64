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
}
