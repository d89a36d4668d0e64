package jp.tsunagu.survey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A survey instrument: its items and how each is answered. */
@Schema(description = "尺度。UCLA3 = UCLA 孤独感尺度（3項目・各1〜4点）")
public enum Instrument {
    UCLA3(List.of(
            "自分には人とのつきあいが無いと感じることがありますか",
            "自分は取り残されていると感じることがありますか",
            "自分は他の人たちから孤立していると感じることがありますか"),
            List.of("決してない", "ほとんどない", "時々ある", "常にある"));

    /** The items, in the order of the upload's q1, q2, q3 columns. */
    public final List<String> questions;
    /** The answers 1..4, in order. */
    public final List<String> answers;

    Instrument(List<String> questions, List<String> answers) {
        this.questions = questions;
        this.answers = answers;
    }
}
