package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Replies typed the way people write them in one go: an "other" option with its text, numbers from a numbered list. */
class OneMessageAnswersTests {

    /** The real questionnaire at knownApplications (multiple choice, "Anders"/"Other" is option 5). */
    private static Chat atKnownApplications(String language) {
        Chat chat = new Chat(RealFlowWalkThroughTests.FLOW, Map.of("hospital", "Oost", "hospitalType", "algemeen",
                "role", "cio"), language);
        chat.choice("#yes");
        chat.text("1");
        chat.text("1");
        assertThat(chat.step()).isEqualTo("knownApplications");
        return chat;
    }

    @Nested
    class OtherWithItsText {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "Anders: Process mining|Process mining",
                "anders, namelijk process mining|process mining",
                "Anders namelijk: Process mining|Process mining",
                "Anders: namelijk Process mining|Process mining",
                "5: Process mining|Process mining",
                "Other: Process mining|Process mining",
                "other, namely process mining|process mining",
                "Other, i.e. process mining|process mining"})
        void shouldAcceptOtherAndItsTextInOneMessage(String reply, String text) {
            Chat chat = atKnownApplications(reply.startsWith("Other") || reply.startsWith("other") ? "en" : "nl");
            chat.text(reply);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.answer("knownApplications").codes()).containsExactly("other");
            assertThat(chat.answer("knownApplications").otherText()).isEqualTo(text);
            assertThat(chat.step()).as("no 'namelijk?' asked").isEqualTo("policy");
        }

        @Test
        void shouldAcceptOptionsBeforeTheOtherOneInAMultipleChoice() {
            Chat chat = atKnownApplications("nl");
            chat.text("1, 3 en anders: spraak naar tekst, tekst naar spraak");
            assertThat(chat.answer("knownApplications").codes()).containsExactly("machineLearning", "vision", "other");
            assertThat(chat.answer("knownApplications").otherText()).isEqualTo("spraak naar tekst, tekst naar spraak");
        }

        @Test
        void shouldAcceptOtherAndItsTextInASingleChoice() {
            Chat chat = Chat.smallAtQuestions().answerSmallUntil("champion");
            chat.text("Anders, namelijk een werkgroep");
            assertThat(chat.answer("champion").codes()).containsExactly("other");
            assertThat(chat.answer("champion").otherText()).isEqualTo("een werkgroep");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Robotica: in de OK", "Process mining: anders", "anders:", "Anders, namelijk"})
        void shouldNotTakeTextForAnOptionThatIsNoOther(String reply) {
            Chat chat = atKnownApplications("nl");
            chat.text(reply);
            if (chat.last.accepted()) {
                // "Anders, namelijk" without a text chooses the option; its text is asked next.
                assertThat(chat.state.pending().awaitingOther()).isTrue();
                assertThat(chat.answer("knownApplications")).isNull();
            } else {
                assertThat(chat.answer("knownApplications")).isNull();
                assertThat(chat.step()).isEqualTo("knownApplications");
            }
        }
    }

    @Nested
    class NumbersFromANumberedList {

        @ParameterizedTest
        @ValueSource(strings = {"2", "2.", "2)", " 2. "})
        void shouldReadTheNumberOfASingleChoice(String reply) {
            Chat chat = Chat.smallAtQuestions();
            chat.text(reply);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.answer("familiarity").codes()).containsExactly("fairlyFamiliar");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1., 3.", "1) en 3)", "1. 3."})
        void shouldReadTheNumbersOfAMultipleChoice(String reply) {
            Chat chat = atKnownApplications("nl");
            chat.text(reply);
            assertThat(chat.last.accepted()).isTrue();
            assertThat(chat.answer("knownApplications").codes()).containsExactly("machineLearning", "vision");
        }
    }
}
