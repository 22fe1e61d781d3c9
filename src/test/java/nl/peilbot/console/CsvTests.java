package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/** Every problem code of a CSV import has a text in both languages. */
class CsvTests {

    @Test
    void shouldHaveATextForEveryProblemCodeInBothLanguages() throws Exception {
        List<String> codes = List.of("empty_file", "unknown_column", "missing_unit_column", "no_rows", "too_many_fields",
                "missing_unit", "unknown_option", "unknown_field", "malformed_email", "malformed_telegram",
                "malformed_date", "invalid_window", "duplicate", "already_invited", "file_too_large", "malformed_csv",
                "too_many_rows", "too_long");
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
