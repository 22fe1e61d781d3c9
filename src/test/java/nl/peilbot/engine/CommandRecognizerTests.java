package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CommandRecognizerTests {

    private final CommandRecognizer recognizer = new CommandRecognizer(Chat.MESSAGES);

    @ParameterizedTest
    @CsvSource({
            "start, START", "/start, START", "begin, BEGIN_IS_START",
            "terug, BACK", "Vorige, BACK", "back, BACK", "/back, BACK", "previous, BACK", "/terug@PeilbotBot, BACK",
            "overslaan, SKIP", "skip, SKIP", "/overslaan, SKIP",
            "help, HELP", "hulp, HELP", "?, HELP", "/help, HELP",
            "opnieuw, RESTART", "restart, RESTART", "/restart, RESTART",
            "taal, LANGUAGE", "language, LANGUAGE", "/taal, LANGUAGE",
            "waar, WHERE", "waar ben ik?, WHERE", "Where am I?, WHERE", "/where, WHERE"})
    void shouldRecogniseCommandWordsInBothLanguages(String typed, String expected) {
        CommandName name = expected.equals("BEGIN_IS_START") ? CommandName.START : CommandName.valueOf(expected);
        assertThat(recognizer.recognize(typed, java.util.List.of("nl", "en"))).contains(new CommandRecognizer.Recognized(name, null));
    }

    @ParameterizedTest
    @CsvSource({"taal en, en", "/taal EN, en", "language dutch, dutch", "/start abc123, abc123"})
    void shouldPassArgumentOfLanguageAndStart(String typed, String argument) {
        assertThat(recognizer.recognize(typed, java.util.List.of("nl", "en"))).hasValueSatisfying(r -> assertThat(r.argument()).isEqualTo(argument));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/foo", "terug naar vraag 3", "help mij", "terugg", "ja", "klaar", "", "/",
            "taal fr", "start abc123", "Begin met een pilot", "Language models", "Lang leve AI", "Taal- en spraaktechnologie"})
    void shouldNotTreatOtherTextAsCommand(String typed) {
        assertThat(recognizer.recognize(typed, java.util.List.of("nl", "en"))).isEmpty();
    }
}
