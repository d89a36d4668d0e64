package jp.tsunagu.evaluation;

import jp.tsunagu.shared.ProblemException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads an uploaded sheet (XLSX, or CSV / TSV in UTF-8 or Shift_JIS) into rows of cells. */
final class SheetReader {

    private static final Charset SHIFT_JIS = Charset.forName("windows-31j");

    private SheetReader() {
    }

    static List<List<String>> read(byte[] body, String contentType, String fileName) {
        if (body.length == 0) {
            throw ProblemException.invalid("file", "ファイルが空です");
        }
        String type = contentType == null ? "" : contentType.toLowerCase(java.util.Locale.ROOT);
        String name = fileName == null ? "" : fileName.toLowerCase(java.util.Locale.ROOT);
        boolean zip = body.length > 4 && body[0] == 'P' && body[1] == 'K';
        if (zip || type.contains("spreadsheetml") || name.endsWith(".xlsx")) {
            return xlsx(body);
        }
        String text = decode(body);
        char separator = type.contains("tab-separated") || name.endsWith(".tsv") || name.endsWith(".txt") ? '\t'
                : type.contains("csv") || name.endsWith(".csv") ? ',' : guessSeparator(text);
        return delimited(text, separator);
    }

    /** UTF-8 (with or without BOM) when the bytes are valid UTF-8, otherwise Shift_JIS (Windows-31J). */
    static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            try {
                return SHIFT_JIS.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
            } catch (CharacterCodingException e2) {
                throw ProblemException.invalid("file", "文字コードを判別できません（UTF-8 または Shift_JIS で保存してください）");
            }
        }
    }

    private static char guessSeparator(String text) {
        String first = text.lines().filter(l -> l.contains("目標")).findFirst().orElse(text.lines().findFirst().orElse(""));
        return first.chars().filter(c -> c == '\t').count() >= first.chars().filter(c -> c == ',').count() ? '\t' : ',';
    }

    /** RFC 4180 quoting for either separator: quoted cells may hold separators, quotes and line breaks. */
    static List<List<String>> delimited(String text, char separator) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean cellStarted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && !cellStarted) {
                quoted = true;
                cellStarted = true;
            } else if (c == separator) {
                row.add(cell.toString());
                cell.setLength(0);
                cellStarted = false;
            } else if (c == '\r' || c == '\n') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(cell.toString());
                rows.add(row);
                row = new ArrayList<>();
                cell.setLength(0);
                cellStarted = false;
            } else {
                cell.append(c);
                cellStarted = true;
            }
        }
        if (cellStarted || !row.isEmpty() || cell.length() > 0) {
            row.add(cell.toString());
            rows.add(row);
        }
        if (quoted) {
            throw ProblemException.invalid("file", (rows.size() + 1) + " 行目: 引用符（\"）が閉じられていません");
        }
        return rows;
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
            return rows;
        } catch (IOException | RuntimeException e) {
            throw ProblemException.invalid("file", "XLSX として読めません（" + e.getClass().getSimpleName() + "）");
        }
    }
}
