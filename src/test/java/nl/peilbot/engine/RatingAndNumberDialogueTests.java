package nl.peilbot.engine;

import java.math.BigDecimal;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import nl.peilbot.flow.Flow;

import static org.assertj.core.api.Assertions.assertThat;

/** Ratings and numbers as respondents give them: buttons, digits, "7/10", number words, Dutch and English decimals. */
class RatingAndNumberDialogueTests {

    private static final Flow FLOW = Chat.flow("ratings-numbers.yaml");

    private static Chat atQuestions(String language) {
        Chat chat = new Chat(FLOW, Map.of(), language);
        chat.choice("#yes");
        return chat;
    }

    private static Chat atStep(String step) {
        Chat chat = atQuestions("nl");
        String[][] replies = {{"maturity", "3"}, {"recommend", "8"}, {"patients", "2350"}, {"fte", "2,5"}};
        for (String[] reply : replies) {
            if (reply[0].equals(step)) {
                return chat;
            }
            chat.text(reply[1]);
            assertThat(chat.last.accepted()).as(reply[0]).isTrue();
        }
        return chat;
    }

    @Nested
    class Rating {

        @Test
        void shouldOfferOneButtonPerPointAndNameTheEndsInTheRespondentsLanguage() {
            Chat chat = atQuestions("nl");

            assertThat(chat.buttonCodes()).containsExactly("1", "2", "3", "4", "5");
            assertThat(chat.ask().input()).isEqualTo(Outbound.InputKind.RATING);
            assertThat(chat.ask().text()).contains("1 = Beginnend", "5 = Volwassen");

            Chat english = atQuestions("en");
            assertThat(english.ask().text()).contains("1 = Starting", "5 = Mature");
        }

        @Test
        void shouldNameTheEndsOfTheScaleForAChannelToShowBesideThePoints() {
            assertThat(atQuestions("nl").ask().scale()).isEqualTo(new Outbound.Scale("Beginnend", "Volwassen"));
            assertThat(atQuestions("en").ask().scale()).isEqualTo(new Outbound.Scale("Starting", "Mature"));
            assertThat(atQuestions("nl").ask().number()).isNull();
            assertThat(atStep("patients").ask().scale()).isNull();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"4|4", "4/5|4", "4 van de 5|4", "4 out of 5|4", "vier|4", "four|4",
                "Vier.|4", "één|1", "volwassen|5", "Starting|1", "5!|5"})
        void shouldUnderstandATypedPoint(String typed, int point) {
            Chat chat = atQuestions("nl");

            chat.text(typed);

            assertThat(chat.last.accepted()).as(typed).isTrue();
            assertThat(chat.answer("maturity").value()).isEqualByComparingTo(BigDecimal.valueOf(point));
        }

        @Test
        void shouldTakeThePressedPoint() {
            Chat chat = atQuestions("nl");

            chat.choice("2");

            assertThat(chat.answer("maturity").value()).isEqualByComparingTo("2");
            assertThat(chat.step()).isEqualTo("recommend");
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"6", "0", "7/10", "4/10", "2,5", "misschien", "zeven"})
        void shouldRefuseWhatIsNotAPointOfTheScaleAndSaySoInDutchFirst(String typed) {
            Chat chat = atQuestions("nl");

            chat.text(typed);

            assertThat(chat.last.accepted()).as(typed).isFalse();
            assertThat(chat.says()).contains("Kies een getal van 1 tot en met 5");
            assertThat(chat.answer("maturity")).isNull();
            assertThat(chat.step()).isEqualTo("maturity");
        }

        @Test
        void shouldReadZeroToTenWithTheTopAsTheSecondNumber() {
            Chat chat = atStep("recommend");
            assertThat(chat.buttonCodes()).startsWith("0", "1").contains("10", "#skip");

            chat.text("9/10");

            assertThat(chat.answer("recommend").value()).isEqualByComparingTo("9");
        }

        @Test
        void shouldShowTheRatingInTheSummaryAndAsTheCurrentValue() {
            Chat chat = atStep("patients");
            chat.command(CommandName.BACK, null);

            assertThat(chat.ask().text()).contains("Uw huidige antwoord: 8");
        }
    }

    @Nested
    class Number {

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"2350|2350", "2.350|2350", "2,350|2350", "2 350|2350", "2350 patiënten|2350",
                "ongeveer 2350|2350", "0|0", "30000|30000", "30.000|30000", "zeven|7"})
        void shouldReadAWholeNumberAsDutchAndEnglishRespondentsWriteIt(String typed, String value) {
            Chat chat = atStep("patients");

            chat.text(typed);

            assertThat(chat.last.accepted()).as(typed).isTrue();
            assertThat(chat.answer("patients").value()).isEqualByComparingTo(value);
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"2,5|2.5", "2.5|2.5", "3|3", "0,5 fte|0.5", "12,0|12", "50|50"})
        void shouldReadADecimalWithACommaOrAPoint(String typed, String value) {
            Chat chat = atStep("fte");

            chat.text(typed);

            assertThat(chat.last.accepted()).as(typed).isTrue();
            assertThat(chat.answer("fte").value()).isEqualByComparingTo(value);
        }

        @Test
        void shouldRefuseANumberOutOfRangeNamingTheRangeTheDutchWay() {
            Chat chat = atStep("fte");

            chat.text("51");

            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.number.range", "0", "50"));
            assertThat(chat.answer("fte")).isNull();
        }

        @Test
        void shouldRefuseTooManyDecimals() {
            Chat chat = atStep("fte");

            chat.text("2,25");

            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.number.decimals", "1"));
        }

        @Test
        void shouldRefuseAFractionWhereAWholeNumberIsAsked() {
            Chat chat = atStep("patients");

            chat.text("2350,5");

            assertThat(chat.last.accepted()).isFalse();
            assertThat(chat.says()).isEqualTo(chat.msg("hint.number.whole"));
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {"veel", "-5", "2.35.0", "1,2,3,4", "12 a 14", "''"})
        void shouldRefuseWhatIsNoAcceptedNumberAndKeepAsking(String typed) {
            Chat chat = atStep("patients");

            chat.text(typed);

            assertThat(chat.last.accepted()).as(typed).isFalse();
            assertThat(chat.step()).isEqualTo("patients");
            assertThat(chat.answer("patients")).isNull();
        }

        @Test
        void shouldSayTheBoundsAndTheUnitInTheQuestion() {
            Chat chat = atStep("fte");

            assertThat(chat.ask().text()).contains("Typ een getal van 0 tot en met 50.", "Een kommagetal mag, bijvoorbeeld 2,5.",
                    "Antwoord in fte.");
            assertThat(chat.ask().buttons()).isEmpty();
        }

        @Test
        void shouldTellAChannelHowTheNumberIsTyped() {
            assertThat(atStep("patients").ask().number()).isEqualTo(new Outbound.NumberEntry(0, "patiënten"));
            assertThat(atStep("fte").ask().number()).isEqualTo(new Outbound.NumberEntry(1, "fte"));
            assertThat(atStep("fte").ask().input()).isEqualTo(Outbound.InputKind.TEXT);
        }

        @Test
        void shouldShowTheNumberWithItsUnitTheRespondentsWay() {
            Chat chat = atStep("fte");
            chat.text("2.5");

            assertThat(chat.says() + chat.ask().text()).contains("2,5 fte");
        }
    }
}
