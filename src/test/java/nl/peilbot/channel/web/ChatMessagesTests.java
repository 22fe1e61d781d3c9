package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** Guards the chat's message bundles: both languages have the same keys, and every error code has a text. */
class ChatMessagesTests {

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(ChatMessagesTests.class.getResourceAsStream("/" + name),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void shouldHaveTheSameKeysInDutchAndEnglish() throws IOException {
        assertThat(load("messages_en.properties").stringPropertyNames())
                .containsExactlyInAnyOrderElementsOf(load("messages.properties").stringPropertyNames());
    }

    @Test
    void shouldHaveATextForEveryErrorCodeInBothLanguages() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties texts = load(bundle);
            for (ChatError error : ChatError.values()) {
                assertThat(texts.getProperty(error.messageKey())).as(bundle + " " + error).isNotBlank();
            }
        }
    }

    @Test
    void shouldHaveNoEmptyTexts() throws IOException {
        for (String bundle : new String[] {"messages.properties", "messages_en.properties"}) {
            Properties texts = load(bundle);
            assertThat(texts.stringPropertyNames()).allSatisfy(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
        }
    }
}
