package jp.tsunagu.survey;

/**
 * Small-cell suppression for a breakdown table (groups × bands). A group with fewer than
 * {@link #MINIMUM} respondents is hidden whole, and so is any band cell below the minimum. Then
 * complementary cells are hidden until no hidden cell can be worked out by subtraction: group sizes and
 * the survey's own distribution are public, so a group or a row or column with a single hidden cell
 * would give it away.
 */
final class Suppression {

    static final int MINIMUM = 10;

    private Suppression() {
    }

    /** Which groups are hidden whole, and which cells are hidden. */
    record Result(boolean[] groups, boolean[][] cells) {
    }

    static Result of(long[][] counts) {
        int rows = counts.length;
        int columns = rows == 0 ? 0 : counts[0].length;
        long[] sizes = new long[rows];
        boolean[] groups = new boolean[rows];
        int hiddenGroups = 0;
        for (int r = 0; r < rows; r++) {
            for (long c : counts[r]) {
                sizes[r] += c;
            }
            groups[r] = sizes[r] < MINIMUM;
            hiddenGroups += groups[r] ? 1 : 0;
        }
        if (hiddenGroups == 1) {
            int smallest = -1;
            for (int r = 0; r < rows; r++) {
                if (!groups[r] && (smallest < 0 || sizes[r] < sizes[smallest])) {
                    smallest = r;
                }
            }
            if (smallest >= 0) {
                groups[smallest] = true;
            }
        }
        boolean[][] cells = new boolean[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = groups[r] || counts[r][c] < MINIMUM;
            }
        }
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int r = 0; r < rows; r++) {
                if (!groups[r] && hiddenIn(cells, r, -1) == 1) {
                    changed |= hideSmallest(counts, cells, r, -1);
                }
            }
            for (int c = 0; c < columns; c++) {
                if (hiddenIn(cells, -1, c) == 1) {
                    changed |= hideSmallest(counts, cells, -1, c);
                }
            }
        }
        return new Result(groups, cells);
    }

    /** Hidden cells in row r (column = -1) or in column c (row = -1). */
    private static int hiddenIn(boolean[][] cells, int row, int column) {
        int n = 0;
        int length = row >= 0 ? cells[row].length : cells.length;
        for (int i = 0; i < length; i++) {
            n += (row >= 0 ? cells[row][i] : cells[i][column]) ? 1 : 0;
        }
        return n;
    }

    private static boolean hideSmallest(long[][] counts, boolean[][] cells, int row, int column) {
        int length = row >= 0 ? cells[row].length : cells.length;
        int best = -1;
        for (int i = 0; i < length; i++) {
            boolean hidden = row >= 0 ? cells[row][i] : cells[i][column];
            long value = row >= 0 ? counts[row][i] : counts[i][column];
            long bestValue = best < 0 ? Long.MAX_VALUE : row >= 0 ? counts[row][best] : counts[best][column];
            if (!hidden && value < bestValue) {
                best = i;
            }
        }
        if (best < 0) {
            return false;
        }
        if (row >= 0) {
            cells[row][best] = true;
        } else {
            cells[best][column] = true;
        }
        return true;
    }
}
