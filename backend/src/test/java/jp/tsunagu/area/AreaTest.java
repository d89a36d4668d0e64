package jp.tsunagu.area;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

@QuarkusTest
class AreaTest {

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static Map<String, Object> area(String code, String name, String kana, String kind, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kana", kana, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        return body;
    }

    private static void create(String code, String name, String kana, String kind, String parent) {
        Api.as("admin").body(area(code, name, kana, kind, parent)).post("/api/v1/areas").then().statusCode(201);
    }

    @Test
    void demoHasKurumeWithAll46SchoolDistricts() {
        Api.as("viewer").get("/api/v1/areas?parent=40203&kind=SCHOOL_DISTRICT&limit=1000").then().statusCode(200)
                .body("items", hasSize(46))
                .body("items.name", hasItem("宮ノ陣"))
                .body("items.collect { it.path[0].name }", everyItem(equalTo("久留米市")));
        Api.as("viewer").get("/api/v1/areas/40106-wakazono").then().statusCode(200)
                .body("path.name", contains("北九州市", "小倉南区"));
    }

    @Test
    void createsUpdatesAndFetchesASubtree() {
        String city = unique("c");
        create(city, "試験市", "しけんし", "CITY", null);
        create(city + "-w", "東区", "ひがしく", "WARD", city);
        create(city + "-s", "第一", "だいいち", "SCHOOL_DISTRICT", city + "-w");
        create(city + "-n", "一丁目", "いっちょうめ", "NEIGHBOURHOOD", city + "-s");

        Api.as("coordinator").get("/api/v1/areas/" + city + "/subtree").then().statusCode(200)
                .body("name", equalTo("試験市"))
                .body("children[0].name", equalTo("東区"))
                .body("children[0].children[0].children[0].name", equalTo("一丁目"));

        int version = Api.as("admin").get("/api/v1/areas/" + city + "-s").then().extract().path("version");
        Api.as("admin").body(Map.of("name", "第一校区", "kana", "だいいち", "kind", "SCHOOL_DISTRICT",
                        "parentCode", city, "version", version))
                .put("/api/v1/areas/" + city + "-s").then().statusCode(200)
                .body("name", equalTo("第一校区")).body("parentCode", equalTo(city)).body("version", equalTo(version + 1));
    }

    @Test
    void refusesStaleAreaEdit() {
        String city = unique("stale");
        create(city, "版市", "はんし", "CITY", null);
        Map<String, Object> edit = Map.of("name", "版市", "kana", "はんし", "kind", "CITY", "version", 0);
        Api.as("admin").body(edit).put("/api/v1/areas/" + city).then().statusCode(200);
        Api.as("admin").body(edit).put("/api/v1/areas/" + city).then().statusCode(409)
                .body("type", equalTo("/problems/stale-version"));
    }

    @Test
    void refusesAParentBelowTheChildOrAMissingOne() {
        String city = unique("p");
        create(city, "親市", "おやし", "CITY", null);
        create(city + "-s", "校区", "こうく", "SCHOOL_DISTRICT", city);
        Api.as("admin").body(area(city + "-w", "区", "く", "WARD", city + "-s")).post("/api/v1/areas")
                .then().statusCode(422).body("type", equalTo("/problems/invalid-parent"));
        Api.as("admin").body(area(city + "-x", "無", "む", "SCHOOL_DISTRICT", "no-such-parent")).post("/api/v1/areas")
                .then().statusCode(422).body("type", equalTo("/problems/parent-not-found"));
        Api.as("admin").body(area(city, "重複", "じゅうふく", "CITY", null)).post("/api/v1/areas")
                .then().statusCode(409).body("type", equalTo("/problems/area-code-taken"));
    }

    @Test
    void refusesToDeleteAnAreaStillReferenced() {
        Api.as("admin").delete("/api/v1/areas/40203-hiyoshi").then().statusCode(409)
                .body("type", equalTo("/problems/area-in-use"))
                .body("detail", containsString("相談窓口"));
        Api.as("admin").delete("/api/v1/areas/40102-takasu").then().statusCode(409)
                .body("detail", containsString("アカウント"));
        Api.as("admin").delete("/api/v1/areas/40100").then().statusCode(409)
                .body("detail", containsString("下位の地域"));

        String city = unique("d");
        create(city, "消す市", "けすし", "CITY", null);
        Api.as("admin").delete("/api/v1/areas/" + city).then().statusCode(204);
        Api.as("admin").get("/api/v1/areas/" + city).then().statusCode(404).body("type", equalTo("/problems/area-not-found"));
    }

    @Test
    void filtersByNameOrKanaAndPagesByCursor() {
        // Within 久留米市 (other tests load copies of its districts under cities of their own).
        Api.as("viewer").get("/api/v1/areas?parent=40203&q=みやのじん").then().statusCode(200)
                .body("items.code", contains("40203-miyanojin"));
        Api.as("viewer").get("/api/v1/areas?parent=40203&q=宮ノ陣").then().body("items.code", contains("40203-miyanojin"));

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            var response = Api.as("viewer").queryParam("parent", "40203").queryParam("limit", 10)
                    .queryParam("cursor", cursor == null ? "" : cursor)
                    .get("/api/v1/areas").then().statusCode(200).extract();
            seen.addAll(response.path("items.code"));
            cursor = response.path("nextCursor");
        } while (cursor != null);
        assertEquals(46, seen.size());
        assertEquals(seen.stream().sorted().toList(), seen, "pages come in code order without overlap");
        assertEquals(seen.size(), seen.stream().distinct().count());
    }

    @Test
    void viewerCannotChangeAreas() {
        Api.as("viewer").body(area(unique("v"), "閲覧市", "えつらんし", "CITY", null)).post("/api/v1/areas")
                .then().statusCode(403);
        Api.as("viewer").get("/api/v1/areas?kind=PREFECTURE").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        Api.as("viewer").get("/api/v1/areas?limit=5000").then().statusCode(400);
        Api.as("viewer").get("/api/v1/areas?cursor=%%%").then().statusCode(400);
        Api.as("viewer").get("/api/v1/areas?parent=nowhere").then().statusCode(404)
                .body("errors", nullValue());
    }
}
