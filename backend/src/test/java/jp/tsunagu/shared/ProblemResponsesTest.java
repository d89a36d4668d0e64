package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** Bad input of every kind answers RFC 9457 problem+json, with no internals, and writes nothing. */
@QuarkusTest
class ProblemResponsesTest {

    private static final String PROBLEM = "application/problem+json";

    private int areaCount() {
        return Api.as("admin").get("/api/v1/areas?limit=1000").then().statusCode(200).extract().path("items.size()");
    }

    @Test
    void malformedJsonIsAProblemAndWritesNothing() {
        int before = areaCount();
        Api.as("admin").body("{\"code\": \"x-1\", \"name\": ").post("/api/v1/areas")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/malformed-json"))
                .body("status", equalTo(400))
                .body("detail", not(containsString("Exception")));
        org.junit.jupiter.api.Assertions.assertEquals(before, areaCount());
    }

    @Test
    void unknownFieldIsNamed() {
        Api.as("admin").body("{\"code\":\"t-unknown\",\"name\":\"試験\",\"kana\":\"しけん\",\"kind\":\"CITY\",\"colour\":\"red\"}")
                .post("/api/v1/areas")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem("colour"));
        Api.as("admin").get("/api/v1/areas/t-unknown").then().statusCode(404);
    }

    @Test
    void unknownEnumValueListsTheAllowedOnes() {
        Api.as("admin").body("{\"code\":\"t-enum\",\"name\":\"試験\",\"kana\":\"しけん\",\"kind\":\"PREFECTURE\"}")
                .post("/api/v1/areas")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("SCHOOL_DISTRICT"));
    }

    @Test
    void wrongTypeIsNamed() {
        Api.as("admin").body("{\"name\":\"試験\",\"kana\":\"しけん\",\"kind\":\"CITY\",\"version\":\"abc\"}")
                .put("/api/v1/areas/40203")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("errors[0].field", equalTo("version"));
    }

    @Test
    void constraintViolationsListEveryFieldThroughOurMapper() {
        Api.as("admin").body("{\"code\":\"\",\"name\":\"\",\"kana\":\"katakana-ではない\",\"kind\":null}")
                .post("/api/v1/areas")
                .then().statusCode(400).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/validation-failed"))
                .body("errors.field", hasItem("code"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("kana"))
                .body("errors.field", hasItem("kind"));
    }

    @Test
    void bodyTooLargeIs413Problem() {
        String big = "{\"name\":\"" + "あ".repeat(600_000) + "\"}";
        Api.as("admin").body(big).post("/api/v1/areas")
                .then().statusCode(413).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/payload-too-large"));
    }

    @Test
    void unknownRouteIs404Problem() {
        Api.as("admin").get("/api/v1/no-such-thing").then().statusCode(404).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/not-found"));
        // Without credentials nothing under the API is told apart, not even whether it exists.
        given().get("/api/v1/no-such-thing").then().statusCode(401).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/unauthorized"));
        given().get("/nowhere").then().statusCode(404).contentType(startsWith(PROBLEM));
    }

    @Test
    void wrongMediaTypeIs415Problem() {
        Api.as("admin").contentType(ContentType.TEXT).body("code=x").post("/api/v1/areas")
                .then().statusCode(415).contentType(startsWith(PROBLEM))
                .body("type", equalTo("/problems/unsupported-media-type"));
    }

    @Test
    void noCredentialsIs401ProblemWithChallenge() {
        given().get("/api/v1/areas").then().statusCode(401).contentType(startsWith(PROBLEM))
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("type", equalTo("/problems/unauthorized"));
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/areas")
                .then().statusCode(401).contentType(startsWith(PROBLEM));
    }
}
