package jp.tsunagu.plan;

public enum PlanStatus {
    DRAFT, ACTIVE, CLOSED
}
