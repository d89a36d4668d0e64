package jp.tsunagu.shared;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Reads an uploaded sheet (XLSX, or CSV / TSV in UTF-8 or Shift_JIS) into rows of cells. */
public final class UploadedTable {

    private UploadedTable() {
    }

    public static List<List<String>> read(byte[] body, String contentType, String fileName) {
        if (body.length == 0) {
            throw ProblemException.invalid("file", "ファイルが空です");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        boolean zip = body.length > 4 && body[0] == 'P' && body[1] == 'K';
        if (zip || type.contains("spreadsheetml") || name.endsWith(".xlsx")) {
            return xlsx(body);
        }
        String text = DelimitedText.decode(body);
        char separator = type.contains("tab-separated") || name.endsWith(".tsv") || name.endsWith(".txt") ? '\t'
                : type.contains("csv") || name.endsWith(".csv") ? ',' : guessSeparator(text);
        return checked(DelimitedText.rows(text, separator));
    }

    /** No cell may hold what a person does not type (NUL, control characters, broken characters): 400 naming it. */
    private static List<List<String>> checked(List<List<String>> rows) {
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < rows.get(r).size(); c++) {
                int line = r + 1;
                int column = c + 1;
                HostileText.inText(rows.get(r).get(c)).ifPresent(why -> {
                    throw ProblemException.invalid("file", line + " 行目 " + column + " 列: " + why);
                });
            }
        }
        return rows;
    }

    private static char guessSeparator(String text) {
        String first = text.lines().filter(l -> l.contains("目標")).findFirst().orElse(text.lines().findFirst().orElse(""));
        return first.chars().filter(c -> c == '\t').count() >= first.chars().filter(c -> c == ',').count() ? '\t' : ',';
    }

    private static List<List<String>> xlsx(byte[] body) {
        try (Workbook wb = WorkbookFactory.create(new ByteArrayInputStream(body))) {
            Sheet sheet = wb.getSheetAt(0);
            DataFormatter format = new DataFormatter(java.util.Locale.JAPAN);
            List<List<String>> rows = new ArrayList<>();
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                List<String> cells = new ArrayList<>();
                if (row != null) {
                    for (int c = 0; c < Math.max(0, row.getLastCellNum()); c++) {
                        Cell cell = row.getCell(c);
                        cells.add(cell == null ? "" : format.formatCellValue(cell));
                    }
                }
                rows.add(cells);
            }
            return checked(rows);
        } catch (ProblemException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "XLSX として読めません（" + e.getClass().getSimpleName() + "）");
        }
    }
}
