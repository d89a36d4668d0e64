package jp.tsunagu.audit;

/** Whose personal data: a recipient's (要支援者, including their requests) or a supporter's (担い手). */
public enum AuditedRecord {
    RECIPIENT, SUPPORTER
}
