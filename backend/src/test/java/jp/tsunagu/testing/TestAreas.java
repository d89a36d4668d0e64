package jp.tsunagu.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Areas of a test's own, made over HTTP by the administrator, so that nothing it counts is shared with another test. */
public final class TestAreas {

    private TestAreas() {
    }

    /** One area; {@code parent} may be null for a city. */
    public static void area(String code, String name, String kana, String kind, String parent) {
        Map<String, Object> body = new HashMap<>(Map.of("code", code, "name", name, "kana", kana, "kind", kind));
        if (parent != null) {
            body.put("parentCode", parent);
        }
        Api.as("admin").body(body).post("/api/v1/areas").then().statusCode(201);
    }

    /**
     * A city of its own with one 校区 and two 町内 under it: {district, neighbourhood 1, neighbourhood 2}. No demo
     * supporter is in its scope (the district's siblings are its city's other districts: there are none).
     */
    public static String[] ownDistrict(String prefix) {
        String c = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        area(c, "試験市", "しけんし", "CITY", null);
        area(c + "-d", "試験校区", "しけんこうく", "SCHOOL_DISTRICT", c);
        area(c + "-n1", "一丁目", "いっちょうめ", "NEIGHBOURHOOD", c + "-d");
        area(c + "-n2", "二丁目", "にちょうめ", "NEIGHBOURHOOD", c + "-d");
        return new String[]{c + "-d", c + "-n1", c + "-n2"};
    }
}
