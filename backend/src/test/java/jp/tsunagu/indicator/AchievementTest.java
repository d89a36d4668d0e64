package jp.tsunagu.indicator;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static jp.tsunagu.indicator.ValueKind.ACTUAL;
import static jp.tsunagu.indicator.ValueKind.BASELINE;
import static jp.tsunagu.indicator.ValueKind.TARGET;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class AchievementTest {

    private static Achievement.Point v(int year, ValueKind kind, String value) {
        return new Achievement.Point(year, kind, new BigDecimal(value), null);
    }

    private static Achievement.Point m(int year, ValueKind kind, Marker marker) {
        return new Achievement.Point(year, kind, null, marker);
    }

    private static Achievement.Row row(List<Achievement.Row> rows, int year) {
        return rows.stream().filter(r -> r.fiscalYear() == year).findFirst().orElseThrow();
    }

    @Test
    void increaseIsActualOverTarget() {
        var rows = Achievement.rows(Direction.INCREASE, Achievement.Thresholds.DEFAULT,
                List.of(v(2021, TARGET, "500"), v(2021, ACTUAL, "663"), v(2022, TARGET, "650"), v(2022, ACTUAL, "697")));
        assertEquals(new BigDecimal("132.6"), row(rows, 2021).achievementRate());
        assertEquals(Grade.A, row(rows, 2021).grade());
        assertEquals(new BigDecimal("107.2"), row(rows, 2022).achievementRate());
        assertEquals(new BigDecimal("34"), row(rows, 2022).changeFromPrevious());
    }

    @Test
    void decreaseIsProgressFromTheBaseline() {
        // 孤独感の程度が高い市民の割合: baseline 37.4 (FY2023); an invented target 30 and actual 33.7 → 50 %.
        var rows = Achievement.rows(Direction.DECREASE, Achievement.Thresholds.DEFAULT,
                List.of(v(2023, BASELINE, "37.4"), v(2027, TARGET, "30"), v(2025, ACTUAL, "33.7")));
        assertEquals(new BigDecimal("50.0"), row(rows, 2025).achievementRate());
        assertEquals(Grade.C, row(rows, 2025).grade());
        assertEquals(2027, row(rows, 2025).referenceYear());
    }

    @Test
    void decreaseWithoutBaselineIsTargetOverActual() {
        var rows = Achievement.rows(Direction.DECREASE, Achievement.Thresholds.DEFAULT,
                List.of(v(2022, TARGET, "40"), v(2022, ACTUAL, "50")));
        assertEquals(new BigDecimal("80.0"), row(rows, 2022).achievementRate());
        assertEquals(Grade.B, row(rows, 2022).grade());
    }

    @Test
    void maintainBaselineResolvesToTheBaselineAndIsMetAtOrAboveIt() {
        // 地域会合等への参加: baseline FY2019 1,530; target FY2023 現状維持; actuals FY2021 835, FY2022 1,305.
        var rows = Achievement.rows(Direction.MAINTAIN, Achievement.Thresholds.DEFAULT,
                List.of(v(2019, BASELINE, "1530"), m(2023, TARGET, Marker.MAINTAIN_BASELINE),
                        v(2021, ACTUAL, "835"), v(2022, ACTUAL, "1305")));
        assertEquals(new BigDecimal("1530"), row(rows, 2023).targetInForce());
        assertEquals(new BigDecimal("85.3"), row(rows, 2022).achievementRate());
        assertEquals(Grade.B, row(rows, 2022).grade());
        assertEquals(Grade.C, row(rows, 2021).grade());
        assertEquals(new BigDecimal("470"), row(rows, 2022).changeFromPrevious());
        // The trend 835 → 1,305 (+470/yr) reaches 1,530 by FY2023.
        assertEquals(Boolean.TRUE, row(rows, 2023).onTrack());
    }

    @Test
    void maintainPreviousResolvesToLastYearsActual() {
        var rows = Achievement.rows(Direction.MAINTAIN, Achievement.Thresholds.DEFAULT,
                List.of(v(2021, ACTUAL, "40"), m(2022, TARGET, Marker.MAINTAIN_PREVIOUS), v(2022, ACTUAL, "41")));
        assertEquals(new BigDecimal("40"), row(rows, 2022).targetInForce());
        assertEquals(Grade.A, row(rows, 2022).grade());
    }

    @Test
    void notApplicableIsNeitherZeroNorAGrade() {
        var rows = Achievement.rows(Direction.INCREASE, Achievement.Thresholds.DEFAULT,
                List.of(m(2021, TARGET, Marker.NOT_APPLICABLE), m(2021, ACTUAL, Marker.NOT_APPLICABLE), v(2024, TARGET, "1")));
        Achievement.Row r = row(rows, 2021);
        assertNull(r.targetInForce());
        assertNull(r.actual());
        assertEquals(Marker.NOT_APPLICABLE, r.actualMarker());
        assertNull(r.grade());
        assertNull(r.achievementRate());
    }

    @Test
    void thresholdsArePerPlan() {
        var strict = new Achievement.Thresholds(new BigDecimal("100"), new BigDecimal("90"), new BigDecimal("70"));
        var rows = Achievement.rows(Direction.INCREASE, strict, List.of(v(2022, TARGET, "100"), v(2022, ACTUAL, "85")));
        assertEquals(Grade.C, row(rows, 2022).grade());
    }

    @Test
    void decliningTrendDoesNotReachAnIncreaseTarget() {
        var rows = Achievement.rows(Direction.INCREASE, Achievement.Thresholds.DEFAULT,
                List.of(v(2021, ACTUAL, "122"), v(2022, ACTUAL, "83"), v(2023, TARGET, "120")));
        assertEquals(Boolean.FALSE, row(rows, 2023).onTrack());
        assertEquals(new BigDecimal("44.00"), row(rows, 2023).projected());
    }
}
