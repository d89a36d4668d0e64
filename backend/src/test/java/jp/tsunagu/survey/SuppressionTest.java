package jp.tsunagu.survey;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The suppression rule on small tables worked out by hand. */
class SuppressionTest {

    @Test
    void hidesCellsUnderTenAndOneMoreInTheirRowAndColumn() {
        long[][] counts = {
                {40, 30, 20, 3, 12},
                {50, 35, 25, 20, 15},
                {45, 33, 22, 18, 11}};
        Suppression.Result r = Suppression.of(counts);
        assertArrayEquals(new boolean[]{false, false, false}, r.groups());
        assertTrue(r.cells()[0][3]);
        // Row 0 would give the 3 away from its size: its next smallest cell (12) is hidden too.
        assertTrue(r.cells()[0][4]);
        // Column 3 would give it away from the survey's own count: its smallest other cell (18) is hidden.
        assertTrue(r.cells()[2][3]);
        // and column 4 likewise (11), which leaves row 2 with two hidden cells.
        assertTrue(r.cells()[2][4]);
        assertFalse(r.cells()[1][0]);
        assertFalse(r.cells()[1][3]);
    }

    @Test
    void aSmallGroupIsHiddenWithTheNextSmallest() {
        long[][] counts = {{100, 100, 100, 100, 100}, {60, 60, 60, 60, 60}, {2, 1, 0, 1, 0}};
        Suppression.Result r = Suppression.of(counts);
        assertArrayEquals(new boolean[]{false, true, true}, r.groups());
        for (boolean cell : r.cells()[0]) {
            assertFalse(cell);
        }
    }
}
