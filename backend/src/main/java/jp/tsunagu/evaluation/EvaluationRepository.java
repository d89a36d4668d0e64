package jp.tsunagu.evaluation;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jp.tsunagu.plan.Plan;
import jp.tsunagu.plan.PlanNode;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

@ApplicationScoped
public class EvaluationRepository implements PanacheRepositoryBase<Evaluation, Long> {

    public Optional<Evaluation> find(PlanNode node, int fiscalYear) {
        return find("node = ?1 and fiscalYear = ?2", node, fiscalYear).firstResultOptional();
    }

    public List<Evaluation> ofPlanYear(Plan plan, int fiscalYear) {
        return getEntityManager().createQuery(
                        "select e from Evaluation e join fetch e.node n where n.plan = :plan and e.fiscalYear = :year", Evaluation.class)
                .setParameter("plan", plan).setParameter("year", fiscalYear).getResultList();
    }

    public List<Evaluation> onNodes(Collection<PlanNode> nodes) {
        return getEntityManager().createQuery("select e from Evaluation e where e.node in :nodes", Evaluation.class)
                .setParameter("nodes", nodes).getResultList();
    }
}
