package jp.tsunagu.plan;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each plan's own legend (#17): role symbols are kept as printed and read through the legend in force in their
 * section, so ○ can be the implementing body under one 取組 and a partner under another, and a symbol the legend
 * does not list is flagged instead of being mapped.
 */
@QuarkusTest
class PlanLegendTest {

    private static Map<String, Object> entry(String symbol, String meaning, String role) {
        return Map.of("symbol", symbol, "meaning", meaning, "role", role);
    }

    private static String plan(List<Map<String, Object>> legend) {
        String city = "lg-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("admin").body(Map.of("code", city, "name", "凡例市" + city, "kana", "はんれいし", "kind", "CITY"))
                .post("/api/v1/areas").then().statusCode(201);
        var body = new HashMap<String, Object>(Map.of("code", city, "cityCode", city, "kind", "COMMUNITY_WELFARE", "title", "凡例市地域福祉計画",
                "periodStart", 2024, "periodEnd", 2031, "levels", List.of("取組", "事業"),
                "actors", List.of(Map.of("key", "city", "name", "市"), Map.of("key", "council", "name", "市社協"),
                        Map.of("key", "groups", "name", "地域団体等"))));
        if (legend != null) {
            body.put("legend", legend);
        }
        Api.as("planner").body(body).post("/api/v1/plans").then().statusCode(201);
        return city;
    }

