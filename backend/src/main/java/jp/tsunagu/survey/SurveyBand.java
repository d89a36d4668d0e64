package jp.tsunagu.survey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The bands of the three-item UCLA loneliness scale (score 3–12), as 熊本市 and the national survey print them. */
@Schema(description = "UCLA 孤独感尺度（3項目）の得点帯: SCORE_3 = 3点（決してない）, SCORE_4_6 = 4〜6点（ほとんどない）, "
        + "SCORE_7_9 = 7〜9点（時々ある）, SCORE_10_12 = 10〜12点（常にある）, NO_ANSWER = 無回答")
public enum SurveyBand {
    SCORE_3("3点", "決してない"),
    SCORE_4_6("4〜6点", "ほとんどない"),
    SCORE_7_9("7〜9点", "時々ある"),
    SCORE_10_12("10〜12点", "常にある"),
    NO_ANSWER("無回答", null);

    private final String label;
    private final String answerLabel;

    SurveyBand(String label, String answerLabel) {
        this.label = label;
        this.answerLabel = answerLabel;
    }

    /** "7〜9点（時々ある）", "無回答". */
    public String label() {
        return answerLabel == null ? label : label + "（" + answerLabel + "）";
    }

    /** The band of a respondent: every item answered 1–4, else no answer. */
    static SurveyBand of(Integer[] answers) {
        int score = 0;
        for (Integer a : answers) {
            if (a == null) {
                return NO_ANSWER;
            }
            score += a;
        }
        if (score <= 3) {
            return SCORE_3;
        }
        return score <= 6 ? SCORE_4_6 : score <= 9 ? SCORE_7_9 : SCORE_10_12;
    }
}
