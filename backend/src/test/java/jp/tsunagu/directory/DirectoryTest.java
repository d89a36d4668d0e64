package jp.tsunagu.directory;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class DirectoryTest {

    /** One row of the seed's 相談先一覧: the window serving these 校区 at this phone and FAX. */
    record SeedRow(String category, String window, String phone, String fax, List<String> districts) {
    }

    private static final Map<String, String> CATEGORIES = Map.of(
            "【高齢者】", "ELDERLY", "【障害者】", "DISABILITY", "【子ども】", "CHILD", "【生活困窮者】", "LIVING_HARDSHIP");

    static List<SeedRow> seedRows() throws IOException {
        String text;
        try (InputStream in = DirectoryTest.class.getClassLoader().getResourceAsStream("demo/kurume-directory.tsv")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<SeedRow> rows = new ArrayList<>();
        String category = null;
        String window = null;
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (CATEGORIES.containsKey(line.strip())) {
                category = CATEGORIES.get(line.strip());
                continue;
            }
            String[] cells = line.split("\t");
            window = cells[0].isBlank() ? window : cells[0].strip();
            rows.add(new SeedRow(category, window, cells[1].strip(), cells[2].strip(), List.of(cells[3].strip().split("、"))));
        }
        return rows;
    }

    @Test
    void productCopyOfTheDirectoryMatchesTheSeedWhenItIsAtHand() throws IOException {
        Path seed = Path.of("../../shared/seeds/001_998363d63d0eeebf.txt");
        if (!Files.exists(seed)) {
            seed = Path.of("../shared/seeds/001_998363d63d0eeebf.txt");
        }
        List<SeedRow> rows = seedRows();
        assertEquals(18, rows.size(), "11 高齢者 + 4 障害者 + 1 子ども + 2 生活困窮者 rows");
        if (Files.exists(seed)) {
            String original = Files.readString(seed);
            for (SeedRow row : rows) {
                assertTrue(original.contains(row.phone() + "\t" + row.fax() + "\t" + String.join("、", row.districts())),
                        "seed has the row of " + row.window());
            }
        }
    }

    @Test
    void routesEverySchoolDistrictOfEverySeedRowToThatRowsWindowAndNumbers() throws IOException {
        int checked = 0;
        for (SeedRow row : seedRows()) {
            for (String district : row.districts()) {
                String area = district.equals("市内全域") ? "久留米市" : district;
                JsonPath json = Api.as("viewer").queryParam("area", area).queryParam("category", row.category())
                        .get("/api/v1/consultation-windows/route")
                        .then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> windows = json.getList("windows");
                assertTrue(windows.stream().anyMatch(w -> w.get("name").equals(row.window())
                                && w.get("phone").equals(row.phone()) && w.get("fax").equals(row.fax())),
                        district + " / " + row.category() + " → " + row.window() + " " + row.phone() + " (got " + windows + ")");
                assertEquals(1, windows.size(), district + " / " + row.category() + " has exactly one window");
                checked++;
            }
        }
        assertEquals(46 + 46 + 1 + 46, checked, "every 校区 of every row: 高齢者, 障害者, 子ども (市内全域), 生活困窮者");
    }

    @Test
    void everyKurumeSchoolDistrictHasAWindowOfEveryCategory() {
        List<String> codes = Api.as("viewer").get("/api/v1/areas?parent=40203&kind=SCHOOL_DISTRICT&limit=1000")
                .then().extract().path("items.code");
        for (String code : codes) {
            for (String category : List.of("ELDERLY", "DISABILITY", "CHILD", "LIVING_HARDSHIP")) {
                Api.as("viewer").get("/api/v1/consultation-windows/route?area=" + code + "&category=" + category)
                        .then().statusCode(200).body("windows", hasSize(1));
            }
        }
    }

    @Test
    void cityWideWindowAnswersForEveryDistrict() {
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=40203-mii&category=CHILD").then().statusCode(200)
                .body("area.name", equalTo("御井"))
                .body("windows.name", contains("こども子育てサポートセンター"))
                .body("windows[0].phone", equalTo("0942-30-9302"))
                .body("windows[0].servedArea.kind", equalTo("CITY"));
    }

    @Test
    void routesNeighbourhoodToItsSchoolDistrictWindow() {
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=40203-kamitsu-kamitsumachi&category=LIVING_HARDSHIP")
                .then().statusCode(200)
                .body("area.kind", equalTo("NEIGHBOURHOOD"))
                .body("windows[0].name", equalTo("生活自立支援センター"))
                .body("windows[0].phone", equalTo("0942-30-9113"))
                .body("windows[0].fax", equalTo("0942-30-9327"))
                .body("windows[0].servedArea.name", equalTo("上津"));
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=日吉町&category=ELDERLY")
                .then().statusCode(200).body("windows[0].name", equalTo("中央地域包括支援センター"));
    }

    @Test
    void acceptsTheNameWithItsSuffix() {
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=荒木校区&category=DISABILITY")
                .then().statusCode(200).body("windows[0].name", equalTo("西部障害者基幹相談支援センター"));
    }

    @Test
    void unknownAreaIs404AndBadCategoryIs400() {
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=どこにもない&category=ELDERLY")
                .then().statusCode(404).contentType(startsWith("application/problem+json"))
                .body("type", equalTo("/problems/area-not-found"));
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=日吉&category=PETS")
                .then().statusCode(400).body("errors[0].field", equalTo("category"))
                .body("errors[0].message", containsString("ELDERLY"));
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=日吉")
                .then().statusCode(400).body("errors[0].field", equalTo("category"));
        Api.as("viewer").get("/api/v1/consultation-windows/route?category=ELDERLY")
                .then().statusCode(400).body("errors[0].field", equalTo("area"));
    }

    @Test
    void districtsOutsideKurumeHaveNoKurumeWindow() {
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=40106-wakazono&category=ELDERLY")
                .then().statusCode(200).body("windows", empty());
    }

    @Test
    void readingNeedsALogin() {
        given().get("/api/v1/consultation-windows/route?area=日吉&category=ELDERLY").then().statusCode(401);
    }

    @Test
    void adminCreatesEditsAndDeletesAWindowAndRoutingFollows() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String city = "cw-" + suffix;
        Api.as("admin").body(Map.of("code", city, "name", "窓口市", "kana", "まどぐちし", "kind", "CITY")).post("/api/v1/areas").then().statusCode(201);
        Api.as("admin").body(Map.of("code", city + "-a", "name", "甲" + suffix, "kana", "こう", "kind", "SCHOOL_DISTRICT", "parentCode", city)).post("/api/v1/areas").then().statusCode(201);
        Api.as("admin").body(Map.of("code", city + "-b", "name", "乙" + suffix, "kana", "おつ", "kind", "SCHOOL_DISTRICT", "parentCode", city)).post("/api/v1/areas").then().statusCode(201);

        Map<String, Object> body = new HashMap<>(Map.of("name", "試験相談センター", "category", "LIVING_HARDSHIP",
                "contacts", List.of(
                        Map.of("phone", "0000-11-2222", "fax", "0000-11-3333", "areaCodes", List.of(city + "-a")),
                        Map.of("phone", "0000-44-5555", "areaCodes", List.of(city + "-b")))));
        var created = Api.as("admin").body(body).post("/api/v1/consultation-windows").then().statusCode(201)
                .body("contacts[1].areas[0].code", equalTo(city + "-b"))
                .extract();
        int id = created.path("id");
        int version = created.path("version");
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=" + city + "-b&category=LIVING_HARDSHIP")
                .then().body("windows[0].phone", equalTo("0000-44-5555"));

        body.put("contacts", List.of(Map.of("phone", "0000-66-7777", "areaCodes", List.of(city + "-a", city + "-b"))));
        body.put("version", version);
        Api.as("admin").body(body).put("/api/v1/consultation-windows/" + id).then().statusCode(200).body("version", equalTo(version + 1));
        Api.as("admin").body(body).put("/api/v1/consultation-windows/" + id).then().statusCode(409);
        Api.as("viewer").get("/api/v1/consultation-windows/route?area=" + city + "-b&category=LIVING_HARDSHIP")
                .then().body("windows[0].phone", equalTo("0000-66-7777"));

        Api.as("planner").delete("/api/v1/consultation-windows/" + id).then().statusCode(403);
        Api.as("admin").delete("/api/v1/consultation-windows/" + id).then().statusCode(204);
        Api.as("viewer").get("/api/v1/consultation-windows/" + id).then().statusCode(404);
        Api.as("admin").delete("/api/v1/areas/" + city + "-a").then().statusCode(204);
    }

    @Test
    void invalidWindowIsRefusedWholeWithEveryFieldNamed() {
        int before = Api.as("viewer").get("/api/v1/consultation-windows").then().extract().path("items.size()");
        Api.as("admin").body(Map.of("name", "", "category", "ELDERLY",
                        "contacts", List.of(Map.of("phone", "電話なし", "areaCodes", List.of()))))
                .post("/api/v1/consultation-windows").then().statusCode(400)
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("contacts[0].phone"))
                .body("errors.field", hasItem("contacts[0].areaCodes"));
        Api.as("admin").body(Map.of("name", "未知の校区センター", "category", "ELDERLY",
                        "contacts", List.of(Map.of("phone", "0942-00-0000", "areaCodes", List.of("40203-hiyoshi", "no-such-area")))))
                .post("/api/v1/consultation-windows").then().statusCode(422)
                .body("errors[0].field", equalTo("contacts[0].areaCodes"))
                .body("errors[0].message", containsString("no-such-area"));
        int after = Api.as("viewer").get("/api/v1/consultation-windows").then().extract().path("items.size()");
        assertEquals(before, after);
        assertFalse(Api.as("viewer").get("/api/v1/consultation-windows?q=未知").then().extract().jsonPath()
                .getList("items").iterator().hasNext());
    }
}
