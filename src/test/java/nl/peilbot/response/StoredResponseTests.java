package nl.peilbot.response;

import static nl.peilbot.response.ResponseFixtures.FLOW;
import static nl.peilbot.response.ResponseFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Stage;

class StoredResponseTests {

    private final StoredResponse started = ResponseFixtures.newResponse("r_1");

    @Test
    void shouldBeginAtVersionOneInProgressOnTheFirstChannel() {
        assertThat(started.version()).isEqualTo(1);
        assertThat(started.status()).isEqualTo(ResponseStatus.IN_PROGRESS);
        assertThat(started.channels()).containsExactly("web");
        assertThat(started.recentMessageIds()).isEmpty();
        assertThat(started.startedAt()).isEqualTo(T0).isEqualTo(started.updatedAt());
        assertThat(started.completedAt()).isNull();
    }

    @Test
    void shouldMoveOneVersionOnAndRememberTheMessageAfterATurn() {
        StoredResponse next = started.afterTurn(started.state(), "m-1", "web", T0.plusSeconds(3));

        assertThat(next.version()).isEqualTo(2);
        assertThat(next.recentMessageIds()).containsExactly("m-1");
        assertThat(next.applied("m-1")).isTrue();
        assertThat(next.applied("m-2")).isFalse();
        assertThat(next.updatedAt()).isEqualTo(T0.plusSeconds(3));
        assertThat(next.startedAt()).isEqualTo(T0);
    }

    @Test
    void shouldRecordWhenTheRespondentConsentedAndKeepThatTime() {
        ConversationState asking = withStage(started.state(), Stage.ASKING);

        StoredResponse consented = started.afterTurn(asking, "m-1", "web", T0.plusSeconds(4));
        StoredResponse later = consented.afterTurn(asking, "m-2", "web", T0.plusSeconds(9));

        assertThat(started.consentedAt()).isNull();
        assertThat(consented.consentedAt()).isEqualTo(T0.plusSeconds(4));
        assertThat(later.consentedAt()).isEqualTo(T0.plusSeconds(4));
    }

    @Test
    void shouldNotRecordConsentWhenItWasDeclined() {
        StoredResponse declined = started.afterTurn(withStage(started.state(), Stage.DECLINED), "m-1", "web", T0);

        assertThat(declined.consentedAt()).isNull();
    }

    private static ConversationState withStage(ConversationState state, Stage stage) {
        return new ConversationState(state.flowId(), state.flowVersion(), state.language(), stage, state.currentStep(),
                state.answers(), state.pending(), state.askedAt(), state.returnToSummary(), state.resumeStage());
    }

    @Test
    void shouldRecordEachChannelOnce() {
        StoredResponse next = started.afterTurn(started.state(), "m-1", "telegram", T0)
                .afterTurn(started.state(), "m-2", "web", T0)
                .afterTurn(started.state(), "m-3", "telegram", T0);

        assertThat(next.channels()).containsExactly("web", "telegram");
    }

    @Test
    void shouldKeepOnlyTheLastHundredMessageIds() {
        StoredResponse response = started;
        for (int i = 1; i <= 105; i++) {
            response = response.afterTurn(response.state(), "m-" + i, "web", T0);
        }

        assertThat(response.recentMessageIds())
                .isEqualTo(IntStream.rangeClosed(6, 105).mapToObj(i -> "m-" + i).toList());
        assertThat(response.applied("m-5")).isFalse();
    }

    @Test
    void shouldBecomeCompletedWhenTheStageIsCompletedAndKeepTheFirstCompletionTime() {
        ConversationState submitted = stage(Stage.COMPLETED);

        StoredResponse completed = started.afterTurn(submitted, "m-1", "web", T0.plusSeconds(60));
        StoredResponse later = completed.afterTurn(submitted, "m-2", "web", T0.plusSeconds(90));

        assertThat(completed.completed()).isTrue();
        assertThat(completed.status()).isEqualTo(ResponseStatus.COMPLETED);
        assertThat(later.completedAt()).isEqualTo(T0.plusSeconds(60));
    }

    @Test
    void shouldFollowTheLanguageOfTheState() {
        ConversationState english = new ConversationState(FLOW.id(), FLOW.version(), "en", Stage.CONSENT, null,
                started.state().answers(), null, T0, false, null);

        assertThat(started.afterTurn(english, "m-1", "web", T0).language()).isEqualTo("en");
    }

    @Test
    void shouldRefuseTopLevelFieldsThatDisagreeWithTheState() {
        assertThatThrownBy(() -> new StoredResponse("r_1", "other-survey", "2024", FLOW.version(),
                ResponseStatus.IN_PROGRESS, "nl", List.of(), started.state(), 1, List.of(), T0, T0, null))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private ConversationState stage(Stage stage) {
        return new ConversationState(FLOW.id(), FLOW.version(), "nl", stage, null, started.state().answers(), null,
                null, false, null);
    }
}
