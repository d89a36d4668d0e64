package jp.tsunagu.indicator;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class ValueSourceTest {

    @Test
    void aTypedValueHasNoSource() {
        assertNull(ValueSource.of(null));
    }

    @Test
    void aSurveyKeyNamesTheSurvey() {
        assertEquals(new ValueSource(ValueSource.Kind.SURVEY, new ValueSource.Survey("kumamoto-r6"), null, "survey:kumamoto-r6"),
                ValueSource.of("survey:kumamoto-r6"));
    }

    @Test
    void aSupportStatisticsKeyNamesTheAreaTheStatisticAndTheCategoryOfAShare() {
        assertEquals(new ValueSource(ValueSource.Kind.SUPPORT_STATS, null,
                new ValueSource.SupportStats("40102-takasu", "CONSULTATIONS", null), "support-stats:40102-takasu:CONSULTATIONS"), ValueSource.of("support-stats:40102-takasu:CONSULTATIONS"));
        assertEquals(new ValueSource(ValueSource.Kind.SUPPORT_STATS, null,
                new ValueSource.SupportStats("40100", "CATEGORY_SHARE", "GARBAGE"), "support-stats:40100:CATEGORY_SHARE:GARBAGE"), ValueSource.of("support-stats:40100:CATEGORY_SHARE:GARBAGE"));
    }

    @Test
    void aKeyOfAnUnknownWriterIsStillASourceThoughNotDescribed() {
        assertEquals(ValueSource.Kind.OTHER, ValueSource.of("pushed:x").kind());
        assertEquals(ValueSource.Kind.OTHER, ValueSource.of("survey:").kind());
    }
}
