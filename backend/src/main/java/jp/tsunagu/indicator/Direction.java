package jp.tsunagu.indicator;

/** Which way is good: 増加 (INCREASE), 減少 (DECREASE), 維持 (MAINTAIN). */
public enum Direction {
    INCREASE, DECREASE, MAINTAIN
}
