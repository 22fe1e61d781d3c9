package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Reading spreadsheets' CSV and writing safe CSV; every problem code has a text in both languages. */
class CsvTests {

    @Test
    void shouldReadQuotedFieldsSemicolonsAndLineBreaksWithLineNumbers() {
        List<Csv.Line> lines = Csv.parse("\uFEFFhospital;name\r\n\"A; B\";\"Jan \"\"JJ\"\" Jansen\"\r\n\r\n\"Twee\nregels\";X\nlaatste;Y");

        assertThat(lines).extracting(Csv.Line::number).containsExactly(1, 2, 4, 6);
        assertThat(lines.get(1).fields()).containsExactly("A; B", "Jan \"JJ\" Jansen");
        assertThat(lines.get(2).fields()).containsExactly("Twee\nregels", "X");
        assertThat(lines.get(3).fields()).containsExactly("laatste", "Y");
    }

    @Test
    void shouldReadCommasWhenTheHeaderUsesThem() {
        assertThat(Csv.parse("hospital,name\nA;B,C").get(1).fields()).containsExactly("A;B", "C");
    }

    @Test
    void shouldQuoteAndDefuseFormulasWhenWriting() {
        assertThat(Csv.row(Arrays.asList("a,b", "=HYPERLINK(1)", null, "say \"hi\"")))
                .isEqualTo("\"a,b\",'=HYPERLINK(1),,\"say \"\"hi\"\"\"\r\n");
    }

    @Test
    void shouldHaveATextForEveryProblemCodeInBothLanguages() throws Exception {
        List<String> codes = List.of("empty_file", "unknown_column", "missing_hospital_column", "no_rows", "too_many_fields",
                "missing_hospital", "unknown_hospital_type", "unknown_role", "malformed_email", "malformed_telegram",
                "malformed_date", "invalid_window", "duplicate", "already_invited", "file_too_large");
        String rows = new String(new ClassPathResource("nl/peilbot/console/InvitationRows.class").getContentAsByteArray(),
                java.nio.charset.StandardCharsets.ISO_8859_1)
                + new String(new ClassPathResource("nl/peilbot/console/InvitationConsoleController.class").getContentAsByteArray(),
                java.nio.charset.StandardCharsets.ISO_8859_1);
        for (String bundle : List.of("messages.properties", "messages_en.properties")) {
            Properties texts = PropertiesLoaderUtils.loadProperties(new ClassPathResource(bundle));
            for (String code : codes) {
                assertThat(rows).as("code " + code + " is used").contains(code);
                assertThat(texts.getProperty("console.js.problem." + code)).as(bundle + " " + code).isNotBlank();
            }
        }
    }
}
