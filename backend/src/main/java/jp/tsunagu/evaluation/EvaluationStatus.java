package jp.tsunagu.evaluation;

/** 下書き → 提出 → 承認, or 差戻し back to the author. */
public enum EvaluationStatus {
    DRAFT, SUBMITTED, APPROVED, RETURNED
}
