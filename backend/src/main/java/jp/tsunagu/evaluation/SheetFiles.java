package jp.tsunagu.evaluation;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes the sheet as XLSX (for printing), CSV or TSV (quoted where a cell holds a separator or a line break). */
final class SheetFiles {

    /** Column widths in characters of Japanese text (a full-width character is two units). */
    private static final int[] WIDTHS = {14, 14, 5, 16, 36, 40, 40, 36};

    private SheetFiles() {
    }

    /** Title, blank line, header, rows: the layout the cities' own files have. */
    static List<List<String>> table(EvaluationSheet sheet) {
        List<List<String>> table = new ArrayList<>();
        table.add(List.of(sheet.title));
        table.add(List.of());
        table.add(sheet.header());
        sheet.rows.forEach(r -> table.add(r.cells()));
        table.addAll(sheet.footer);
        return table;
    }

    static byte[] delimited(EvaluationSheet sheet, char separator, boolean bom) {
        StringBuilder out = new StringBuilder();
        if (bom) {
            out.append('\uFEFF');
        }
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setDelimiter(separator).get())) {
            for (List<String> row : table(sheet)) {
                printer.printRecord(row);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static byte[] xlsx(EvaluationSheet sheet) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet s = wb.createSheet("事業調書");
            Font bold = wb.createFont();
            bold.setBold(true);
            bold.setFontName("游ゴシック");
            Font plain = wb.createFont();
            plain.setFontName("游ゴシック");
            plain.setFontHeightInPoints((short) 9);
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);

            CellStyle body = wb.createCellStyle();
            body.setWrapText(true);
            body.setVerticalAlignment(VerticalAlignment.TOP);
            body.setFont(plain);
            border(body);
            CellStyle header = wb.createCellStyle();
            header.cloneStyleFrom(body);
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setVerticalAlignment(VerticalAlignment.CENTER);
            CellStyle group = wb.createCellStyle();
            group.cloneStyleFrom(body);
            group.setFont(bold);
            group.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
            group.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            CellStyle title = wb.createCellStyle();
            title.setFont(titleFont);

            List<List<String>> table = table(sheet);
            int width = EvaluationSheet.COLUMNS + sheet.actors.size();
            for (int r = 0; r < table.size(); r++) {
                Row row = s.createRow(r);
                List<String> cells = table.get(r);
                boolean inFooter = r >= 3 + sheet.rows.size();
                boolean isLegend = r > 2 && !inFooter && sheet.rows.get(r - 3).isLegend();
                boolean isGroup = r > 2 && !inFooter && !isLegend && !sheet.rows.get(r - 3).isMeasure();
                for (int c = 0; c < (r < 2 || inFooter ? cells.size() : width); c++) {
                    Cell cell = row.createCell(c);
                    String value = c < cells.size() && cells.get(c) != null ? cells.get(c) : "";
                    cell.setCellValue(value);
                    boolean heading = inFooter && cells.size() == 1;
                    cell.setCellStyle(r == 0 || heading ? title : r == 2 ? header : isGroup ? group : body);
                }
                if (isGroup) {
                    int from = sheet.rows.get(r - 3).goal().isEmpty() ? 1 : 0;
                    s.addMergedRegion(new CellRangeAddress(r, r, from, width - 1));
                }
            }
            for (int c = 0; c < width; c++) {
                s.setColumnWidth(c, (c < WIDTHS.length ? WIDTHS[c] : 4) * 2 * 256);
            }
            s.getRow(2).setHeightInPoints(42);
            s.createFreezePane(0, 3);
            s.setRepeatingRows(CellRangeAddress.valueOf("3:3"));
            PrintSetup print = s.getPrintSetup();
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            print.setLandscape(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            s.setFitToPage(true);
            s.setAutobreaks(true);
            s.getHeader().setCenter(sheet.title + "（" + jp.tsunagu.shared.FiscalYears.format(sheet.fiscalYear) + "）");
            s.getFooter().setCenter("&P / &N");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void border(CellStyle style) {
        style.setBorderTop(BorderStyle.THIN);
        style.setBorderBottom(BorderStyle.THIN);
        style.setBorderLeft(BorderStyle.THIN);
        style.setBorderRight(BorderStyle.THIN);
    }
}
