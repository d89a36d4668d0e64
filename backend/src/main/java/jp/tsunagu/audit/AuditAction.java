package jp.tsunagu.audit;

/** What was done with the personal data: 作成 / 閲覧 / 変更. */
public enum AuditAction {
    CREATE, READ, UPDATE
}
