package jp.tsunagu.evaluation;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** How a 今後の方向性 cell is read: the closed set from the city's words, a remark beside it, never a guess. */
class EvaluationDirectionTest {

    @Test
    void bracketedWordsAreMappedAndUnknownOnesReported() {
        assertEquals(new EvaluationDirection.Cell(EvaluationDirection.EXPAND, "対象を広げる", null), EvaluationDirection.parse("【拡大】対象を広げる"));
        assertEquals(new EvaluationDirection.Cell(EvaluationDirection.CONTINUE, null, null), EvaluationDirection.parse(" ［現状維持］ "));
        assertEquals(new EvaluationDirection.Cell(null, "来年度は見合わせる", "休止"), EvaluationDirection.parse("【休止】来年度は見合わせる"));
    }

    @Test
    void aWholeCellOrAWordBeforeAColonNamesItAndAnythingElseIsARemark() {
        assertEquals(EvaluationDirection.COMPLETE, EvaluationDirection.parse("終了").direction());
        assertEquals(new EvaluationDirection.Cell(EvaluationDirection.REVISE, "手法を改める", null), EvaluationDirection.parse("見直し：手法を改める"));
        String sentence = "利用者が年々減少傾向であるため、広報の充実・拡大により制度の周知を図る。";
        assertEquals(new EvaluationDirection.Cell(null, sentence, null), EvaluationDirection.parse(sentence));
        assertEquals(new EvaluationDirection.Cell(null, null, null), EvaluationDirection.parse("  "));
    }

    @Test
    void whatTheExportPrintsTheImportReadsBack() {
        for (EvaluationDirection d : EvaluationDirection.values()) {
            EvaluationDirection.Cell cell = EvaluationDirection.parse(EvaluationDirection.format(d, "課題がある"));
            assertEquals(d, cell.direction());
            assertEquals("課題がある", cell.remark());
            assertNull(cell.unknownWord());
        }
        assertEquals("課題だけ", EvaluationDirection.format(null, "課題だけ"));
    }
}
