package jp.tsunagu.area;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

/** A city loads its own areas in one step: dry run, then commit, all or nothing, with every problem located. */
@QuarkusTest
class AreaImportTest {

    static byte[] resource(String name) throws IOException {
        try (InputStream in = AreaImportTest.class.getResourceAsStream("/areas/" + name)) {
            return in.readAllBytes();
        }
    }

    static io.restassured.response.ValidatableResponse upload(byte[] body, String type, String file, boolean commit) {
        return Api.as("admin").contentType(type).header("X-File-Name", file).body(body)
                .post("/api/v1/areas/imports?commit=" + commit).then();
    }

    @Test
    void kumamotosWardsAndSchoolDistrictsComeFromAShiftJisCsvAfterADryRun() throws IOException {
        byte[] csv = resource("kumamoto.csv");
        // 熊本市 itself may be there already (the demo's plan names it): the wards and districts are new.
        var dryRun = upload(csv, "text/csv", "熊本市の地域.csv", false).statusCode(200)
                .body("committed", equalTo(false)).body("problems", hasSize(0)).body("rows", hasSize(12))
                .body("rows.find { it.code == '43101' }.action", equalTo("CREATE")).extract();
        int created = dryRun.path("summary.CREATE");
        Api.as("admin").get("/api/v1/areas/43101").then().statusCode(404);

        upload(csv, "text/csv", "熊本市の地域.csv", true).statusCode(200).body("committed", equalTo(true)).body("summary.CREATE", equalTo(created));
        Api.as("viewer").get("/api/v1/areas/43100/subtree").then().statusCode(200)
                .body("name", equalTo("熊本市")).body("children", hasSize(5))
                .body("children.find { it.code == '43101' }.children.name", hasItem("黒髪"));
        Api.as("viewer").get("/api/v1/areas/43101-kurokami-1").then().statusCode(200).body("kind", equalTo("NEIGHBOURHOOD"))
                .body("path.name", org.hamcrest.Matchers.contains("熊本市", "中央区", "黒髪"));

        // The same file again changes nothing.
        upload(csv, "text/csv", "熊本市の地域.csv", true).statusCode(200).body("summary.UNCHANGED", equalTo(12)).body("summary.CREATE", equalTo(0));
    }

    @Test
    void kurumesFortySixSchoolDistrictsComeFromATsv() throws IOException {
        String prefix = "t" + UUID.randomUUID().toString().substring(0, 6);
        // Under codes of its own, and with names and kana marked, so that this copy is not mistaken for the demo's 久留米市.
        StringBuilder tsv = new StringBuilder();
        for (String line : new String(resource("kurume.tsv"), StandardCharsets.UTF_8).replace("test-40203", prefix).split("\n")) {
            String[] cells = line.split("\t", -1);
            if (!cells[0].equals("code")) {
                cells[1] = cells[1] + "（試験）";
                cells[2] = cells[2] + "しけん";
            }
            tsv.append(String.join("\t", cells)).append('\n');
        }
        upload(tsv.toString().getBytes(StandardCharsets.UTF_8), "text/tab-separated-values", "kurume.tsv", true).statusCode(200)
                .body("summary.CREATE", equalTo(47));
        Api.as("viewer").get("/api/v1/areas?parent=" + prefix + "&kind=SCHOOL_DISTRICT&limit=100").then().statusCode(200)
                .body("items", hasSize(46)).body("items.name", hasItem("宮ノ陣（試験）"));
    }

    @Test
    void aLoopAnUnknownParentAndADuplicateCodeAreListedByLineAndNothingIsImported() {
        String p = "x" + UUID.randomUUID().toString().substring(0, 6);
        String file = String.join("\n",
                "code,name,kana,kind,parent",
                p + ",試験市,しけんし,CITY,",
                p + "-a,甲区,こうく,WARD," + p,
                p + "-loop1,輪一,わいち,SCHOOL_DISTRICT," + p + "-loop2",
                p + "-loop2,輪二,わに,SCHOOL_DISTRICT," + p + "-loop1",
                p + "-orphan,孤児,こじ,SCHOOL_DISTRICT,no-such-parent",
                p + "-a,甲区もう一度,こうく,WARD," + p,
                p + "-b,乙,おつ,町内会ではない,") + "\n";
        upload(file.getBytes(StandardCharsets.UTF_8), "text/csv", "bad.csv", false).statusCode(200)
                .body("problems.row", org.hamcrest.Matchers.containsInAnyOrder(4, 5, 6, 7, 8))
                .body("problems.find { it.row == 6 }.column", equalTo("parent"))
                .body("problems.find { it.row == 7 }.column", equalTo("code"))
                .body("problems.find { it.row == 8 }.column", equalTo("kind"));
        upload(file.getBytes(StandardCharsets.UTF_8), "text/csv", "bad.csv", true).statusCode(422)
                .contentType("application/problem+json").body("type", equalTo("/problems/area-import-invalid")).body("errors", hasSize(5));
        Api.as("admin").get("/api/v1/areas/" + p).then().statusCode(404);
        Api.as("coordinator").contentType("text/csv").body(file.getBytes(StandardCharsets.UTF_8)).post("/api/v1/areas/imports").then().statusCode(403);
    }

    @Test
    void anAreaInUseIsRetiredNotDeletedAndTakesNoNewRecords() {
        String p = "r" + UUID.randomUUID().toString().substring(0, 6);
        Api.as("admin").body(java.util.Map.of("code", p, "name", "廃止試験", "kana", "はいししけん", "kind", "SCHOOL_DISTRICT", "parentCode", "40102"))
                .post("/api/v1/areas").then().statusCode(201);
        Api.as("admin").body(java.util.Map.of("name", "試験 花子", "kana", "しけん はなこ", "areaCode", p, "referredBy", "SELF", "consent", false))
                .post("/api/v1/recipients").then().statusCode(201);
        Api.as("admin").delete("/api/v1/areas/" + p).then().statusCode(409).body("type", equalTo("/problems/area-in-use"));
        Api.as("admin").post("/api/v1/areas/" + p + "/retire").then().statusCode(200).body("retired", equalTo(true));
        Api.as("admin").get("/api/v1/areas/40102/subtree").then().statusCode(200)
                .body("children.find { it.code == '" + p + "' }.retired", equalTo(true));
        Api.as("admin").body(java.util.Map.of("name", "試験 次郎", "kana", "しけん じろう", "areaCode", p, "referredBy", "SELF", "consent", false))
                .post("/api/v1/recipients").then().statusCode(422).body("type", equalTo("/problems/area-retired"));
        Api.as("admin").post("/api/v1/areas/" + p + "/reinstate").then().statusCode(200).body("retired", equalTo(false));
    }
}