    private static JsonPath tree(String plan) {
        return Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void aPlanWithoutALegendOfItsOwnReadsDoubleCircleAsTheImplementingBody() {
        String plan = plan(null);
        Api.as("viewer").get("/api/v1/plans/" + plan).then().statusCode(200)
                .body("legend.symbol", contains("◎", "○")).body("legend.role", contains("LEAD", "PARTNER"));
        Api.as("planner").body(Map.of("code", "1", "title", "見守り", "roles", List.of(Map.of("actor", "city", "role", "LEAD"),
                Map.of("actor", "council", "symbol", "○")))).post("/api/v1/plans/" + plan + "/nodes").then().statusCode(201)
                .body("roles.symbol", contains("◎", "○")).body("roles.meaning", contains("実施主体", "連携・協力"));
    }

    @Test
    void aSectionsOwnLegendDecidesWhatItsSymbolsMeanAndAnUnlistedSymbolIsFlaggedNotMapped() {
        String plan = plan(null);
        String nodes = "/api/v1/plans/" + plan + "/nodes";
        Api.as("planner").body(Map.of("code", "13", "title", "相談支援体制の充実",
                        "legend", List.of(entry("○", "事業の実施主体", "LEAD"), entry("□", "連携・協力団体", "PARTNER"))))
                .post(nodes).then().statusCode(201).body("legend.symbol", contains("○", "□"));
        Api.as("planner").body(Map.of("code", "13-1", "title", "困難な問題を抱える女性支援事業", "parentCode", "13",
                        "roles", List.of(Map.of("actor", "city", "symbol", "○"), Map.of("actor", "council", "role", "PARTNER"),
                                Map.of("actor", "groups", "symbol", "◎"))))
                .post(nodes).then().statusCode(201);
        Api.as("planner").body(Map.of("code", "14", "title", "孤独・孤立対策")).post(nodes).then().statusCode(201);
        Api.as("planner").body(Map.of("code", "14-1", "title", "火の国会議", "parentCode", "14",
                        "roles", List.of(Map.of("actor", "city", "symbol", "○"))))
                .post(nodes).then().statusCode(201);

        JsonPath tree = tree(plan);
        assertEquals(List.of("事業の実施主体", "連携・協力団体"), tree.getList("nodes[0].children[0].legendInForce.meaning"));
        assertEquals(List.of(), tree.getList("nodes[0].children[0].legend"));
        // Under 13 the city's ○ is the implementing body; the partner written by kind is printed with 13's □.
        assertEquals(List.of("○", "□", "◎"), tree.getList("nodes[0].children[0].roles.symbol"));
        assertEquals("LEAD", tree.getString("nodes[0].children[0].roles[0].role"));
        assertEquals("事業の実施主体", tree.getString("nodes[0].children[0].roles[0].meaning"));
        assertEquals("PARTNER", tree.getString("nodes[0].children[0].roles[1].role"));
        // ◎ is not in 13's legend: kept as printed, flagged, never guessed.
        assertEquals(false, tree.getBoolean("nodes[0].children[0].roles[2].inLegend"));
        assertNull(tree.get("nodes[0].children[0].roles[2].role"));
        assertNull(tree.get("nodes[0].children[0].roles[2].meaning"));
        // Under 14 the plan's own legend is in force: ○ is a partner there.
        assertEquals("PARTNER", tree.getString("nodes[1].children[0].roles[0].role"));
        assertEquals("連携・協力", tree.getString("nodes[1].children[0].roles[0].meaning"));
    }

    @Test
    void changingALegendChangesWhatThePrintedSymbolsMeanAndIsLogged() {
        String plan = plan(List.of(entry("□", "中心的役割", "LEAD"), entry("△", "協力", "PARTNER")));
        String nodes = "/api/v1/plans/" + plan + "/nodes";
        Api.as("planner").body(Map.of("code", "1", "title", "サロン", "roles", List.of(Map.of("actor", "city", "symbol", "△"))))
                .post(nodes).then().statusCode(201).body("roles[0].role", equalTo("PARTNER")).body("roles[0].meaning", equalTo("協力"));
        int version = Api.as("viewer").get("/api/v1/plans/" + plan).then().extract().path("version");
        var update = new HashMap<String, Object>(Map.of("title", "凡例市地域福祉計画", "kind", "COMMUNITY_WELFARE", "periodStart", 2024,
                "periodEnd", 2031, "status", "ACTIVE", "levels", List.of("取組", "事業"), "gradeThresholds", Map.of("a", 100, "b", 80, "c", 50),
                "legend", List.of(entry("△", "実施主体", "LEAD"), entry("□", "連携", "PARTNER")), "version", version));
        Api.as("planner").body(update).put("/api/v1/plans/" + plan).then().statusCode(200).body("legend.symbol", contains("△", "□"));
        JsonPath tree = tree(plan);
        assertEquals("△", tree.getString("nodes[0].roles[0].symbol"));
        assertEquals("LEAD", tree.getString("nodes[0].roles[0].role"));
        Api.as("viewer").queryParam("since", "2000-01-01T00:00:00+09:00").get("/api/v1/plans/" + plan + "/changes").then().statusCode(200)
                .body("items.find { it.field == 'legend' }.oldValue", equalTo("「□」中心的役割 「△」協力"))
                .body("items.find { it.field == 'legend' }.newValue", equalTo("「△」実施主体 「□」連携"));
        // The next period keeps the legend and the symbols as printed.
        String next = plan + "-n";
        Api.as("planner").body(Map.of("code", next, "title", "次期", "periodStart", 2032, "periodEnd", 2037))
                .post("/api/v1/plans/" + plan + "/copies").then().statusCode(201).body("legend.symbol", contains("△", "□"));
        assertEquals("LEAD", tree(next).getString("nodes[0].roles[0].role"));
    }

    @Test
    void aRoleThatContradictsTheLegendOrALegendThatRepeatsASymbolIsRefused() {
        String plan = plan(null);
        String nodes = "/api/v1/plans/" + plan + "/nodes";
        Api.as("planner").body(Map.of("code", "1", "title", "x", "roles", List.of(Map.of("actor", "city", "symbol", "◎", "role", "PARTNER"))))
                .post(nodes).then().statusCode(422).body("type", equalTo("/problems/role-symbol-mismatch"))
                .body("errors[0].field", equalTo("roles[0].role"));
        Api.as("planner").body(Map.of("code", "1", "title", "x", "roles", List.of(Map.of("actor", "city"))))
                .post(nodes).then().statusCode(400).body("errors[0].field", equalTo("roles[0].symbol"));
        Api.as("planner").body(Map.of("code", "1", "title", "x", "legend", List.of(entry("○", "実施主体", "LEAD"), entry("○", "協力", "PARTNER"))))
                .post(nodes).then().statusCode(400).body("errors[0].field", equalTo("legend[1].symbol"));
        Api.as("planner").body(Map.of("code", "1", "title", "x", "legend", List.of(entry("○", "実施主体", "LEAD")),
                        "roles", List.of(Map.of("actor", "city", "role", "PARTNER"))))
                .post(nodes).then().statusCode(422).body("type", equalTo("/problems/role-not-in-legend"));
        // Nothing half-written: the refused node does not exist.
        assertEquals(List.of(), tree(plan).getList("nodes"));
    }

    @Test
    void theSheetPrintsSymbolsAndLegendsAndReadsALegendWrittenByHandBack() {
        String plan = plan(null);
        String nodes = "/api/v1/plans/" + plan + "/nodes";
        Api.as("planner").body(Map.of("code", "13", "title", "相談支援体制の充実",
                "legend", List.of(entry("○", "事業の実施主体", "LEAD"), entry("□", "連携・協力団体", "PARTNER")))).post(nodes).then().statusCode(201);
        Api.as("planner").body(Map.of("code", "13-1", "title", "女性支援事業", "parentCode", "13",
                "roles", List.of(Map.of("actor", "city", "symbol", "○"), Map.of("actor", "council", "symbol", "□")))).post(nodes).then().statusCode(201);
        String tsv = Api.as("viewer").get("/api/v1/plans/" + plan + "/evaluation-sheet?fiscalYear=2024&format=tsv").then().statusCode(200)
                .extract().asString();
        assertTrue(tsv.contains("今後の方向性(令和7年度以降)・課題など\t市\t市社協\t地域団体等\r\n"), tsv);
        assertTrue(tsv.contains("凡例\t実施主体〔◎〕 連携・協力〔○〕"), tsv);
        assertTrue(tsv.contains("凡例\t事業の実施主体〔○〕 連携・協力団体〔□〕"), tsv);
        assertTrue(tsv.contains("\t○\t□\t\r\n"), tsv);

        // The planner writes the section's legend and the symbols by hand, as another city prints them.
        String edited = tsv.replace("事業の実施主体〔○〕 連携・協力団体〔□〕", "中心的役割「☆」 協力「△」").replace("\t○\t□\t\r\n", "\t☆\t△\t◎\r\n");
        Api.as("planner").contentType("text/tab-separated-values").body(edited.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports?commit=true").then().statusCode(200)
                .body("summary.ERROR", equalTo(0))
                .body("problems.find { it.column == '地域団体等' }.value", equalTo("◎"));
        JsonPath tree = tree(plan);
        assertEquals(List.of("☆", "△"), tree.getList("nodes[0].legend.symbol"));
        assertEquals(List.of("LEAD", "PARTNER"), tree.getList("nodes[0].legend.role"));
        assertEquals(List.of("☆", "△", "◎"), tree.getList("nodes[0].children[0].roles.symbol"));
        assertEquals("中心的役割", tree.getString("nodes[0].children[0].roles[0].meaning"));
        assertEquals("PARTNER", tree.getString("nodes[0].children[0].roles[1].role"));
        assertEquals(false, tree.getBoolean("nodes[0].children[0].roles[2].inLegend"));

        // A legend line that pairs no meaning with a symbol is an error at its row, and nothing is stored.
        String bad = edited.replace("中心的役割「☆」 協力「△」", "いろいろ").replace("\t☆\t△\t◎\r\n", "\t△\t\t\r\n");
        Api.as("planner").contentType("text/tab-separated-values").body(bad.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/plans/" + plan + "/imports?commit=true").then().statusCode(422);
        assertEquals(List.of("☆", "△", "◎"), tree(plan).getList("nodes[0].children[0].roles.symbol"));
    }

    /** The demo's 熊本市 matrix read by its own legends (seed 003): 取組13 and 16 print ○ 実施主体 / □ 連携・協力団体. */
    @Test
    void kumamotosMatrixIsReadByTheLegendOfEach取組() {
        JsonPath tree = tree("kumamoto-5th");
        Map<String, Map<String, Object>> byCode = new HashMap<>();
        collect(tree.getList("nodes"), byCode);
        assertEquals(List.of("○", "□"), symbols(byCode.get("13").get("legend")));
        assertEquals(List.of("◎", "○"), symbols(byCode.get("14").get("legend")));
        assertEquals(List.of("○", "◎"), symbols(byCode.get("15").get("legend")));
        assertEquals(List.of("○", "□"), symbols(byCode.get("16").get("legend")));
        // 13-3 and 13-4: the city (○) is the implementing body, as printed.
        for (String code : List.of("13-1", "13-2", "13-3", "13-4", "16-1")) {
            Map<String, Object> city = cell(byCode.get(code), "city");
            assertEquals("LEAD", city.get("role"), code);
            assertEquals("事業の実施主体", city.get("meaning"), code);
        }
        // 13-5 prints ◎, which 取組13's legend does not list.
        assertEquals(false, cell(byCode.get("13-5"), "city").get("inLegend"));
        assertEquals("LEAD", cell(byCode.get("14-1"), "city").get("role"));
        assertEquals("PARTNER", cell(byCode.get("14-1"), "council").get("role"));
    }

    @SuppressWarnings("unchecked")
    private static void collect(List<Object> nodes, Map<String, Map<String, Object>> out) {
        for (Object o : nodes) {
            Map<String, Object> n = (Map<String, Object>) o;
            out.put((String) n.get("code"), n);
            collect((List<Object>) n.get("children"), out);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> symbols(Object legend) {
        return ((List<Map<String, Object>>) legend).stream().map(e -> (String) e.get("symbol")).toList();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cell(Map<String, Object> node, String actor) {
        return ((List<Map<String, Object>>) node.get("roles")).stream().filter(r -> actor.equals(r.get("actor"))).findFirst().orElseThrow();
    }
}
