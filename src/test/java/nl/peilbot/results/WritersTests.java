package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The CSV and XLSX writers on awkward values, read back by an independent reader (our CSV parser, Apache POI). */
class WritersTests {

    private static final Sheet AWKWARD = new Sheet("Vraag: 1/2 [alles]*?", List.of("tekst", "getal"), List.of(
            Arrays.asList("Zegt \"ja\", of nee", 7),
            Arrays.asList("regel één\r\nregel twee", null),
            Arrays.asList("<b>&amp;</b>\u0001", -1)));

    @Nested
    class Csv {

        @Test
        void shouldQuoteTextsAndFlattenLineBreaks() {
            byte[] bytes = ExportController.csv(AWKWARD);
            List<List<String>> rows = nl.peilbot.results.Csv.parse(bytes);

            assertThat(new String(bytes, StandardCharsets.UTF_8)).startsWith("\uFEFFtekst,getal\r\n");
            assertThat(rows.get(1)).containsExactly("Zegt \"ja\", of nee", "7");
            assertThat(rows.get(2)).containsExactly("regel één regel twee", "");
            assertThat(rows).hasSize(4);
        }

        @Test
        void shouldShowAnAnswerThatLooksLikeAFormulaAsText() {
            Sheet answers = new Sheet("x", List.of("policyTopics"), List.of(List.of("=HYPERLINK(\"http://x\")"), List.of("\t@SUM(A1)")));

            List<List<String>> rows = nl.peilbot.results.Csv.parse(ExportController.csv(answers));

            assertThat(rows.get(1)).containsExactly("'=HYPERLINK(\"http://x\")");
            assertThat(rows.get(2)).containsExactly("'\t@SUM(A1)");
        }
    }

    @Nested
    class Xlsx {

        @Test
        void shouldWriteNumbersAsNumbersAndTextsAsTheyAre() throws Exception {
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(XlsxWriter.write(List.of(AWKWARD))))) {
                var sheet = workbook.getSheetAt(0);

                assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Zegt \"ja\", of nee");
                assertThat(sheet.getRow(1).getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo(7.0);
                assertThat(sheet.getRow(2).getCell(0).getStringCellValue()).isEqualTo("regel één\nregel twee");
                assertThat(sheet.getRow(2).getCell(1)).isNull();
                assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("<b>&amp;</b>");
                assertThat(workbook.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            }
        }

        @Test
        void shouldGiveSheetsValidUniqueNames() throws Exception {
            List<Sheet> sheets = new ArrayList<>(List.of(AWKWARD, AWKWARD,
                    new Sheet("a very long name of more than thirty-one characters", List.of("x"), List.of())));

            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(XlsxWriter.write(sheets)))) {
                assertThat(workbook.getSheetName(0)).isEqualTo("Vraag  1 2  alles");
                assertThat(workbook.getSheetName(1)).isEqualTo("Vraag  1 2  alles 2");
                assertThat(workbook.getSheetName(2)).hasSize(31);
            }
        }

        @Test
        void shouldNameColumnsBeyondZ() {
            assertThat(List.of(XlsxWriter.column(0), XlsxWriter.column(25), XlsxWriter.column(26), XlsxWriter.column(701),
                    XlsxWriter.column(702))).containsExactly("A", "Z", "AA", "ZZ", "AAA");
        }
    }
}
