package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The published contract: {@code openapi.yaml} at the repository root must equal what the API serves
 * at {@code /q/openapi}. {@code make openapi} rewrites it (this test with {@code -Dopenapi.update=true}).
 */
@QuarkusTest
class OpenApiContractTest {

    private static final Path CONTRACT = Path.of("..", "openapi.yaml");

    @Test
    void committedContractEqualsTheServedOne() throws IOException {
        String served = given().queryParam("format", "yaml").get("/q/openapi").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("openapi.update")) {
            Files.writeString(CONTRACT, served);
        }
        assertTrue(Files.exists(CONTRACT), "openapi.yaml is missing at the repository root: run make openapi");
        assertEquals(Files.readString(CONTRACT), served,
                "openapi.yaml differs from the API's /q/openapi: run make openapi and commit the result");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnIdASummaryAndItsErrorResponses() {
        Map<String, Map<String, Map<String, Object>>> paths =
                given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().path("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            if (!(op instanceof Map)) {
                return;
            }
            String where = method.toUpperCase() + " " + path;
            if (op.get("operationId") == null) {
                missing.add(where + ": operationId");
            }
            if (op.get("summary") == null) {
                missing.add(where + ": summary");
            }
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            boolean hasError = responses.keySet().stream().anyMatch(code -> code.startsWith("4"));
            // Only a public operation without any input (the login options) has no client error to document.
            boolean takesNothing = op.get("security") == null && op.get("parameters") == null && op.get("requestBody") == null;
            if (!hasError && !takesNothing) {
                missing.add(where + ": error responses");
            }
        }));
        assertTrue(missing.isEmpty(), "Operations missing parts of their contract: " + missing);
    }
}
