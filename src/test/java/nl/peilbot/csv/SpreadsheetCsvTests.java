package nl.peilbot.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading spreadsheets' CSV and writing CSV no spreadsheet evaluates. */
class SpreadsheetCsvTests {

    @Nested
    class Writing {

        @ParameterizedTest
        @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"klik\")", "+cmd|' /C calc'!A0", "@SUM(A1:A9)", "-2+3",
                "\t=1+1", "\r=1+1", " =1+1", "\u0000=1", "\u00a0@x", "\uff1d1+1"})
        void shouldShowEveryFormulaAsText(String formula) {
            String cell = onlyCell(SpreadsheetCsv.write(List.of(List.of(formula))));

            assertThat(cell).startsWith("'");
            assertThat(cell.substring(1)).isEqualTo(formula.replace("\r", " "));
        }

        @Test
        void shouldLeaveNumbersAndPlainTextsAlone() {
            String csv = SpreadsheetCsv.write(List.of(Arrays.asList(-2, 3.5, null, "Bekend", "a-b", "e@mail.nl")));

            assertThat(csv).isEqualTo(SpreadsheetCsv.BOM + "-2,3.5,,Bekend,a-b,e@mail.nl\r\n");
        }

        @Test
        void shouldQuoteSeparatorsAndQuotesAndFlattenLineBreaks() {
            String csv = SpreadsheetCsv.write(List.of(List.of("a,b", "say \"hi\"", "twee\r\nregels\nhier")));

            assertThat(csv).isEqualTo(SpreadsheetCsv.BOM + "\"a,b\",\"say \"\"hi\"\"\",twee regels hier\r\n");
        }

        @Test
        void shouldReadBackWhatItWrote() {
            List<String> row = List.of("A; B", "Jan \"JJ\" Jansen", "x,y");

            assertThat(SpreadsheetCsv.read(SpreadsheetCsv.write(List.of(List.of("h1", "h2", "h3"), row))).get(1).fields())
                    .isEqualTo(row);
        }

        private static String onlyCell(String csv) {
            List<SpreadsheetCsv.Line> lines = SpreadsheetCsv.read(csv);
            assertThat(lines).hasSize(1);
            assertThat(lines.get(0).fields()).hasSize(1);
            return lines.get(0).fields().get(0);
        }
    }

    @Nested
    class Reading {

        @Test
        void shouldReadQuotedFieldsSemicolonsAndLineBreaksWithLineNumbers() {
            List<SpreadsheetCsv.Line> lines = SpreadsheetCsv.read(
                    "\uFEFFhospital;name\r\n\"A; B\";\"Jan \"\"JJ\"\" Jansen\"\r\n\r\n\"Twee\nregels\";X\nlaatste;Y");

            assertThat(lines).extracting(SpreadsheetCsv.Line::number).containsExactly(1L, 2L, 4L, 6L);
            assertThat(lines.get(1).fields()).containsExactly("A; B", "Jan \"JJ\" Jansen");
            assertThat(lines.get(2).fields()).containsExactly("Twee\nregels", "X");
            assertThat(lines.get(3).fields()).containsExactly("laatste", "Y");
        }

        @Test
        void shouldReadCommasWhenTheHeaderUsesThem() {
            assertThat(SpreadsheetCsv.read("hospital,name\nA;B,C").get(1).fields()).containsExactly("A;B", "C");
        }

        @Test
        void shouldNameTheLineOfAnUnclosedQuote() {
            assertThatThrownBy(() -> SpreadsheetCsv.read("hospital;name\nA;B\n\"open;C\nD;E\n"))
                    .isInstanceOfSatisfying(SpreadsheetCsv.MalformedCsvException.class,
                            e -> assertThat(e.line()).isEqualTo(3));
        }
    }
}
