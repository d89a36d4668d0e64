package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.testing.Api;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Generated strings thrown at the text fields of the write operations (#16): Japanese, astral characters, quotes and
 * backslashes, whitespace of every kind, NUL and other control characters, lone surrogates. Whatever comes in, no
 * answer is 5xx; a refusal is 400 naming the field; and what was accepted reads back as sent (surrounding
 * whitespace aside, which names and titles drop).
 */
@QuarkusTest
class GeneratedTextPropertyTest {

    /** Code points drawn mostly from what people type, sometimes from what they never do. */
    private static final Arbitrary<String> TEXT = Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x20, 0x7E)),
                    net.jqwik.api.Tuple.of(5, Arbitraries.integers().between(0x3040, 0x30FF)),
                    net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0x4E00, 0x9FFF)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(0x3000, 0x09, 0x0A, 0x0D, 0xA0, 0x200B, 0x200D, 0xFEFF, 0x202E, 0x22, 0x5C, 0x2028)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x1F300, 0x1FAFF)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0x00, 0x1F)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(0xD800, 0xDFFF)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.of(0x7F, 0x85, 0xFFFD, 0xFF1C, 0x10FFFF)))
            .list().ofMinSize(1).ofMaxSize(24)
            .map(points -> {
                StringBuilder s = new StringBuilder();
                points.forEach(cp -> {
                    if (cp >= 0xD800 && cp <= 0xDFFF) {
                        s.append((char) (int) cp); // half a character, as a broken client sends it
                    } else {
                        s.appendCodePoint(cp);
                    }
                });
                return s.toString();
            });

    /** One write operation: how to create a record with the text in one field, and where the text reads back. */
    private record Case(String name, String field, Function<String, Response> create, Function<Response, String> readBack) {
    }

    private static List<Case> cases() {
        String plan = "gp-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", plan, "cityCode", "40100", "kind", "OTHER", "title", "生成計画", "periodStart", 2024,
                "periodEnd", 2026, "levels", List.of("施策"), "actors", List.of())).post("/api/v1/plans").then().statusCode(201);
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("createRecipient", "householdNotes",
                text -> Api.as("coordinator").contentType("application/json").body(json(recipient(text))).post("/api/v1/recipients"),
                created -> Api.as("coordinator").get("/api/v1/recipients/" + created.path("id")).path("householdNotes")));
        cases.add(new Case("createPlanNode", "title",
                text -> Api.as("planner").contentType("application/json").body(json(Map.of("code", "n" + UUID.randomUUID().toString().substring(0, 8), "title", text)))
                        .post("/api/v1/plans/" + plan + "/nodes"),
                created -> Api.as("viewer").get("/api/v1/plans/" + plan + "/tree")
                        .path("nodes.find { it.code == '" + created.path("code") + "' }.title")));
        cases.add(new Case("createPlanFinding", "text",
                text -> Api.as("planner").contentType("application/json").body(json(Map.of("kind", "TROUBLE", "title", "生成", "text", text))).post("/api/v1/plans/" + plan + "/findings"),
                created -> Api.as("viewer").get("/api/v1/plans/" + plan + "/findings").path("items.find { it.id == " + created.path("id") + " }.text")));
        cases.add(new Case("createSupporter", "name",
                text -> Api.as("coordinator").contentType("application/json").body(json(Map.of("name", text, "kana", "せいせい", "areaCode", "40102-takasu",
                        "categoryCodes", List.of("GARBAGE"), "availability", List.of(), "capacity", 1, "hasVehicle", false))).post("/api/v1/supporters"),
                created -> Api.as("coordinator").get("/api/v1/supporters/" + created.path("id")).path("name")));
        return cases;
    }

    /**
     * JSON written with every non-ASCII character escaped (\\uXXXX), so that half a character reaches the API as
     * a broken client would send it, instead of being dropped by a serializer on the way.
     */
    static String json(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            for (char ch : s.toCharArray()) {
                if (ch == '"' || ch == '\\') {
                    out.append('\\').append(ch);
                } else if (ch < 0x20 || ch > 0x7E) {
                    out.append(String.format("\\u%04x", (int) ch));
                } else {
                    out.append(ch);
                }
            }
            return out.append('"').toString();
        }
        if (value instanceof Map<?, ?> map) {
            List<String> members = new ArrayList<>();
            map.forEach((k, v) -> members.add(json(k.toString()) + ":" + json(v)));
            return "{" + String.join(",", members) + "}";
        }
        if (value instanceof List<?> list) {
            return "[" + String.join(",", list.stream().map(GeneratedTextPropertyTest::json).toList()) + "]";
        }
        return value.toString();
    }

    private static Map<String, Object> recipient(String notes) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "生成 太郎", "kana", "せいせい たろう", "areaCode", "40102-takasu",
                "referredBy", "SELF", "consent", false));
        body.put("householdNotes", notes);
        return body;
    }

    @Test
    void generatedTextIsStoredAsSentOrRefusedNamingTheFieldAndNever5xx() {
        List<String> failures = new ArrayList<>();
        int accepted = 0;
        int refused = 0;
        for (Case c : cases()) {
            for (String text : TEXT.sampleStream().limit(60).toList()) {
                Response r = c.create().apply(text);
                String shown = text.codePoints().limit(30).mapToObj(cp -> String.format("U+%04X", cp)).toList().toString();
                if (r.statusCode() >= 500) {
                    failures.add(c.name() + " " + shown + " → " + r.statusCode());
                } else if (r.statusCode() == 201) {
                    accepted++;
                    String stored = c.readBack().apply(r);
                    boolean same = stored == null ? text.strip().isEmpty() : stored.equals(text) || stored.equals(text.strip());
                    if (!same) {
                        failures.add(c.name() + " " + shown + " stored as " + stored);
                    }
                } else if (r.statusCode() == 400) {
                    refused++;
                    String field = r.jsonPath().getString("errors[0].field");
                    if (field == null || !field.startsWith(c.field())) {
                        failures.add(c.name() + " " + shown + " → 400 naming " + field);
                    }
                } else {
                    failures.add(c.name() + " " + shown + " → " + r.statusCode() + " " + r.asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), failures.size() + " generated texts went wrong:\n" + String.join("\n", failures));
        assertTrue(accepted > 20 && refused > 20, "both kinds should occur: accepted " + accepted + ", refused " + refused);
    }
}
