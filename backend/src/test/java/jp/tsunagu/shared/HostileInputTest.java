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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile bytes (#16): NUL, control characters, overlong UTF-8 and half characters in path parameters, query
 * parameters and JSON strings answer 400 problem+json naming the field, never 500, and nothing is stored.
 * The operations come from the contract, so a new endpoint is covered without a new row here.
 */
@QuarkusTest
class HostileInputTest {

    /** As sent on the wire: NUL, a control character, overlong "/" (C0 AF), a lone surrogate in UTF-8 (ED A0 80). */
    private static final List<String> HOSTILE = List.of("%00", "a%01b", "%C0%AF", "%ED%A0%80");

    private static List<Operation> operations() throws IOException {
        return ContractOperations.all();
    }

    private static String fill(Operation op, String target, String value) {
        String path = op.path();
        for (String p : op.pathParameters()) {
            path = path.replace("{" + p + "}", p.equals(target) ? value : "x1");
        }
        return path;
    }

    private static Response call(RequestSpecification spec, Operation op, String path) {
        RequestSpecification s = spec.urlEncodingEnabled(false);
        if (!op.method().equals("GET") && !op.method().equals("DELETE")) {
            s = s.contentType("application/json").body("{}");
        }
        return s.request(op.method(), path);
    }

    @Test
    void hostilePathParametersAnswer400NamingTheParameterAndNever500() throws IOException {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations()) {
            for (String parameter : op.pathParameters()) {
                for (String hostile : HOSTILE) {
                    String path = fill(op, parameter, hostile);
                    Response r = call(Api.as("admin"), op, path);
                    calls++;
                    boolean named = r.statusCode() == 400 && r.contentType().startsWith("application/problem+json")
                            && parameter.equals(r.jsonPath().getString("errors[0].field"));
                    // Who may call comes first (403 for an administrator on an approver's step), then the media type
                    // (415 for JSON sent to a file upload); a value the router cannot match may answer 404. Never 5xx.
                    if (!(named || List.of(403, 404, 415).contains(r.statusCode()))) {
                        failures.add(op.method() + " " + path + " → " + r.statusCode() + " " + r.asString());
                    }
                }
            }
        }
        assertTrue(calls > 100, "the contract should give many operations with path parameters: " + calls);
        assertTrue(failures.isEmpty(), failures.size() + " of " + calls + " calls:\n" + String.join("\n", failures));
    }

    @Test
    void hostileQueryParametersAnswer400AndNever500() throws IOException {
        List<String> failures = new ArrayList<>();
        int calls = 0;
        for (Operation op : operations()) {
            if (!op.method().equals("GET")) {
                continue;
            }
            for (String parameter : op.queryParameters()) {
                Response r = call(Api.as("admin"), op, fill(op, "", "") + "?" + parameter + "=x%00y");
                calls++;
                if (r.statusCode() >= 500 || (r.statusCode() == 400 && !parameter.equals(r.jsonPath().getString("errors[0].field")))) {
                    failures.add(op.method() + " " + op.path() + "?" + parameter + " → " + r.statusCode() + " " + r.asString());
                }
            }
        }
        assertTrue(calls > 30, "the contract should give many query parameters: " + calls);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void withoutCredentialsEverySecuredOperationAnswers401WhateverItsBodyOrParameters() throws IOException {
        List<String> failures = new ArrayList<>();
        for (Operation op : operations()) {
            if (!op.secured()) {
                // The public ones (signing in, the first administrator) answer without credentials.
                Response r = call(RestAssured.given(), op, fill(op, "", ""));
                if (r.statusCode() == 401 && r.jsonPath().getString("type").equals("/problems/unauthorized")) {
                    failures.add("public " + op.method() + " " + op.path() + " → 401");
                }
                continue;
            }
            for (String value : List.of("x1", "%00")) {
                String path = op.path();
                for (String p : op.pathParameters()) {
                    path = path.replace("{" + p + "}", value);
                }
                Response r = call(RestAssured.given(), op, path);
                if (r.statusCode() != 401 || !"/problems/unauthorized".equals(r.jsonPath().getString("type"))) {
                    failures.add(op.method() + " " + path + " → " + r.statusCode());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    @Test
    void hostileStringsInJsonAreRefusedNamingTheFieldAndNothingIsStored() {
        String plan = "hostile-" + UUID.randomUUID().toString().substring(0, 8);
        for (String title : List.of("計画\u0000", "計画\u0007", "計画\ud800", "計画\ufffd")) {
            Api.as("planner").body(Map.of("code", plan, "cityCode", "40100", "kind", "OTHER", "title", title,
                            "periodStart", 2024, "periodEnd", 2026, "levels", List.of("施策"), "actors", List.of()))
                    .post("/api/v1/plans").then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("title"));
            Api.as("viewer").get("/api/v1/plans/" + plan).then().statusCode(404);
        }
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40100", "kind", "OTHER", "title", "計画",
                        "periodStart", 2024, "periodEnd", 2026, "levels", List.of("施策", "事\u0000業"), "actors", List.of()))
                .post("/api/v1/plans").then().statusCode(400).body("errors[0].field", equalTo("levels[1]"));
        // Tabs and line breaks are text, and a character outside the BMP (a pair of surrogates) is one character.
        String title = "第1次\t計画\n（𠮷野町）";
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40100", "kind", "OTHER", "title", title,
                        "periodStart", 2024, "periodEnd", 2026, "levels", List.of("施策"), "actors", List.of()))
                .post("/api/v1/plans").then().statusCode(201);
        Api.as("viewer").get("/api/v1/plans/" + plan).then().statusCode(200).body("title", equalTo(title));
    }
}
