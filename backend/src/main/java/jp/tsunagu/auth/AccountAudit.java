package jp.tsunagu.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

/** Announces account changes to the audit log ({@link AccountChanged}). */
@ApplicationScoped
class AccountAudit {

    private final Event<AccountChanged> changes;

    AccountAudit(Event<AccountChanged> changes) {
        this.changes = changes;
    }

    void record(String actor, String action, Account account, String detail) {
        changes.fire(new AccountChanged(actor, "CREATE".equals(action), account.id, detail));
    }
}
