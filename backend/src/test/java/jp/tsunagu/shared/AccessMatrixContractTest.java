package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.ContractOperations;
import jp.tsunagu.testing.ContractOperations.Operation;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access matrix (#16): every operation of the served contract × every role, each system-token scope and no
 * credentials. The table below says who may call each operation; an operation the contract has and the table has
 * not (a new endpoint) fails the build until someone decides who may call it. An allowed caller gets anything but
 * 401/403 (the paths name records that do not exist and bodies are empty, so nothing changes: 400, 404 or 422);
 * a caller not allowed gets 403 problem+json — before content negotiation or validation — and nobody without
 * credentials gets past 401. Another district's records answering 404 are checked in AccessMatrixTest and the
 * feature tests.
 */
@QuarkusTest
class AccessMatrixContractTest {

    private static final List<String> ROLES = List.of("ADMIN", "PLANNER", "APPROVER", "COORDINATOR", "VIEWER");
    private static final List<String> SCOPES = List.of("kpi:read", "directory:read", "indicator-values:write");

    /** operationId → who may call it: roles, scopes; PUBLIC (anyone) or AUTHENTICATED (any signed-in caller). */
    static final Map<String, String> MATRIX = Map.ofEntries(
            Map.entry("listAreas", "ADMIN PLANNER APPROVER COORDINATOR VIEWER directory:read"),
            Map.entry("getArea", "ADMIN PLANNER APPROVER COORDINATOR VIEWER directory:read"),
            Map.entry("getAreaSubtree", "ADMIN PLANNER APPROVER COORDINATOR VIEWER directory:read"),
            Map.entry("createArea", "ADMIN"),
            Map.entry("updateArea", "ADMIN"),
            Map.entry("retireArea", "ADMIN"),
            Map.entry("reinstateArea", "ADMIN"),
            Map.entry("importAreas", "ADMIN"),
            Map.entry("deleteArea", "ADMIN"),
            Map.entry("getAuditLog", "ADMIN"),
            Map.entry("getSetupStatus", "PUBLIC"),
            Map.entry("createFirstAdministrator", "PUBLIC"),
            Map.entry("listAccounts", "ADMIN"),
            Map.entry("createAccount", "ADMIN"),
            Map.entry("getAccount", "ADMIN"),
            Map.entry("updateAccount", "ADMIN"),
            Map.entry("resetAccountPassword", "ADMIN"),
            Map.entry("changeMyPassword", "AUTHENTICATED"),
            Map.entry("getLoginOptions", "PUBLIC"),
            Map.entry("issueToken", "PUBLIC"),
            Map.entry("getMe", "AUTHENTICATED"),
            Map.entry("createApiToken", "ADMIN"),
            Map.entry("listApiTokens", "ADMIN"),
            Map.entry("renewApiToken", "ADMIN"),
            Map.entry("revokeApiToken", "ADMIN"),
            Map.entry("rotateApiToken", "ADMIN"),
            Map.entry("listSupportCategories", "ADMIN PLANNER APPROVER COORDINATOR VIEWER"),
            Map.entry("putSupportCategory", "ADMIN"),
            Map.entry("listConsultationWindows", "ADMIN PLANNER APPROVER COORDINATOR VIEWER directory:read"),
            Map.entry("routeConsultation", "ADMIN PLANNER APPROVER COORDINATOR VIEWER directory:read"),
            Map.entry("getConsultationWindow", "ADMIN PLANNER APPROVER COORDINATOR VIEWER directory:read"),
            Map.entry("createConsultationWindow", "ADMIN"),
            Map.entry("updateConsultationWindow", "ADMIN"),
            Map.entry("deleteConsultationWindow", "ADMIN"),
            Map.entry("exportEvaluationSheet", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("importEvaluationSheet", "ADMIN PLANNER"),
            Map.entry("getEvaluationOverview", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("getEvaluation", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("writeEvaluation", "ADMIN PLANNER"),
            Map.entry("submitEvaluation", "ADMIN PLANNER"),
            Map.entry("approveEvaluation", "APPROVER"),
            Map.entry("returnEvaluation", "APPROVER"),
            Map.entry("reopenEvaluation", "APPROVER"),
            Map.entry("createIndicator", "ADMIN PLANNER"),
            Map.entry("publishPlan", "ADMIN PLANNER"),
            Map.entry("listOpenDataPlans", "PUBLIC"),
            Map.entry("getOpenDataCsv", "PUBLIC"),
            Map.entry("getOpenDataDataset", "PUBLIC"),
            Map.entry("getOpenDataSchema", "PUBLIC"),
            Map.entry("listIndicators", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("getIndicator", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("updateIndicator", "ADMIN PLANNER"),
            Map.entry("putIndicatorValue", "ADMIN PLANNER indicator-values:write"),
            Map.entry("putIndicatorValues", "ADMIN PLANNER indicator-values:write"),
            Map.entry("getIndicatorHistory", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("getPlanValueChanges", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("listKpis", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("getKpiSummary", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("compareKpis", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("listWebhooks", "ADMIN"),
            Map.entry("createWebhook", "ADMIN"),
            Map.entry("deleteWebhook", "ADMIN"),
            Map.entry("updateWebhook", "ADMIN"),
            Map.entry("listWebhookEvents", "ADMIN"),
            Map.entry("redeliverWebhookEvent", "ADMIN"),
            Map.entry("listIndicatorDefinitions", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("createIndicatorDefinition", "ADMIN PLANNER"),
            Map.entry("linkIndicatorDefinition", "ADMIN PLANNER"),
            Map.entry("putOlderPopulation", "ADMIN PLANNER"),
            Map.entry("listPlanFindings", "ADMIN PLANNER APPROVER COORDINATOR VIEWER"),
            Map.entry("createPlanFinding", "ADMIN PLANNER"),
            Map.entry("updatePlanFinding", "ADMIN PLANNER"),
            Map.entry("deletePlanFinding", "ADMIN PLANNER"),
            Map.entry("getPlanChanges", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("listPlans", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("createPlan", "ADMIN PLANNER"),
            Map.entry("copyPlan", "ADMIN PLANNER"),
            Map.entry("getPlan", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("updatePlan", "ADMIN PLANNER"),
            Map.entry("getPlanTree", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("createPlanNode", "ADMIN PLANNER"),
            Map.entry("updatePlanNode", "ADMIN PLANNER"),
            Map.entry("movePlanNode", "ADMIN PLANNER"),
            Map.entry("deletePlanNode", "ADMIN PLANNER"),
            Map.entry("findRecipients", "ADMIN COORDINATOR"),
            Map.entry("createRecipient", "ADMIN COORDINATOR"),
            Map.entry("updateRecipient", "ADMIN COORDINATOR"),
            Map.entry("getRecipient", "ADMIN COORDINATOR"),
            Map.entry("acceptAssignment", "ADMIN COORDINATOR"),
            Map.entry("declineAssignment", "ADMIN COORDINATOR"),
            Map.entry("getAssignmentHandout", "ADMIN COORDINATOR"),
            Map.entry("completeAssignment", "ADMIN COORDINATOR"),
            Map.entry("recordActivity", "ADMIN COORDINATOR"),
            Map.entry("listSupportRequests", "ADMIN COORDINATOR"),
            Map.entry("createSupportRequest", "ADMIN COORDINATOR"),
            Map.entry("getSupportRequest", "ADMIN COORDINATOR"),
            Map.entry("getSupportCandidates", "ADMIN COORDINATOR"),
            Map.entry("startMatching", "ADMIN COORDINATOR"),
            Map.entry("assignSupporter", "ADMIN COORDINATOR"),
            Map.entry("referSupportRequest", "ADMIN COORDINATOR"),
            Map.entry("cancelSupportRequest", "ADMIN COORDINATOR"),
            Map.entry("proposeBatch", "ADMIN COORDINATOR"),
            Map.entry("recordSharingDecision", "ADMIN COORDINATOR"),
            Map.entry("listSharingDecisions", "ADMIN COORDINATOR"),
            Map.entry("updateSupportRequest", "ADMIN COORDINATOR"),
            Map.entry("reopenSupportRequest", "ADMIN COORDINATOR"),
            Map.entry("getSupportRequestTimeline", "ADMIN COORDINATOR"),
            Map.entry("listActivities", "ADMIN COORDINATOR"),
            Map.entry("getFollowUps", "ADMIN COORDINATOR"),
            Map.entry("getFollowUpCounts", "ADMIN COORDINATOR"),
            Map.entry("getFollowUpSettings", "ADMIN COORDINATOR"),
            Map.entry("updateFollowUpSettings", "ADMIN"),
            Map.entry("confirmBatch", "ADMIN COORDINATOR"),
            Map.entry("listSupporters", "ADMIN COORDINATOR"),
            Map.entry("createSupporter", "ADMIN COORDINATOR"),
            Map.entry("updateSupporter", "ADMIN COORDINATOR"),
            Map.entry("listSupporterGroups", "ADMIN COORDINATOR"),
            Map.entry("createSupporterGroup", "ADMIN COORDINATOR"),
            Map.entry("updateSupporterGroup", "ADMIN COORDINATOR"),
            Map.entry("getSupporter", "ADMIN COORDINATOR"),
            Map.entry("listDistrictProfiles", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("putDistrictProfile", "ADMIN COORDINATOR"),
            Map.entry("listSupportStatRuleService", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("putSupportStatRule", "ADMIN PLANNER"),
            Map.entry("deleteSupportStatRule", "ADMIN PLANNER"),
            Map.entry("getSupportStatsYears", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("getSupportStats", "ADMIN PLANNER APPROVER COORDINATOR VIEWER kpi:read"),
            Map.entry("listSurveys", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("createSurvey", "ADMIN PLANNER"),
            Map.entry("getSurvey", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("updateSurvey", "ADMIN PLANNER"),
            Map.entry("deleteSurvey", "ADMIN PLANNER"),
            Map.entry("putPublishedDistribution", "ADMIN PLANNER"),
            Map.entry("importSurveyResponses", "ADMIN PLANNER"),
            Map.entry("compareSurvey", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("getSurveyBreakdown", "ADMIN PLANNER APPROVER VIEWER"),
            Map.entry("putSurveyRule", "ADMIN PLANNER"),
            Map.entry("deleteSurveyRule", "ADMIN PLANNER"));

    private static List<Operation> operations() throws IOException {
        return ContractOperations.all();
    }

    private static String tokenWith(String scope) {
        return Api.as("admin").body(Map.of("name", "行列 " + scope, "scopes", List.of(scope))).post("/api/v1/api-tokens")
                .then().statusCode(201).extract().path("token");
    }

    private static Response call(RequestSpecification spec, Operation op) {
        String path = op.path();
        for (Map.Entry<String, String> p : op.pathParameterTypes().entrySet()) {
            // A record that does not exist: the check must not depend on finding one.
            path = path.replace("{" + p.getKey() + "}", p.getValue().equals("integer") ? "999999999" : "zz-none");
        }
        if (op.mediaType() != null) {
            spec = spec.contentType(op.mediaType()).body(op.mediaType().contains("json") ? "{}" : "a\tb\n");
        }
        return spec.request(op.method(), path);
    }

    @Test
    void everyOperationOfTheContractHasARowAndEveryRowAnOperation() throws IOException {
        Set<String> inContract = new TreeSet<>();
        operations().forEach(op -> inContract.add(op.id()));
        assertEquals(new TreeSet<>(MATRIX.keySet()), inContract, "the access matrix and the contract name the same operations");
    }

    @Test
    void everyCallerGetsWhatTheMatrixSays() throws IOException {
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String scope : SCOPES) {
            tokens.put(scope, tokenWith(scope));
        }
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations()) {
            Set<String> allowed = Set.of(MATRIX.getOrDefault(op.id(), "").split(" "));
            boolean open = allowed.contains("PUBLIC");
            boolean anyone = allowed.contains("AUTHENTICATED");
            Response anonymous = call(RestAssured.given(), op);
            calls++;
            if (!open && anonymous.statusCode() != 401) {
                failures.add(op.id() + " anonymous → " + anonymous.statusCode() + " (401 expected)");
            }
            if (open && (anonymous.statusCode() == 401 || anonymous.statusCode() == 403)) {
                failures.add(op.id() + " anonymous → " + anonymous.statusCode() + " (public)");
            }
            Map<String, RequestSpecification> specs = new LinkedHashMap<>();
            for (String role : ROLES) {
                specs.put(role, Api.as(role.toLowerCase()));
            }
            tokens.forEach((scope, token) -> specs.put(scope, Api.bearer(token)));
            for (Map.Entry<String, RequestSpecification> caller : specs.entrySet()) {
                Response r = call(caller.getValue(), op);
                calls++;
                boolean may = open || anyone || allowed.contains(caller.getKey());
                if (may && (r.statusCode() == 401 || r.statusCode() == 403) && !(anyone && SCOPES.contains(caller.getKey()))) {
                    failures.add(op.id() + " " + caller.getKey() + " → " + r.statusCode() + " (allowed)");
                } else if (!may && r.statusCode() != 403) {
                    failures.add(op.id() + " " + caller.getKey() + " → " + r.statusCode() + " (403 expected)");
                } else if (!may && !"/problems/forbidden".equals(r.jsonPath().getString("type"))) {
                    failures.add(op.id() + " " + caller.getKey() + " → 403 without problem+json");
                }
                if (r.statusCode() >= 500) {
                    failures.add(op.id() + " " + caller.getKey() + " → " + r.statusCode());
                }
            }
        }
        assertTrue(calls > 900, "calls: " + calls);
        assertTrue(failures.isEmpty(), failures.size() + " cells differ from the matrix:\n" + String.join("\n", failures));
    }
}
