package jp.tsunagu.audit;

/** Whose data: a recipient's (要支援者, including their requests), a supporter's (担い手) or a staff account's (職員アカウント). */
public enum AuditedRecord {
    RECIPIENT, SUPPORTER, ACCOUNT
}
