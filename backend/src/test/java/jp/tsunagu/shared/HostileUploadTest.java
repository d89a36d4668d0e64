package jp.tsunagu.shared;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Hostile bytes in uploaded files and in headers (#16): NUL, control characters, broken and overlong UTF-8, a
 * truncated spreadsheet. Every upload answers 4xx problem+json (or a dry-run report listing the problem by line),
 * never 5xx, and a commit stores nothing.
 */
@QuarkusTest
class HostileUploadTest {

    private static byte[] bytes(String head, byte[] hostile, String tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(hostile);
        out.writeBytes(tail.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** NUL, a control character, overlong "/" (C0 AF), a lone surrogate (ED A0 80), a cut-off character (E3 81). */
    private static final List<byte[]> HOSTILE = List.of(new byte[] {0}, new byte[] {1}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE3, (byte) 0x81});

    private static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Test
    void hostileBytesInEveryUploadAnswer4xxAndStoreNothing() {
        String city = "hu-" + UUID.randomUUID().toString().substring(0, 8);
        String plan = city;
        Api.as("admin").body(Map.of("code", city, "name", "敵対市" + city, "kana", "てきたいし", "kind", "CITY"))
                .post("/api/v1/areas").then().statusCode(201);
        Api.as("planner").body(Map.of("code", plan, "cityCode", city, "kind", "OTHER", "title", "敵対市計画", "periodStart", 2022,
                "periodEnd", 2026, "levels", List.of("目標", "施策の方向性", "取組"), "actors", List.of())).post("/api/v1/plans").then().statusCode(201);
        String survey = "hu-" + UUID.randomUUID().toString().substring(0, 8);
        Api.as("planner").body(Map.of("code", survey, "title", "敵対アンケート", "fiscalYear", 2025, "instrument", "UCLA3", "dataSource", "RESPONSES"))
                .post("/api/v1/surveys").then().statusCode(201);

        List<String> failures = new ArrayList<>();
        for (byte[] hostile : HOSTILE) {
            String label = java.util.HexFormat.of().formatHex(hostile);
            byte[] areas = bytes("code,name,kana,kind,parent\n" + city + "-x,校区", hostile, ",こうく,SCHOOL_DISTRICT," + city + "\n");
            byte[] sheet = bytes("敵対市計画 事業調書\n\n目標\t施策の方向性\tNo.\t取組名\t概要\t成果指標\t取組結果 (令和4年度)\t今後の方向性\n①目標\n\t1 方向\n\t\t1\t取組",
                    hostile, "\t概要\t\t\t\n");
            byte[] responses = bytes("q1,q2,q3,年代\n1,2,3,70代", hostile, "\n");
            for (Object[] upload : new Object[][] {
                    {"/api/v1/areas/imports?commit=true", "text/csv", areas, "admin"},
                    {"/api/v1/plans/" + plan + "/imports?commit=true", "text/tab-separated-values", sheet, "planner"},
                    {"/api/v1/surveys/" + survey + "/imports?commit=true", "text/csv", responses, "planner"},
                    {"/api/v1/areas/imports?commit=true", XLSX, bytes("PK\u0003\u0004", hostile, "truncated"), "admin"},
                    {"/api/v1/plans/" + plan + "/imports?commit=true", XLSX, bytes("PK\u0003\u0004", hostile, ""), "planner"}}) {
                Response r = Api.as((String) upload[3]).contentType((String) upload[1]).body((byte[]) upload[2]).post((String) upload[0]);
                if (r.statusCode() < 400 || r.statusCode() >= 500 || !r.contentType().startsWith("application/problem+json")) {
                    failures.add(label + " " + upload[1] + " " + upload[0] + " → " + r.statusCode() + " " + r.asString());
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // Nothing of it was stored.
        Api.as("viewer").get("/api/v1/areas/" + city + "-x").then().statusCode(404);
        Api.as("viewer").get("/api/v1/plans/" + plan + "/tree").then().statusCode(200).body("nodes", hasSize(0));
        Api.as("viewer").get("/api/v1/surveys/" + survey).then().statusCode(200).body("respondents", org.hamcrest.Matchers.nullValue());
    }

    /**
     * Sends the request's bytes as they are (an HTTP client library would clean the header first) and returns the
     * status line's code and the body.
     */
    private static String[] raw(String method, String path, List<String> headers, byte[] body) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.writeBytes((method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
            for (String h : headers) {
                request.writeBytes((h + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            request.writeBytes(("Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            request.writeBytes(body);
            socket.getOutputStream().write(request.toByteArray());
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new String[] {answer.substring(9, 12), answer};
        }
    }

    @Test
    void hostileHeaderValuesAreRefusedWithoutA5xx() throws java.io.IOException {
        String token = jp.tsunagu.testing.Api.token("coordinator");
        byte[] recipient = "{\"name\":\"見出し 試験\",\"kana\":\"みだし しけん\",\"areaCode\":\"40102-takasu\",\"referredBy\":\"SELF\",\"consent\":false}"
                .getBytes(StandardCharsets.UTF_8);
        List<String> failures = new ArrayList<>();
        // A header value with NUL, a control character, DEL or raw UTF-8 (broken or not).
        for (String value : List.of("a\u0000b", "a\u0001b", "a\u007fb", "キー", "a\uFFFDb")) {
            String[] r = raw("POST", "/api/v1/recipients", List.of("Authorization: Bearer " + token, "Content-Type: application/json",
                    "Idempotency-Key: " + value), recipient);
            if (!r[0].equals("400")) {
                failures.add("Idempotency-Key " + value.codePoints().mapToObj(Integer::toHexString).toList() + " → " + r[0]);
            }
            String[] auth = raw("GET", "/api/v1/plans", List.of("Authorization: Bearer " + value), new byte[0]);
            if (!auth[0].equals("400") && !auth[0].equals("401")) {
                failures.add("Authorization " + value.codePoints().mapToObj(Integer::toHexString).toList() + " → " + auth[0]);
            }
            String[] etag = raw("GET", "/api/v1/kpis?plan=kumamoto-5th", List.of("Authorization: Bearer " + jp.tsunagu.testing.Api.token("viewer"),
                    "If-None-Match: \"" + value + "\""), new byte[0]);
            if (!etag[0].equals("200") && !etag[0].equals("400")) {
                failures.add("If-None-Match " + value.codePoints().mapToObj(Integer::toHexString).toList() + " → " + etag[0]);
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));
        // Nothing was registered by any of them.
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + token).queryParam("q", "みだし しけん").get("/api/v1/recipients")
                .then().statusCode(200).body("$", hasSize(0));
    }
}
