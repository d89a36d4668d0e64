package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * Who may call the endpoints of going live (setup, accounts, areas import and retirement, supporter groups, token
 * renewal, the audit log, the statistics' years) and of the planner's workbench (plan copies, the dashboard's
 * summary, value history, reopening a sheet): one row per endpoint and caller, the status the API answers.
 * A refusal is problem+json; 401 without credentials, 403 for a role that may not. Rows that would change data send
 * an empty body, so an allowed caller gets 400/415 (validation) rather than a change.
 */
@QuarkusTest
class AccessMatrixTest {

    static RequestSpecification as(String caller) {
        return caller.equals("anonymous") ? given().contentType(ContentType.JSON) : Api.as(caller);
    }

    @ParameterizedTest(name = "{0} {1} as {2} → {3}")
    @CsvSource({
            "GET,  /api/v1/setup,                     anonymous,   200",
            "PUT,  /api/v1/me/password,               anonymous,   401",
            "GET,  /api/v1/accounts,                  anonymous,   401",
            "GET,  /api/v1/accounts,                  viewer,      403",
            "GET,  /api/v1/accounts,                  coordinator, 403",
            "GET,  /api/v1/accounts,                  planner,     403",
            "GET,  /api/v1/accounts,                  admin,       200",
            "POST, /api/v1/accounts,                  coordinator, 403",
            "POST, /api/v1/accounts,                  admin,       400",
            "POST, /api/v1/accounts/1/password-reset, planner,     403",
            "POST, /api/v1/areas/imports,             coordinator, 403",
            "POST, /api/v1/areas/imports,             planner,     403",
            "POST, /api/v1/areas/40102/retire,        coordinator, 403",
            "POST, /api/v1/areas/40102/reinstate,     viewer,      403",
            "GET,  /api/v1/supporter-groups,          viewer,      403",
            "POST, /api/v1/supporter-groups,          viewer,      403",
            "POST, /api/v1/supporter-groups,          planner,     403",
            "POST, /api/v1/supporter-groups,          coordinator, 400",
            "PUT,  /api/v1/supporter-groups/1,        viewer,      403",
            "POST, /api/v1/api-tokens/1/renew,        planner,     403",
            "POST, /api/v1/api-tokens/1/renew,        coordinator, 403",
            "GET,  /api/v1/audit-log,                 coordinator, 403",
            "GET,  /api/v1/audit-log,                 planner,     403",
            "GET,  /api/v1/audit-log,                 admin,       200",
            "GET,  /api/v1/support-stats/years?area=40100, viewer, 200",
            "GET,  /api/v1/support-stats/years?area=40100, anonymous, 401",
            "POST, /api/v1/support-requests/1/start-matching, viewer, 403",
            "POST, /api/v1/support-requests/1/start-matching, planner, 403",
            "POST, /api/v1/plans/kumamoto-5th/copies,  anonymous,   401",
            "POST, /api/v1/plans/kumamoto-5th/copies,  viewer,      403",
            "POST, /api/v1/plans/kumamoto-5th/copies,  coordinator, 403",
            "POST, /api/v1/plans/kumamoto-5th/copies,  approver,    403",
            "POST, /api/v1/plans/kumamoto-5th/copies,  planner,     400",
            "POST, /api/v1/plans/kumamoto-5th/copies,  admin,       400",
            "GET,  /api/v1/kpis/summary?plan=kumamoto-5th, viewer,  200",
            "GET,  /api/v1/kpis/summary?plan=kumamoto-5th, anonymous, 401",
            "GET,  /api/v1/kpis/summary?plan=nowhere,  viewer,      404",
            "GET,  /api/v1/indicators/kumamoto-5th-iv-3/history, coordinator, 403",
            "GET,  /api/v1/indicators/kumamoto-5th-iv-3/history, viewer,      200",
            "POST, /api/v1/plans/kumamoto-5th/evaluations/13/2024/reopen, planner, 403",
            "POST, /api/v1/plans/kumamoto-5th/evaluations/13/2024/reopen, admin,   403",
            "POST, /api/v1/plans/kumamoto-5th/evaluations/13/2024/reopen, approver, 400",
    })
    void eachCallerGetsTheAnswerOfItsRole(String method, String path, String caller, int status) {
        var response = switch (method) {
            case "GET" -> as(caller).get(path);
            case "PUT" -> as(caller).body("{}").put(path);
            default -> path.endsWith("/imports")
                    ? as(caller).contentType("text/csv").body("code,name,kana,kind,parent\n").post(path)
                    : as(caller).body("{}").post(path);
        };
        var then = response.then().statusCode(status);
        if (status >= 400) {
            then.contentType("application/problem+json").body("status", equalTo(status));
        }
    }
}
