package jp.tsunagu.request;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import jp.tsunagu.testing.SupportTestData;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.isOneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The registry's lists are the caller's districts only, in a stable order, a page at a time. */
@QuarkusTest
class SupportListsTest {

    /** Every item of a list, following nextCursor page by page. */
    private static List<Map<String, Object>> all(String user, String path, int pageSize) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var spec = Api.as(user).queryParam("limit", pageSize);
            if (cursor != null) {
                spec = spec.queryParam("cursor", cursor);
            }
            JsonPath page = spec.get(path).then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> got = page.getList("items");
            assertTrue(got.size() <= pageSize);
            items.addAll(got);
            cursor = page.getString("nextCursor");
            assertTrue(++pages < 1000, "the cursor moves on");
        } while (cursor != null);
        return items;
    }

    @Test
    void requestsComePageByPageNewestFirstAndOnlyFromTheCallersDistricts() {
        long mine = SupportTestData.request("coordinator", SupportTestData.recipient("coordinator", "40101-shoji"), "GARBAGE", 2);
        long theirs = SupportTestData.request("coordinator2", SupportTestData.recipient("coordinator2", "40106-wakazono"), "GARBAGE", 2);

        List<Map<String, Object>> paged = all("coordinator", "/api/v1/support-requests", 37);
        List<Map<String, Object>> whole = Api.as("coordinator").queryParam("limit", 500).get("/api/v1/support-requests")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(whole.stream().map(i -> i.get("id")).toList(), paged.stream().map(i -> i.get("id")).toList(),
                "following the cursor gives the same list as one long page, without gaps or repeats");
        assertEquals(paged.size(), new HashSet<>(paged.stream().map(i -> i.get("id")).toList()).size());
        for (int k = 1; k < paged.size(); k++) {
            String before = (String) paged.get(k - 1).get("receivedOn");
            String after = (String) paged.get(k).get("receivedOn");
            assertTrue(before.compareTo(after) > 0 || before.equals(after)
                    && ((Number) paged.get(k - 1).get("id")).longValue() > ((Number) paged.get(k).get("id")).longValue(), "newest first");
        }
        List<Object> ids = paged.stream().map(i -> (Object) ((Number) i.get("id")).longValue()).toList();
        assertTrue(ids.contains(mine));
        assertTrue(!ids.contains(theirs), "another coordinator's district stays out");
        assertTrue(paged.stream().allMatch(i -> List.of("40102-takasu", "40101-shoji").contains(((Map<?, ?>) i.get("area")).get("code"))
                || ((String) ((Map<?, ?>) i.get("area")).get("code")).startsWith("40102-takasu-")));

        Api.as("coordinator").queryParam("area", "40101-shoji").queryParam("status", "RECEIVED").get("/api/v1/support-requests")
                .then().statusCode(200).body("items.area.code", everyItem(equalTo("40101-shoji")))
                .body("items.status", everyItem(equalTo("RECEIVED"))).body("items.id", hasItem((int) mine));
        Api.as("coordinator2").queryParam("area", "40101-shoji").get("/api/v1/support-requests")
                .then().statusCode(200).body("items", empty()).body("nextCursor", equalTo(null));
    }

    @Test
    void supportersComePageByPageWithinTheCallersDistricts() {
        List<Map<String, Object>> paged = all("coordinator", "/api/v1/supporters", 10);
        List<Map<String, Object>> whole = Api.as("coordinator").queryParam("limit", 500).get("/api/v1/supporters")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertTrue(whole.size() > 10, "the demo districts have more supporters than one page");
        assertEquals(whole.stream().map(i -> i.get("id")).toList(), paged.stream().map(i -> i.get("id")).toList());
        Api.as("coordinator").queryParam("limit", 500).get("/api/v1/supporters").then()
                .body("items.area.code", everyItem(isOneOf("40102-takasu", "40101-shoji")));
        Api.as("coordinator2").queryParam("area", "40106-wakazono").get("/api/v1/supporters").then().statusCode(200)
                .body("items.area.code", everyItem(equalTo("40106-wakazono")));
    }

    @Test
    void aCursorThatWasNotGivenOutIsABadRequest() {
        Api.as("coordinator").queryParam("cursor", "not a cursor!").get("/api/v1/support-requests").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        Api.as("coordinator").queryParam("cursor", "bm90LWEtbnVtYmVy").get("/api/v1/supporters").then().statusCode(400)
                .body("errors.field", hasItem("cursor"));
        Api.as("coordinator").queryParam("limit", 0).get("/api/v1/supporters").then().statusCode(400);
    }
}
