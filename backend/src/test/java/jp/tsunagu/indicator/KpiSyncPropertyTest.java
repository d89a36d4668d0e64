package jp.tsunagu.indicator;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The KPI sync misses nothing: a client that keeps a copy by pulling with updatedSince (the previous pull's
 * nextUpdatedSince, in small pages), upserting rows and removing tombstones, holds exactly what a full pull returns —
 * after every step of a random sequence of writes of every kind a row's figures depend on: values written, cleared
 * and batched; an indicator renamed or turned 未設定 and back; the plan's grade bands and period; a node's title;
 * indicators created and deleted with their node; disaggregated series.
 *
 * <p>The sequence comes from a seed that a failure prints; {@code -Dkpi.sync.seed=N} replays it.
 */
@QuarkusTest
class KpiSyncPropertyTest {

    private static final int STEPS = 40;

    private final Map<String, Object> written = new HashMap<>();
    private String plan;
    private int extraNodes;
    private int periodEnd = 2027;
    private final List<String> extraNodeCodes = new ArrayList<>();

    @Test
    void aCopyKeptWithUpdatedSinceAlwaysEqualsAFullPull() {
        long seed = Long.getLong("kpi.sync.seed", System.nanoTime());
        Random random = new Random(seed);
        plan = "sync-" + UUID.randomUUID().toString().substring(0, 8);
        setUp();

        Map<String, Map<String, Object>> copy = new TreeMap<>();
        String since = pull(null, copy, seed, "the first pull");
        List<String> steps = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            steps.add(write(random));
            String context = "seed " + seed + ", after steps " + steps;
            since = pull(since, copy, seed, context);
            Map<String, Map<String, Object>> full = new TreeMap<>();
            pull(null, full, seed, context);
            assertEquals(full, copy, "the copy kept with updatedSince differs from a full pull; " + context);
        }
        // Nothing written since: the next pull sends nothing, so the copy was not merely refreshed in full each time.
        JsonPath quiet = Api.as("viewer").queryParam("plan", plan).queryParam("updatedSince", since).get("/api/v1/kpis")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(quiet.getList("items").isEmpty(), "a pull with nothing changed sent " + quiet.getList("items"));
        assertFalse(copy.isEmpty());
    }

    private void setUp() {
        ok(201, Api.as("planner").body(Map.of("code", plan, "cityCode", "40203", "kind", "OTHER", "title", "同期の試験計画",
                        "periodStart", 2024, "periodEnd", 2027, "levels", List.of("目標", "取組"),
                        "actors", List.of(Map.of("key", "city", "name", "市"))))
                .post("/api/v1/plans"));
        node("1", "目標1", null);
        node("1-1", "取組1-1", "1");
        node("2", "目標2", null);
        indicator("a", "1-1", false, null);
        indicator("b", "2", false, Map.of("name", "頻度", "additive", false, "options", List.of("月1回以上", "月2回以上")));
        indicator("c", "1", true, null);
    }

    private void node(String code, String title, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "title", title));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        ok(201, Api.as("planner").body(body).post("/api/v1/plans/" + plan + "/nodes"));
    }

    private void indicator(String suffix, String node, boolean notSet, Map<String, Object> disaggregation) {
        Map<String, Object> body = new HashMap<>(Map.of("code", plan + "-" + suffix, "planCode", plan, "nodeCode", node,
                "name", "指標" + suffix, "notSet", notSet));
        if (notSet) {
            body.put("notSetReason", "数値目標になじまない");
        } else {
            body.put("unit", "回");
            body.put("direction", "INCREASE");
        }
        if (disaggregation != null) {
            body.put("disaggregation", disaggregation);
        }
        ok(201, Api.as("planner").body(body).post("/api/v1/indicators"));
    }

    /** One random write; returns what it did, for the failure message. */
    private String write(Random random) {
        String a = plan + "-a";
        String b = plan + "-b";
        String c = plan + "-c";
        String kind = List.of("BASELINE", "TARGET", "ACTUAL").get(random.nextInt(3));
        int year = year(random, kind);
        switch (random.nextInt(11)) {
            case 0, 1 -> {
                int value = random.nextInt(200);
                putValue(a, year, kind, null, value);
                return "value " + a + " " + year + " " + kind + "=" + value;
            }
            case 2 -> {
                String option = random.nextBoolean() ? null : List.of("月1回以上", "月2回以上").get(random.nextInt(2));
                int value = random.nextInt(200);
                putValue(b, year, kind, option, value);
                return "value " + b + "/" + option + " " + year + " " + kind + "=" + value;
            }
            case 3 -> {
                List<String> keys = new ArrayList<>(written.keySet());
                if (keys.isEmpty()) {
                    return "nothing to clear";
                }
                String key = keys.get(random.nextInt(keys.size()));
                String[] k = key.split("\\|", -1);
                putValue(k[0], Integer.parseInt(k[1]), k[2], k[3].isEmpty() ? null : k[3], null);
                return "cleared " + key;
            }
            case 4 -> {
                List<Map<String, Object>> rows = new ArrayList<>();
                StringBuilder what = new StringBuilder("batch");
                for (int i = 0; i < 3; i++) {
                    String kd = List.of("TARGET", "ACTUAL").get(random.nextInt(2));
                    int y = year(random, kd);
                    int v = random.nextInt(200);
                    Map<String, Object> row = new HashMap<>(Map.of("indicatorCode", a, "fiscalYear", y, "kind", kd, "value", v));
                    if (rows.stream().noneMatch(r -> r.get("fiscalYear").equals(y) && r.get("kind").equals(kd))) {
                        rows.add(row);
                        written.put(a + "|" + y + "|" + kd + "|", v);
                        what.append(' ').append(y).append(kd).append('=').append(v);
                    }
                }
                ok(200, Api.as("planner").body(Map.of("rows", rows)).put("/api/v1/indicator-values"));
                return what.toString();
            }
            case 5 -> {
                String direction = List.of("INCREASE", "DECREASE", "MAINTAIN").get(random.nextInt(3));
                updateIndicator(a, "指標a " + random.nextInt(100), false, direction);
                return "indicator a is now " + direction;
            }
            case 6 -> {
                boolean notSet = random.nextBoolean();
                updateIndicator(c, "指標c", notSet, notSet ? null : "DECREASE");
                return "indicator c " + (notSet ? "未設定" : "設定");
            }
            case 7 -> {
                int bandA = 90 + random.nextInt(30);
                // The period may shrink, but not below a target already set (the API refuses that).
                int lowest = written.keySet().stream().filter(k -> k.contains("|TARGET|"))
                        .mapToInt(k -> Integer.parseInt(k.split("\\|")[1])).max().orElse(2025);
                int end = Math.max(lowest, 2025) + random.nextInt(2029 - Math.max(lowest, 2025));
                updatePlan(bandA, bandA - 20 - random.nextInt(10), 40, end);
                periodEnd = end;
                return "plan bands A≥" + bandA + ", period to " + end;
            }
            case 8 -> {
                JsonPath tree = Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().statusCode(200).extract().jsonPath();
                long version = findVersion(tree.getList("nodes"), "1-1");
                String title = "取組1-1 改" + random.nextInt(100);
                ok(204, Api.as("planner").body(Map.of("code", "1-1", "title", title, "roles", List.of(), "version", version))
                        .put("/api/v1/plans/" + plan + "/nodes/1-1"));
                return "node 1-1 titled " + title;
            }
            case 9 -> {
                String code = "x" + (++extraNodes);
                node(code, "追加" + code, "2");
                indicator(code, code, false, null);
                putValue(plan + "-" + code, year, "ACTUAL", null, random.nextInt(50));
                extraNodeCodes.add(code);
                return "node and indicator " + code;
            }
            default -> {
                if (extraNodeCodes.isEmpty()) {
                    return "no node to delete";
                }
                String code = extraNodeCodes.remove(random.nextInt(extraNodeCodes.size()));
                ok(204, Api.as("planner").delete("/api/v1/plans/" + plan + "/nodes/" + code + "?cascade=true"));
                written.keySet().removeIf(k -> k.startsWith(plan + "-" + code + "|"));
                return "deleted node " + code;
            }
        }
    }

    /** Targets lie in the plan's period; baselines and actuals may be from any year around it. */
    private int year(Random random, String kind) {
        return "TARGET".equals(kind) ? 2024 + random.nextInt(periodEnd - 2023) : 2023 + random.nextInt(6);
    }

    /** A write the sequence relies on: its status, or the failure says what the API answered. */
    private static void ok(int status, io.restassured.response.Response response) {
        assertEquals(status, response.statusCode(), () -> "the API answered " + response.asString());
    }

    @SuppressWarnings("unchecked")
    private static long findVersion(List<Object> nodes, String code) {
        for (Object o : nodes) {
            Map<String, Object> n = (Map<String, Object>) o;
            if (code.equals(n.get("code"))) {
                return ((Number) n.get("version")).longValue();
            }
            long found = findVersion((List<Object>) n.getOrDefault("children", List.of()), code);
            if (found >= 0) {
                return found;
            }
        }
        return -1;
    }

    private void putValue(String indicator, int year, String kind, String option, Integer value) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("option", option);
        body.put("value", value);
        ok(200, Api.as("planner").body(body).put("/api/v1/indicators/" + indicator + "/values/" + year));
        String key = indicator + "|" + year + "|" + kind + "|" + (option == null ? "" : option);
        if (value == null) {
            written.remove(key);
        } else {
            written.put(key, value);
        }
    }

    private static void updateIndicator(String code, String name, boolean notSet, String direction) {
        long version = ((Number) Api.as("viewer").get("/api/v1/indicators/" + code).then().statusCode(200).extract().path("version")).longValue();
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "notSet", notSet, "version", version));
        if (notSet) {
            body.put("notSetReason", "数値目標になじまない");
        } else {
            body.put("unit", "回");
            body.put("direction", direction);
        }
        ok(200, Api.as("planner").body(body).put("/api/v1/indicators/" + code));
    }

    private void updatePlan(int a, int b, int c, int periodEnd) {
        JsonPath p = Api.as("viewer").get("/api/v1/plans/" + plan).then().statusCode(200).extract().jsonPath();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", p.getString("title"));
        body.put("kind", p.getString("kind"));
        body.put("periodStart", p.getInt("periodStart"));
        body.put("periodEnd", periodEnd);
        body.put("status", p.getString("status"));
        body.put("levels", p.getList("levels"));
        body.put("gradeThresholds", Map.of("a", a, "b", b, "c", c));
        body.put("version", p.getLong("version"));
        ok(200, Api.as("planner").body(body).put("/api/v1/plans/" + plan));
    }

    /**
     * Pulls the plan's rows (all of them, or those changed since {@code since}) in pages of 7 into {@code copy}:
     * rows replace rows of the same key, tombstones remove them. Returns the pull's nextUpdatedSince.
     */
    private String pull(String since, Map<String, Map<String, Object>> copy, long seed, String context) {
        String cursor = null;
        String next = null;
        do {
            var request = Api.as("viewer").queryParam("plan", plan).queryParam("limit", 7);
            if (since != null) {
                request.queryParam("updatedSince", since);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/v1/kpis").then().statusCode(200).extract().jsonPath();
            String watermark = page.getString("nextUpdatedSince");
            if (next == null) {
                next = watermark;
            }
            assertEquals(next, watermark, "every page of a pull answers the first page's nextUpdatedSince; " + context);
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> row : items) {
                String key = row.get("indicatorCode") + "|" + row.get("option") + "|" + row.get("fiscalYear");
                if (Boolean.TRUE.equals(row.get("deleted"))) {
                    assertTrue(since != null, "a full pull sent a tombstone " + row + "; " + context);
                    copy.remove(key);
                } else {
                    copy.put(key, row);
                }
            }
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return next;
    }
}
