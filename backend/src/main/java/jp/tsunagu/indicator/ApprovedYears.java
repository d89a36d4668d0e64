package jp.tsunagu.indicator;

import jp.tsunagu.plan.PlanNode;

/**
 * Whether a node's evaluation sheet (事業調書) for a fiscal year is approved: its indicators' values of that year
 * are then read-only until the sheet is reopened. Implemented where the sheets live (evaluation), which
 * depends on indicators, not the other way round.
 */
public interface ApprovedYears {
    boolean approved(PlanNode node, int fiscalYear);
}
