package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

import nl.peilbot.engine.Button;
import nl.peilbot.engine.Outbound;

/** Button data within Telegram's 64 bytes, naming the step it was shown for. */
class CallbackDataTests {

    @Test
    void shouldCarryStepAndCodeWhenTheyFit() {
        String data = CallbackData.encode("familiarity", new Button("familiar", "Bekend", 1), 0);
        assertThat(data).isEqualTo("familiarity|familiar");
        assertThat(CallbackData.decode(data)).contains(new CallbackData.Direct("familiarity", "familiar"));
        assertThat(CallbackData.decode("#consent|#yes")).contains(new CallbackData.Direct("#consent", "#yes"));
    }

    @Test
    void shouldFallBackToAHashAndPositionForLongIdsAndResolveThemAgainstTheCurrentPrompt() {
        String step = "aQuestionWithAVeryLongIdentifierThatNobodyShouldWrite";
        Button button = new Button("anOptionCodeThatIsAlsoFarTooLongForTelegram", "Optie", 2);
        String data = CallbackData.encode(step, button, 1);
        assertThat(data.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(CallbackData.MAX_BYTES);
        CallbackData decoded = CallbackData.decode(data).orElseThrow();
        Outbound.Ask current = new Outbound.Ask(step, "?", Outbound.InputKind.SINGLE_CHOICE,
                List.of(new Button("x", "X", 1), button), List.of(), null);
        assertThat(decoded.resolve(current)).contains(new CallbackData.Direct(step, button.code()));
        Outbound.Ask other = new Outbound.Ask("otherStep", "?", Outbound.InputKind.SINGLE_CHOICE,
                List.of(new Button("x", "X", 1), button), List.of(), null);
        assertThat(decoded.resolve(other)).as("a button of an earlier step").isEmpty();
        assertThat(decoded.resolve(null)).isEmpty();
    }

    @Test
    void shouldRefuseDataItDidNotMake() {
        assertThat(CallbackData.decode("nothing")).isEmpty();
        assertThat(CallbackData.decode("step|")).isEmpty();
        assertThat(CallbackData.decode("~abc|notanumber")).isEmpty();
    }
}
