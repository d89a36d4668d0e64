package jp.tsunagu.indicator;

/** 評価: A (達成) … D, from the achievement rate and the plan's thresholds, or a measure's self-assessment. */
public enum Grade {
    A, B, C, D
}
