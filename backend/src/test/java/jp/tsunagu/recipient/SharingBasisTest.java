package jp.tsunagu.recipient;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

/**
 * Contact details on the 依頼票 only on a legal basis: the resident's consent, or a 支援会議's decision under
 * 社会福祉法 第106条の6 recorded with the meeting and who decided; the handout and the audit log both name it.
 */
@QuarkusTest
class SharingBasisTest {

    private static final String AREA = "40102-takasu";
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Tokyo"));

    private static long id(Object n) {
        return ((Number) n).longValue();
    }

    /** {recipient, assignment}: a resident (with or without consent) whose request went to a new supporter. */
    private static long[] handoutFor(boolean consent) {
        long r = id(Api.as("coordinator").body(Map.of("name", "共有 " + UUID.randomUUID().toString().substring(0, 4), "kana", "きょうゆう",
                "areaCode", AREA, "referredBy", "CARE_MANAGER", "consent", consent, "contact", "093-555-0101", "householdNotes", "二階に住む"))
                .post("/api/v1/recipients").then().statusCode(201).extract().path("id"));
        long s = id(Api.as("coordinator").body(Map.of("name", "共有 担い手", "kana", "きょうゆう にないて", "areaCode", AREA,
                "categoryCodes", List.of("REPAIRS"), "capacity", 2, "hasVehicle", false,
                "availability", List.of(Map.of("dayOfWeek", 3, "start", "08:00", "end", "18:00")))).post("/api/v1/supporters")
                .then().statusCode(201).extract().path("id"));
        long q = id(Api.as("coordinator").body(Map.of("recipientId", r, "categoryCode", "REPAIRS", "weeklyDay", 3, "start", "10:00", "end", "11:00",
                "payment", "EITHER")).post("/api/v1/support-requests").then().statusCode(201).extract().path("id"));
        long a = id(Api.as("coordinator").body(Map.of("supporterId", s)).post("/api/v1/support-requests/" + q + "/assignments")
                .then().statusCode(201).extract().path("id"));
        return new long[]{r, a};
    }

    @Test
    void withoutConsentTheContactIsSharedOnlyAfterASupportMeetingDecided() {
        long[] ra = handoutFor(false);
        Api.as("coordinator").get("/api/v1/assignments/" + ra[1] + "/handout").then().statusCode(200)
                .body("contact", nullValue()).body("householdNotes", nullValue()).body("sharingBasis", equalTo("NONE"));

        Api.as("coordinator").body(Map.of("meetingDate", TODAY.plusDays(3).toString(), "meetingName", "高須校区 支援会議", "decidedBy", "支援会議"))
                .post("/api/v1/recipients/" + ra[0] + "/sharing-decisions").then().statusCode(422).body("errors[0].field", equalTo("meetingDate"));
        Api.as("coordinator").body(Map.of("meetingDate", TODAY.toString(), "meetingName", " ", "decidedBy", "支援会議"))
                .post("/api/v1/recipients/" + ra[0] + "/sharing-decisions").then().statusCode(400);
        Api.as("coordinator2").body(Map.of("meetingDate", TODAY.toString(), "meetingName", "若園", "decidedBy", "支援会議"))
                .post("/api/v1/recipients/" + ra[0] + "/sharing-decisions").then().statusCode(404);
        Api.as("coordinator").get("/api/v1/assignments/" + ra[1] + "/handout").then().body("sharingBasis", equalTo("NONE"));

        Api.as("coordinator").body(Map.of("meetingDate", TODAY.minusDays(2).toString(), "meetingName", "高須校区 支援会議",
                        "decidedBy", "支援会議（議長 地域包括支援センター長）", "note", "見守りのため共有"))
                .post("/api/v1/recipients/" + ra[0] + "/sharing-decisions").then().statusCode(201)
                .body("recordedBy", equalTo("coordinator")).body("meetingName", equalTo("高須校区 支援会議"));
        Api.as("coordinator").get("/api/v1/recipients/" + ra[0] + "/sharing-decisions").then().statusCode(200).body("$", hasSize(1));
        Api.as("coordinator").header("X-Forwarded-For", "198.51.100.201").get("/api/v1/assignments/" + ra[1] + "/handout").then().statusCode(200)
                .body("contact", equalTo("093-555-0101")).body("householdNotes", equalTo("二階に住む"))
                .body("sharingBasis", equalTo("SUPPORT_MEETING"))
                .body("sharingGrounds", containsString("高須校区 支援会議"))
                .body("sharingGrounds", containsString("議長 地域包括支援センター長"))
                .body("note", containsString("第106条の6"));
        Api.as("admin").get("/api/v1/audit-log?entity=RECIPIENT&actor=coordinator&limit=50").then().statusCode(200)
                .body("items.findAll { it.ip == '198.51.100.201' }.detail", hasItem(containsString("連絡先あり: 支援会議（社会福祉法第106条の6）")));
    }

    @Test
    void withConsentTheHandoutSaysSo() {
        long[] ra = handoutFor(true);
        Api.as("coordinator").get("/api/v1/assignments/" + ra[1] + "/handout").then().statusCode(200)
                .body("contact", equalTo("093-555-0101")).body("sharingBasis", equalTo("CONSENT")).body("sharingGrounds", equalTo("ご本人の同意"));
    }
}
