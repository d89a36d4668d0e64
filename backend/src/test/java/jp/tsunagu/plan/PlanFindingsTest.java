package jp.tsunagu.plan;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What a plan was built on (#17): 課題・困りごと with the residents' examples and where they came from, 取組の主な対象,
 * and 問い合わせ先 — served, shown, and printed after the measures of the 事業調書.
 */
@QuarkusTest
class PlanFindingsTest {

    private static String plan() {
        String code = "fd-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("code", code, "name", "所見市" + code, "kana", "しょけんし", "kind", "CITY"))
                .post("/api/v1/areas").then().statusCode(201);
        Api.as("planner").body(Map.of("code", code, "cityCode", code, "kind", "COMMUNITY_WELFARE", "title", "所見市地域福祉計画",
                        "periodStart", 2024, "periodEnd", 2029, "levels", List.of("基本目標", "施策"), "actors", List.of(),
                        "contacts", List.of(Map.of("department", "所見市 健康福祉部 地域福祉課", "phone", "0942-30-9173", "fax", "0942-30-9752"))))
                .post("/api/v1/plans").then().statusCode(201)
                .body("contacts[0].department", equalTo("所見市 健康福祉部 地域福祉課")).body("contacts[0].fax", equalTo("0942-30-9752"));
        Api.as("planner").body(Map.of("code", "1", "title", "つながりづくり", "mainTarget", "地域で困難な課題を抱える方など"))
                .post("/api/v1/plans/" + code + "/nodes").then().statusCode(201).body("mainTarget", equalTo("地域で困難な課題を抱える方など"));
        Api.as("planner").body(Map.of("code", "1-1", "title", "サロン支援", "parentCode", "1"))
                .post("/api/v1/plans/" + code + "/nodes").then().statusCode(201);
        return code;
    }

    @Test
    void aPlannerRecordsTroublesWithExamplesAndSourcesAndEveryoneReadsThem() {
        String plan = plan();
        String url = "/api/v1/plans/" + plan + "/findings";
        long id = ((Number) Api.as("planner").body(Map.of("kind", "TROUBLE", "title", "移動支援等",
                        "text", "第2層協議体やニーズ調査で寄せられた困りごと",
                        "examples", List.of("病院までの送迎があるとうれしい", "駅まで送ってほしい"), "sources", List.of("NEEDS_SURVEY", "COUNCIL")))
                .post(url).then().statusCode(201).body("sources", contains("COUNCIL", "NEEDS_SURVEY")).body("nodeCode", nullValue())
                .extract().path("id")).longValue();
        Api.as("planner").body(Map.of("kind", "ISSUE", "title", "担い手不足への対応が必要", "nodeCode", "1", "sources", List.of("WORKSHOP")))
                .post(url).then().statusCode(201).body("nodeCode", equalTo("1")).body("nodeTitle", equalTo("つながりづくり"));

        Api.as("viewer").get(url).then().statusCode(200).body("items", hasSize(2))
                .body("items.title", contains("移動支援等", "担い手不足への対応が必要"))
                .body("items[0].examples", contains("病院までの送迎があるとうれしい", "駅まで送ってほしい"));
        Api.as("coordinator").get(url + "?node=1").then().statusCode(200).body("items.title", contains("担い手不足への対応が必要"));

        // Edits name the version read; a stale one is refused.
        Api.as("planner").body(Map.of("kind", "TROUBLE", "title", "移動支援等", "examples", List.of("駅まで送ってほしい"), "version", 0))
                .put(url + "/" + id).then().statusCode(200).body("examples", contains("駅まで送ってほしい")).body("sources", hasSize(0));
        Api.as("planner").body(Map.of("kind", "TROUBLE", "title", "移動", "version", 0)).put(url + "/" + id).then().statusCode(409);
        Api.as("planner").body(Map.of("kind", "TROUBLE", "title", "移動")).put(url + "/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("version"));
        Api.as("planner").delete(url + "/" + id).then().statusCode(204);
        Api.as("viewer").get(url).then().body("items", hasSize(1));
        Api.as("viewer").get(url + "/" + id).then().statusCode(405);
    }

    @Test
    void badFindingsAreRefusedAndOnlyPlannersWrite() {
        String plan = plan();
        String url = "/api/v1/plans/" + plan + "/findings";
        Api.as("viewer").body(Map.of("kind", "ISSUE", "title", "x")).post(url).then().statusCode(403);
        Api.as("coordinator").body(Map.of("kind", "ISSUE", "title", "x")).post(url).then().statusCode(403);
        Api.as("planner").body(Map.of("kind", "ISSUE", "title", " ")).post(url).then().statusCode(400).body("errors[0].field", equalTo("title"));
        Api.as("planner").body(Map.of("kind", "PROBLEM", "title", "x")).post(url).then().statusCode(400).body("errors[0].field", equalTo("kind"));
        Api.as("planner").body(Map.of("kind", "ISSUE", "title", "x", "nodeCode", "9")).post(url).then().statusCode(422)
                .body("errors[0].field", equalTo("nodeCode"));
        Api.as("planner").body(Map.of("kind", "ISSUE", "title", "x", "sources", List.of("RUMOUR"))).post(url).then().statusCode(400);
        Api.as("planner").delete(url + "/999999999").then().statusCode(404);
        Api.as("viewer").get("/api/v1/plans/nope/findings").then().statusCode(404);
        Api.as("viewer").get(url).then().body("items", hasSize(0));
    }

    @Test
    void theMainTargetAndContactsAreKeptAndChangedAndTheSheetPrintsThemAfterTheMeasures() {
        String plan = plan();
        Api.as("planner").body(Map.of("kind", "ISSUE", "title", "相談しづらいことへの対応が必要", "sources", List.of("HEARING", "WORKSHOP")))
                .post("/api/v1/plans/" + plan + "/findings").then().statusCode(201);
        // An update without mainTarget keeps it; an empty one clears it.
        var update = new HashMap<String, Object>(Map.of("code", "1", "title", "つながりづくり", "roles", List.of(), "version", 0));
        Api.as("planner").body(update).put("/api/v1/plans/" + plan + "/nodes/1").then().statusCode(204);
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().body("nodes[0].mainTarget", equalTo("地域で困難な課題を抱える方など"));

        String tsv = Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluation-sheet?fiscalYear=2024&format=tsv").then().statusCode(200)
                .extract().asString();
        assertTrue(tsv.contains("【課題・困りごと】"), tsv);
        assertTrue(tsv.contains("課題\t\t相談しづらいことへの対応が必要\t\t\tヒアリング・ワークショップ"), tsv);
        assertTrue(tsv.contains("【問い合わせ先】\n".replace("\n", "\r\n") + "所見市 健康福祉部 地域福祉課\t電話 0942-30-9173\tFAX 0942-30-9752"), tsv);

        // The city's own sheet read back: what follows the measures is not taken for measures.
        Api.as("planner").contentType("text/tab-separated-values").body(tsv.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports").then().statusCode(200)
                .body("summary.ERROR", equalTo(0))
                .body("rows.title", not(org.hamcrest.Matchers.hasItem("相談しづらいことへの対応が必要")));

        int version = Api.as("viewer").get("/api/v1/plans/" + plan).then().extract().path("version");
        var plan2 = new HashMap<String, Object>(Map.of("title", "所見市地域福祉計画", "kind", "COMMUNITY_WELFARE", "periodStart", 2024,
                "periodEnd", 2029, "status", "ACTIVE", "levels", List.of("基本目標", "施策"), "gradeThresholds", Map.of("a", 100, "b", 80, "c", 50),
                "contacts", List.of(Map.of("department", "社会福祉法人所見市社会福祉協議会", "phone", "0942-34-3035")), "version", version));
        Api.as("planner").body(plan2).put("/api/v1/plans/" + plan).then().statusCode(200)
                .body("contacts.department", contains("社会福祉法人所見市社会福祉協議会")).body("contacts[0].fax", nullValue());
        plan2.put("contacts", List.of(Map.of("department", "x", "phone", "電話してね")));
        plan2.put("version", version + 1);
        Api.as("planner").body(plan2).put("/api/v1/plans/" + plan).then().statusCode(400).body("errors[0].field", equalTo("contacts[0].phone"));
    }

    /** The seeds' content: くるめ's 8 課題 and 問い合わせ先, the 介護保険 draft's 困りごと, 熊本市's 取組の主な対象. */
    @Test
    void theSeedsFindingsAreServed() {
        Api.as("viewer").get("/api/v1/plans/kurume/findings").then().statusCode(200)
                .body("items.findAll { it.kind == 'ISSUE' }", hasSize(8))
                .body("items[0].title", equalTo("支え合う意識やつながりの希薄化への対応が必要"))
                .body("items[0].sources", contains("HEARING", "WORKSHOP"));
        Api.as("viewer").get("/api/v1/plans/kurume").then()
                .body("contacts.department", contains("久留米市 健康福祉部 地域福祉課", "社会福祉法人久留米市社会福祉協議会"))
                .body("contacts.phone", contains("0942-30-9173", "0942-34-3035"))
                .body("contacts.fax", contains("0942-30-9752", "0942-34-3090"));
        Api.as("viewer").get("/api/v1/plans/kaigo-9th/findings").then().statusCode(200)
                .body("items.findAll { it.kind == 'TROUBLE' }.title", contains("移動支援等", "居場所づくり", "ゴミ出し", "見守り"))
                .body("items.find { it.title == 'ゴミ出し' }.examples", contains("粗大ごみを出せないのを助けてほしい", "普段のごみ出しが大変"))
                .body("items.find { it.title == '移動支援等' }.examples", hasSize(6))
                .body("items.find { it.kind == 'CURRENT_STATE' }.text", containsString("第 2 層協議体の開催が思うようにできませんでした"));
        Api.as("viewer").get("/api/v1/plans/kumamoto-5th/tree").then()
                .body("nodes[0].mainTarget", equalTo("地域と連携できる多様な関係機関・地域で困難な課題を抱える方など"));
    }
}
