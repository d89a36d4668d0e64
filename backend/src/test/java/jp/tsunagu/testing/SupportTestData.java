package jp.tsunagu.testing;


import java.util.Map;

/** Recipients and requests created over HTTP, as a coordinator would. */
public final class SupportTestData {

    private SupportTestData() {
    }

    public static long recipient(String user, String area) {
        return ((Number) Api.as(user).body(Map.of("name", "試験 太郎", "kana", "しけん たろう", "areaCode", area,
                        "referredBy", "WELFARE_VOLUNTEER", "consent", true, "contact", "093-111-2222"))
                .post("/api/v1/recipients").then().statusCode(201).extract().path("id")).longValue();
    }

    public static long request(String user, long recipient, String category, int weekday) {
        return ((Number) Api.as(user).body(Map.of("recipientId", recipient, "categoryCode", category, "weeklyDay", weekday,
                        "start", "09:00", "end", "10:00", "payment", "EITHER"))
                .post("/api/v1/support-requests").then().statusCode(201).extract().path("id")).longValue();
    }
}
