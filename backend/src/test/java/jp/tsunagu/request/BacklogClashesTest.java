package jp.tsunagu.request;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Which requests of a backlog one supporter cannot both take: the same day and hours that intersect. */
class BacklogClashesTest {

    private static SupportRequest request(long id, LocalDate date, Integer weekday, int from, int to) {
        SupportRequest r = new SupportRequest();
        r.id = id;
        r.requestedDate = date;
        r.weeklyDay = weekday == null ? null : weekday.shortValue();
        r.startTime = LocalTime.of(from, 0);
        r.endTime = LocalTime.of(to, 0);
        return r;
    }

    @Test
    void theSameDayAndIntersectingHoursClashWhereverTheDayComesFrom() {
        LocalDate monday = LocalDate.of(2026, 12, 7);
        SupportRequest shopping = request(1, monday, null, 10, 12);
        SupportRequest weeklyMonday = request(2, null, 1, 11, 13);
        SupportRequest tuesday = request(3, monday.plusDays(1), null, 10, 12);
        SupportRequest afterShopping = request(4, monday, null, 12, 13);
        SupportRequest weeklyTuesday = request(5, null, 2, 9, 11);
        Set<BacklogOptimiser.Clash> clashes = BacklogService.clashes(List.of(shopping, weeklyMonday, tuesday, afterShopping, weeklyTuesday));
        assertEquals(Set.of(
                BacklogOptimiser.Clash.of(1, 2),   // a weekly Monday falls on that Monday
                BacklogOptimiser.Clash.of(2, 4),   // 11–13 and 12–13
                BacklogOptimiser.Clash.of(3, 5)),  // a Tuesday's 10–12 and every Tuesday's 9–11
                clashes, "10–12 and 12–13 only touch; other days never clash");
    }
}
