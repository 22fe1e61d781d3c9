package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TextMatcherTests {

    private static final List<Candidate> FAMILIARITY = List.of(
            new Candidate("familiar", 1, List.of("familiar", "Bekend", "Familiar")),
            new Candidate("fairlyFamiliar", 2, List.of("fairlyFamiliar", "Redelijk bekend", "Fairly familiar")),
            new Candidate("neutral", 3, List.of("neutral", "Neutraal", "Neutral")),
            new Candidate("fairlyUnfamiliar", 4, List.of("fairlyUnfamiliar", "Redelijk onbekend", "Fairly unfamiliar")),
            new Candidate("unfamiliar", 5, List.of("unfamiliar", "Onbekend", "Unfamiliar")));

    private static final List<Candidate> WORKLOAD = List.of(
            new Candidate("increases", 1, List.of("increases", "Niet, neemt alleen maar toe")),
            new Candidate("p10", 2, List.of("p10", "10%")),
            new Candidate("p20", 3, List.of("p20", "20%")),
            new Candidate("p30plus", 4, List.of("p30plus", "Meer dan 30%")));

    private static final List<Candidate> APPLICATIONS = List.of(
            new Candidate("ml", 1, List.of("ml", "Machine learning")),
            new Candidate("nlp", 2, List.of("nlp", "Natural language processing")),
            new Candidate("vision", 3, List.of("vision", "Beeld- en gezichtsherkenning", "Vision")),
            new Candidate("robotics", 4, List.of("robotics", "Robotica", "Robotics")));

    @Test
    void shouldNormaliseCaseAccentsAndPunctuation() {
        assertThat(TextMatcher.normalise("  Geïmplementeerd, ÉÉN keer!  ")).isEqualTo("geimplementeerd een keer");
        assertThat(TextMatcher.normalise("Beeld- en gezichts\u00adherkenning")).isEqualTo("beeld en gezichtsherkenning");
    }

    @ParameterizedTest
    @CsvSource({
            "1, familiar", "5, unfamiliar", "neutraal, neutral", "NEUTRAAL!, neutral", "neutral, neutral",
            "fairlyUnfamiliar, fairlyUnfamiliar", "redelijk onbekend, fairlyUnfamiliar", "redelijk onbeknd, fairlyUnfamiliar",
            "bekent, familiar", "Onbekent, unfamiliar", "nuetraal, neutral", "Fairly familiar, fairlyFamiliar"})
    void shouldMatchOneOption(String typed, String code) {
        assertThat(TextMatcher.matchOne(typed, FAMILIARITY)).contains(code);
    }

    @ParameterizedTest
    @CsvSource({"6", "0", "redelijk", "xyz", "bek", "''"})
    void shouldNotGuessWhenUnclear(String typed) {
        assertThat(TextMatcher.matchOne(typed, FAMILIARITY)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"2, p10", "10%, p10", "10, p10", "20, p20", "meer dan 30, p30plus", "niet, increases"})
    void shouldPreferNumbersInRangeAndOtherwiseLabels(String typed, String code) {
        assertThat(TextMatcher.matchOne(typed, WORKLOAD)).contains(code);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "1, 3 en 4|ml,vision,robotics", "1,3 and 4|ml,vision,robotics", "1 3 4|ml,vision,robotics",
            "Machine learning en Robotica|ml,robotics", "beeld- en gezichtsherkenning|vision",
            "beeld- en gezichtsherkenning en nlp|vision,nlp", "4; 4, 1|robotics,ml", "robotika, machine lerning|robotics,ml",
            "3 & Robotics|vision,robotics"})
    void shouldMatchLists(String typed, String codes) {
        assertThat(TextMatcher.matchList(typed, APPLICATIONS)).contains(List.of(codes.split(",")));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"1, 9", "1 en blauw", "1 2 x", ",", "niets"})
    void shouldRejectListsWithUnknownParts(String typed) {
        assertThat(TextMatcher.matchList(typed, APPLICATIONS)).isEqualTo(Optional.empty());
    }

    @Test
    void shouldBoundEditDistance() {
        assertThat(TextMatcher.distance("neutraal", "nuetraal", 3)).isEqualTo(1);
        assertThat(TextMatcher.distance("kitten", "sitting", 10)).isEqualTo(3);
        assertThat(TextMatcher.distance("a", "abcdefgh", 3)).isEqualTo(3);
        assertThat(TextMatcher.allowedTypos("ja")).isZero();
        assertThat(TextMatcher.allowedTypos("bekend")).isEqualTo(1);
        assertThat(TextMatcher.allowedTypos("redelijk bekend")).isEqualTo(2);
    }

    @Test
    void shouldRecogniseWordsExactlyOnly() {
        assertThat(TextMatcher.isOneOf("Klaar!", List.of("klaar", "done"))).isTrue();
        assertThat(TextMatcher.isOneOf("klar", List.of("klaar", "done"))).isFalse();
        assertThat(TextMatcher.isOneOf("  ", List.of("klaar"))).isFalse();
    }
}
