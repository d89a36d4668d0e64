package jp.tsunagu.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.indicator.ApprovedYears;
import jp.tsunagu.plan.PlanNode;

/** An approved sheet locks its node's indicator values of that year. */
@ApplicationScoped
class ApprovedEvaluations implements ApprovedYears {

    private final EvaluationRepository evaluations;

    ApprovedEvaluations(EvaluationRepository evaluations) {
        this.evaluations = evaluations;
    }

    @Override
    public boolean approved(PlanNode node, int fiscalYear) {
        return evaluations.count("node = ?1 and fiscalYear = ?2 and status = ?3", node, fiscalYear, EvaluationStatus.APPROVED) > 0;
    }
}
