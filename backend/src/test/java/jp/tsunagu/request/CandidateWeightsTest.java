package jp.tsunagu.request;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.CityConfiguration;
import jp.tsunagu.testing.TestIdentityProvider;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/** The weights of the score parts are the city's configuration: here nearness alone decides. */
@QuarkusTest
@TestProfile(CityConfiguration.class)
class CandidateWeightsTest {

    @Test
    void theScoreIsTheConfiguredWeightingOfTheParts() {
        // Passwords are off in this configuration: the coordinator signs in at the provider.
        String token = TestIdentityProvider.token("weights-coordinator", c -> {
            c.setClaim("realm_access", Map.of("roles", List.of("welfare-coordinators")));
            c.setClaim("districts", List.of("40102-takasu", "40101-shoji"));
        });
        long recipient = ((Number) jp.tsunagu.testing.Api.bearer(token).body(Map.of("name", "重み 確認", "kana", "おもみ かくにん",
                        "areaCode", "40102-takasu", "referredBy", "WELFARE_VOLUNTEER", "consent", true))
                .post("/api/v1/recipients").then().statusCode(201).extract().path("id")).longValue();
        long request = ((Number) jp.tsunagu.testing.Api.bearer(token).body(Map.of("recipientId", recipient, "categoryCode", "GARBAGE",
                        "weeklyDay", 2, "start", "09:00", "end", "10:00", "payment", "EITHER"))
                .post("/api/v1/support-requests").then().statusCode(201).extract().path("id")).longValue();

        JsonPath answer = jp.tsunagu.testing.Api.bearer(token).get("/api/v1/support-requests/" + request + "/candidates")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1.0f, answer.getFloat("weights.distance"));
        assertEquals(0.0f, answer.getFloat("weights.fairness"));
        List<Map<String, Object>> items = answer.getList("items");
        assertFalse(items.isEmpty());
        for (Map<String, Object> c : items) {
            @SuppressWarnings("unchecked")
            Map<String, Number> parts = (Map<String, Number>) c.get("parts");
            assertEquals(parts.get("distance").doubleValue(), ((Number) c.get("score")).doubleValue(), 1e-9,
                    "score = 1 × distance + 0 × the rest, for " + c.get("name"));
        }
    }
}
