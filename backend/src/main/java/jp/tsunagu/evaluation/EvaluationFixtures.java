package jp.tsunagu.evaluation;

import com.fasterxml.jackson.databind.JsonNode;

import static jp.tsunagu.shared.JsonFields.text;
import jakarta.enterprise.context.ApplicationScoped;

/** Loads a measure's demo evaluation sheet text ({@code evaluation2022} in the fixture format). */
@ApplicationScoped
public class EvaluationFixtures {

    private final EvaluationService service;

    EvaluationFixtures(EvaluationService service) {
        this.service = service;
    }

    public void create(String planCode, String nodeCode, int fiscalYear, JsonNode e) {
        service.write(planCode, nodeCode, fiscalYear, new EvaluationRequest(text(e, "result"), text(e, "futureDirection"), null, null, null), "demo");
    }

}
