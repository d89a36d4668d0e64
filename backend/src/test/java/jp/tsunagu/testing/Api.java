package jp.tsunagu.testing;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/** Logs in as the demo accounts over HTTP and hands out request specifications that carry the token. */
public final class Api {

    public static final String DEMO_PASSWORD = "tsunagu-demo";
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private Api() {
    }

    public static String token(String username) {
        return TOKENS.computeIfAbsent(username, u -> given().contentType(ContentType.JSON)
                .body(Map.of("username", u, "password", DEMO_PASSWORD))
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .extract().path("access_token"));
    }

    public static RequestSpecification as(String username) {
        return bearer(token(username));
    }

    public static RequestSpecification bearer(String token) {
        return RestAssured.given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
