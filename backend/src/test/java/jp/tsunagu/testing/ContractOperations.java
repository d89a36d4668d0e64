package jp.tsunagu.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The operations of the served contract (which OpenApiContractTest holds equal to openapi.yaml), for the tests that
 * cover every operation: hostile parameters, no credentials, the access matrix. Read as JSON: YAML 1.1 parsers take
 * example times such as 13:45:30 for base-60 numbers.
 */
public final class ContractOperations {

    /**
     * One operation: its path parameters with their schema type ({@code integer}, {@code string} …), its query
     * parameters, whether it needs credentials, and the first media type of its body (null without one).
     */
    public record Operation(String id, String method, String path, boolean secured, Map<String, String> pathParameterTypes,
                            List<String> queryParameters, String mediaType) {

        public List<String> pathParameters() {
            return List.copyOf(pathParameterTypes.keySet());
        }
    }

    private ContractOperations() {
    }

    public static List<Operation> all() throws IOException {
        JsonNode spec = new ObjectMapper().readTree(RestAssured.given().queryParam("format", "json").get("/q/openapi").asString());
        boolean securedByDefault = spec.path("security").size() > 0;
        List<Operation> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = spec.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!List.of("get", "put", "post", "delete", "patch").contains(op.getKey())) {
                    continue;
                }
                Map<String, String> pathParameters = new LinkedHashMap<>();
                List<String> queryParameters = new ArrayList<>();
                List<JsonNode> parameters = new ArrayList<>();
                path.getValue().path("parameters").forEach(parameters::add);
                op.getValue().path("parameters").forEach(parameters::add);
                for (JsonNode p : parameters) {
                    switch (p.path("in").asText()) {
                        case "path" -> pathParameters.put(p.path("name").asText(), p.path("schema").path("type").asText());
                        case "query" -> queryParameters.add(p.path("name").asText());
                        default -> { }
                    }
                }
                JsonNode security = op.getValue().get("security");
                boolean secured = security == null ? securedByDefault : security.size() > 0 && security.get(0).size() > 0;
                Iterator<String> media = op.getValue().path("requestBody").path("content").fieldNames();
                out.add(new Operation(op.getValue().path("operationId").asText(), op.getKey().toUpperCase(), path.getKey(), secured,
                        pathParameters, queryParameters, media.hasNext() ? media.next() : null));
            }
        }
        return out;
    }
}
