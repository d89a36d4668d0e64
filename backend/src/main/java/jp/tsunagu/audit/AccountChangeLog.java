package jp.tsunagu.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jp.tsunagu.access.Access;
import jp.tsunagu.access.AccessResolver;
import jp.tsunagu.auth.AccountChanged;

/** Writes every change to a staff account to the audit log, in the transaction of the change. */
@ApplicationScoped
class AccountChangeLog {

    private final AuditLog log;
    private final AccessResolver access;

    AccountChangeLog(AuditLog log, AccessResolver access) {
        this.log = log;
        this.access = access;
    }

    void onChange(@Observes AccountChanged change) {
        log.record(new Access(change.actor(), access.ip(), null), change.created() ? AuditAction.CREATE : AuditAction.UPDATE,
                AuditedRecord.ACCOUNT, change.accountId(), change.detail());
    }
}
