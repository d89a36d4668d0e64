package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Answers carrying personal data are never stored by a browser or a proxy; none may be framed or sniffed. */
@QuarkusTest
class SecurityHeadersTest {

    @Test
    void personalDataIsNotStoredAndNothingIsFramedOrSniffed() {
        long recipient = SupportTestData.recipient("coordinator", "40102-takasu");
        Api.as("coordinator").get("/api/v1/recipients/" + recipient).then().statusCode(200)
                .header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"));
        // Problems too, from a resource or from the router below it.
        Api.as("coordinator").get("/api/v1/recipients/999999999").then().statusCode(404).header("Cache-Control", equalTo("no-store"));
        given().get("/api/v1/recipients").then().statusCode(401).header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void theKpiApiKeepsItsRevalidation() {
        String etag = Api.as("viewer").get("/api/v1/kpis?plan=kumamoto-5th").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-cache")).header("ETag", notNullValue()).extract().header("ETag");
        Api.as("viewer").header("If-None-Match", etag).get("/api/v1/kpis?plan=kumamoto-5th").then().statusCode(304);
    }
}
