package jp.tsunagu.audit;

/**
 * Whose data: a recipient's (要支援者, including their requests), a supporter's (担い手), a staff account's (職員アカウント),
 * or the audit log itself (監査ログ: reading it shows who looked at whom, so the reading is recorded too).
 */
public enum AuditedRecord {
    RECIPIENT, SUPPORTER, ACCOUNT, AUDIT_LOG
}
