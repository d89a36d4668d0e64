import type { AuditAction, AuditedRecord } from './api/audit-log';

/** What was done, in Japanese; typed by the API's enum, so a new action fails here. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  CREATE: '登録',
  READ: '閲覧',
  UPDATE: '変更',
};

/** The kinds of record the log covers, in the order the filter offers them. */
export const AUDITED_RECORD_LABELS: Record<AuditedRecord, string> = {
  RECIPIENT: '要支援者',
  SUPPORTER: '担い手',
  ACCOUNT: '職員アカウント',
  AUDIT_LOG: '監査ログ（閲覧）',
};

export const AUDITED_RECORDS = Object.keys(AUDITED_RECORD_LABELS) as AuditedRecord[];
