package jp.tsunagu.recipient;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A recipient's details change within the coordinator's districts only. */
@QuarkusTest
class RecipientChangesTest {
    @Test
    void aRecipientsDetailsChangeWithinTheCoordinatorsDistrictsOnly() {
        long id = SupportTestData.recipient("coordinator", "40102-takasu");
        JsonPath before = Api.as("coordinator").get("/api/v1/recipients/" + id).then().statusCode(200).extract().jsonPath();
        Map<String, Object> change = new HashMap<>(Map.of("name", "試験 太郎", "kana", "しけん たろう", "areaCode", "40102-takasu",
                "referredBy", "CARE_MANAGER", "consent", false, "contact", "093-999-0000", "householdNotes", "娘さんが週末に来る"));

        Api.as("coordinator").body(change).put("/api/v1/recipients/" + id).then().statusCode(400)
                .body("errors.field", hasItem("version"));
        change.put("version", before.getLong("version"));
        Api.as("coordinator2").body(change).put("/api/v1/recipients/" + id).then().statusCode(404);
        Api.as("coordinator").body(change).put("/api/v1/recipients/" + id).then().statusCode(200)
                .body("consent", equalTo(false)).body("contact", equalTo("093-999-0000"))
                .body("referredBy", equalTo("CARE_MANAGER")).body("version", equalTo(before.getInt("version") + 1));

        // Not into someone else's district, and not from a stale copy.
        change.put("version", before.getLong("version") + 1);
        change.put("areaCode", "40106-wakazono");
        Api.as("coordinator").body(change).put("/api/v1/recipients/" + id).then().statusCode(422)
                .body("type", equalTo("/problems/area-not-yours"));
        change.put("areaCode", "40102-takasu");
        change.put("version", before.getLong("version"));
        Api.as("coordinator").body(change).put("/api/v1/recipients/" + id).then().statusCode(409);
        Api.as("coordinator").get("/api/v1/recipients/" + id).then().body("area.code", equalTo("40102-takasu"))
                .body("householdNotes", equalTo("娘さんが週末に来る"));
    }
}
