package jp.tsunagu.evaluation;

import io.quarkus.test.junit.QuarkusTest;
import jp.tsunagu.testing.Api;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class EvaluationSheetExportTest {

    private static Row find(XSSFSheet sheet, int column, String text) {
        for (Row row : sheet) {
            if (row.getCell(column) != null && text.equals(row.getCell(column).getStringCellValue())) {
                return row;
            }
        }
        throw new AssertionError("no row with " + text);
    }

    @Test
    void xlsxHasTheCitysLayoutAndIsMadeForPrinting() throws Exception {
        byte[] body = Api.as("viewer").get("/api/v1/plans/kitakyushu-ikiiki2/evaluation-sheet?fiscalYear=2022&format=xlsx")
                .then().statusCode(200)
                .contentType(startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .header("Content-Disposition", containsString("kitakyushu-ikiiki2-evaluation-2022.xlsx"))
                .extract().asByteArray();
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(body))) {
            XSSFSheet s = wb.getSheetAt(0);
            assertEquals("第2次北九州市いきいき長寿プラン 事業調書", s.getRow(0).getCell(0).getStringCellValue());
            Row header = s.getRow(2);
            assertEquals("目標", header.getCell(0).getStringCellValue());
            assertEquals("取組結果 (令和4年度)", header.getCell(6).getStringCellValue());
            assertEquals("今後の方向性(令和5年度以降)・課題など", header.getCell(7).getStringCellValue());
            assertEquals("②高齢者と家族、地域がつながり、支え合うまち", s.getRow(3).getCell(0).getStringCellValue());
            assertEquals("1 見守り合い・支え合いの地域づくり", s.getRow(4).getCell(1).getStringCellValue());
            Row m62 = find(s, 2, "62");
            assertEquals("住民主体による居場所づくり", m62.getCell(3).getStringCellValue());
            String indicator = m62.getCell(5).getStringCellValue();
            assertTrue(indicator.startsWith("サロン助成団体数（校（地）区社協、NPO団体等）\n・月4回以上 70箇所\n・月2回以上 120箇所\n・月1回以上 320箇所\n"), indicator);
            assertTrue(m62.getCell(6).getStringCellValue().contains("・月4回以上 122箇所"));
            Row m63 = find(s, 2, "63");
            assertTrue(m63.getCell(5).getStringCellValue().contains("令和元年度：1,530回 → 令和5年度：現状維持"), m63.getCell(5).getStringCellValue());
            Row m60 = find(s, 2, "60");
            assertTrue(m60.getCell(5).getStringCellValue().startsWith("未設定\n安心安全を確保するための事業であり"), m60.getCell(5).getStringCellValue());
            assertEquals(10, countMeasures(s));

            assertTrue(s.getPrintSetup().getLandscape());
            assertEquals(PrintSetup.A4_PAPERSIZE, s.getPrintSetup().getPaperSize());
            assertEquals("3:3", s.getRepeatingRows().formatAsString().replaceAll("[^:0-9]", ""));
            assertTrue(m62.getCell(4).getCellStyle().getWrapText());
            assertTrue(s.getColumnWidth(4) > s.getColumnWidth(2) * 4, "the summary column is wide enough for Japanese text");
            assertTrue(s.getHeader().getCenter().contains("令和4年度"));
        }
    }

    private static int countMeasures(XSSFSheet s) {
        int n = 0;
        for (Row row : s) {
            if (row.getRowNum() > 2 && row.getCell(2) != null && !row.getCell(2).getStringCellValue().isEmpty()) {
                n++;
            }
        }
        return n;
    }

    @Test
    void csvAndTsvCarryTheSameRows() {
        byte[] csv = Api.as("viewer").get("/api/v1/plans/kitakyushu-ikiiki2/evaluation-sheet?fiscalYear=2022&format=csv")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asByteArray();
        assertEquals((byte) 0xEF, csv[0]);
        String text = new String(csv, StandardCharsets.UTF_8);
        assertTrue(text.contains("目標,施策の方向性,No.,取組名,概要"));
        String tsv = Api.as("viewer").get("/api/v1/plans/kitakyushu-ikiiki2/evaluation-sheet?fiscalYear=2022&format=tsv")
                .then().statusCode(200).contentType(startsWith("text/tab-separated-values")).extract().asString();
        assertTrue(tsv.startsWith("第2次北九州市いきいき長寿プラン 事業調書\r\n\r\n目標\t施策の方向性\tNo.\t"), tsv.substring(0, 80));
        assertTrue(tsv.contains("\t\t60\t生活援助員の派遣\t"));
        Api.as("viewer").get("/api/v1/plans/kitakyushu-ikiiki2/evaluation-sheet?fiscalYear=2022&format=pdf").then().statusCode(400);
        Api.as("viewer").get("/api/v1/plans/kitakyushu-ikiiki2/evaluation-sheet").then().statusCode(400);
        Api.as("viewer").get("/api/v1/plans/nope/evaluation-sheet?fiscalYear=2022").then().statusCode(404);
    }
}
