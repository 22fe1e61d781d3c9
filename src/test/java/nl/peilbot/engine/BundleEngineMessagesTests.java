package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class BundleEngineMessagesTests {

    private final BundleEngineMessages messages = new BundleEngineMessages();

    @Test
    void shouldHaveTheSameKeysInEveryLanguage() {
        Set<String> dutch = keys(BundleEngineMessages.load(BundleEngineMessages.bundleName("nl")));
        for (String language : BundleEngineMessages.LANGUAGES) {
            assertThat(keys(BundleEngineMessages.load(BundleEngineMessages.bundleName(language))))
                    .as("keys of %s", language).isEqualTo(dutch);
        }
        assertThat(dutch).contains("progress", "consent.yes", "consent.no", "summary.heading", "button.submit",
                "button.change", "button.done", "other.ask", "help", "where.question", "restart.ask", "language.switched",
                "hint.skip.not.allowed");
    }

    @Test
    void shouldHaveNoEmptyValuesAndOnlyValidPatterns() {
        for (String resource : new String[] {BundleEngineMessages.bundleName("nl"), BundleEngineMessages.bundleName("en"),
                BundleEngineMessages.COMMANDS}) {
            Properties properties = BundleEngineMessages.load(resource);
            assertThat(properties).as(resource).isNotEmpty();
            properties.forEach((key, value) -> {
                assertThat(value.toString()).as("%s in %s", key, resource).isNotBlank();
                if (!resource.equals(BundleEngineMessages.COMMANDS)) {
                    assertThat(new MessageFormat(value.toString()).toPattern()).as("%s in %s", key, resource).isNotEmpty();
                    assertThat(value.toString().replace("''", "")).as("unescaped quote in %s", key).doesNotContain("'");
                }
            });
        }
    }

    @Test
    void shouldGiveWordsForEveryCommandInBothLanguages() {
        for (CommandName name : CommandName.values()) {
            assertThat(messages.words(CommandRecognizer.key(name))).as("words for %s", name).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(messages.words("command.back")).contains("terug", "vorige", "back", "previous");
        assertThat(messages.words("word.done")).contains("klaar", "done");
        assertThat(messages.words("word.yes")).contains("ja", "yes");
        assertThat(messages.words("no.such.key")).isEmpty();
    }

    @Test
    void shouldFormatArgumentsInTheRequestedLanguage() {
        assertThat(messages.text("progress", "nl", 5, 14)).isEqualTo("vraag 5 van 14");
        assertThat(messages.text("progress", "en", 5, 14)).isEqualTo("question 5 of 14");
        assertThat(messages.text("consent.yes", "nl")).isEqualTo("Ja, ik doe mee");
        assertThat(messages.text("hint.too.long", "nl", 2000)).contains("2.000");
    }

    @Test
    void shouldFallBackToDutchForUnknownLanguage() {
        assertThat(messages.text("progress", "fr", 1, 2)).isEqualTo("vraag 1 van 2");
    }

    @Test
    void shouldFailOnUnknownKey() {
        assertThatThrownBy(() -> messages.text("no.such.key", "nl")).isInstanceOf(IllegalArgumentException.class);
    }

    /** The patterns are parsed once and numbers formatted from a cached format: the text must stay exactly the same. */
    @Test
    void shouldFormatEveryTextExactlyAsAFreshMessageFormatWould() {
        List<Object[]> argumentSets = new ArrayList<>(List.of(new Object[] {},
                new Object[] {"Ziekenhuis Oost", "l'avenir", "x"}, new Object[] {7L, 2.5, 12}, new Object[] {"tekst", 3, 4}));
        for (int number : new int[] {-2, -1, 0, 1, 9, 10, 99, 100, 998, 999, 1000, 1001, 12345, 1234567}) {
            argumentSets.add(new Object[] {number, number + 1, number % 3});
        }
        for (String language : BundleEngineMessages.LANGUAGES) {
            Properties bundle = BundleEngineMessages.load(BundleEngineMessages.bundleName(language));
            for (String key : bundle.stringPropertyNames()) {
                for (Object[] arguments : argumentSets) {
                    MessageFormat fresh = new MessageFormat(bundle.getProperty(key), Locale.forLanguageTag(language));
                    String expected;
                    try {
                        expected = fresh.format(arguments.clone());
                    } catch (IllegalArgumentException notANumber) {
                        // e.g. a text for "{2,choice,...}": the engine never passes one, and must fail the same way.
                        assertThatThrownBy(() -> messages.text(key, language, arguments.clone()))
                                .isInstanceOf(IllegalArgumentException.class);
                        continue;
                    }
                    assertThat(messages.text(key, language, arguments.clone()))
                            .as("%s in %s with %s", key, language, Arrays.toString(arguments)).isEqualTo(expected);
                }
            }
        }
    }

    private static Set<String> keys(Properties properties) {
        return new TreeSet<>(Arrays.asList(properties.stringPropertyNames().toArray(String[]::new)));
    }
}
