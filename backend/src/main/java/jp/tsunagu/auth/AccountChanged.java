package jp.tsunagu.auth;

/**
 * Fired in the transaction of every change to a staff account (the audit log records it: who, when, what, from
 * where). An event rather than a call, so that the audit package, which knows the caller's address, may depend on
 * auth and not the other way round.
 */
public record AccountChanged(String actor, boolean created, long accountId, String detail) {
}
