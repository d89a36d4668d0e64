package jp.tsunagu.shared;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class JapaneseTextTest {

    @Test
    void readsFiscalYearsInEveryEraForm() {
        assertEquals(2022, FiscalYears.parse("令和4年度"));
        assertEquals(2022, FiscalYears.parse("R4年度"));
        assertEquals(2019, FiscalYears.parse("令和元年度"));
        assertEquals(2018, FiscalYears.parse("平成30年度"));
        assertEquals(2018, FiscalYears.parse("H30"));
        assertEquals(2022, FiscalYears.parse("2022年度"));
        assertEquals(2031, FiscalYears.parse("令和１３年度"));
        assertEquals(-1, FiscalYears.parse("来年度"));
    }

    @Test
    void writesFiscalYearsAsTheUiShowsThem() {
        assertEquals("令和4年度", FiscalYears.format(2022));
        assertEquals("令和元年度", FiscalYears.format(2019));
        assertEquals("平成30年度", FiscalYears.format(2018));
        for (int y = 1990; y < 2100; y++) {
            assertEquals(y, FiscalYears.parse(FiscalYears.format(y)), "round trip of " + y);
        }
    }

    @Test
    void readsNumbersWithFullWidthDigitsCommasAndUnits() {
        assertEquals(Optional.of(new BigDecimal("1305")), JapaneseNumbers.parse("１，３０５回").map(BigDecimal::stripTrailingZeros).map(b -> b.setScale(0)));
        assertEquals(new BigDecimal("74"), JapaneseNumbers.parse("74校(地)区").orElseThrow());
        assertEquals(new BigDecimal("29.20"), JapaneseNumbers.parse("29.20%").orElseThrow());
        assertEquals(new BigDecimal("663"), JapaneseNumbers.parse("663回・人").orElseThrow());
        assertEquals(Optional.empty(), JapaneseNumbers.parse("現状維持"));
        assertEquals(Optional.empty(), JapaneseNumbers.parse("約100回"));
        assertEquals("1,305", JapaneseNumbers.format(new BigDecimal("1305.0000")));
        assertEquals("37.4", JapaneseNumbers.format(new BigDecimal("37.40")));
    }
}
