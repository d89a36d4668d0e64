package jp.tsunagu.indicator;

/** 基準値 / 目標値 / 実績値. */
public enum ValueKind {
    BASELINE, TARGET, ACTUAL
}
