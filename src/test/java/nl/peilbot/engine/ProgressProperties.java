package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import nl.peilbot.flow.Flow;

/**
 * Progress counts the questions this respondent is actually asked: walking forward with random answers (which
 * decide the skip logic), every new question is numbered one more than the one before, the total never grows, the
 * last question asked is "n of n" with n the questions asked, and "waar" says the same numbers as the prompt.
 */
class ProgressProperties {

    private static final ConversationEngine ENGINE = Chat.ENGINE;

    @Property(tries = 300)
    void shouldNumberTheQuestionsActuallyAsked(@ForAll("flows") Flow flow, @ForAll("picks") List<Integer> picks,
                                               @ForAll("languages") String language) {
        ConversationState state = ENGINE.start(flow, Map.of(), language, Chat.T0);
        Instant now = Chat.T0;
        Map<String, Progress> firstShown = new LinkedHashMap<>();
        int previousTotal = Integer.MAX_VALUE;
        int turn = 0;
        while (state.stage() != Stage.SUMMARY && turn < 400) {
            Outbound.Ask ask = currentAsk(flow, state);
            Progress progress = ask.progress();
            if (progress != null) {
                assertThat(progress.total()).as("the total never grows: %s", progress).isLessThanOrEqualTo(previousTotal);
                assertThat(progress.current()).isBetween(1, progress.total());
                previousTotal = progress.total();
                Progress earlier = firstShown.putIfAbsent(ask.stepId(), progress);
                if (earlier == null) {
                    assertThat(progress.current()).as("new question %s", ask.stepId()).isEqualTo(firstShown.size());
                } else {
                    assertThat(progress.current()).as("same question %s asked again", ask.stepId()).isEqualTo(earlier.current());
                }
                assertWhereAgrees(flow, state, progress, now);
            }
            now = now.plusSeconds(3);
            Turn result = ENGINE.handle(flow, state, reply(flow, ask, picks.get(turn % picks.size())), now);
            assertThat(result.accepted()).as("reply to %s", ask.stepId()).isTrue();
            state = result.state();
            turn++;
        }
        assertThat(state.stage()).isEqualTo(Stage.SUMMARY);
        List<Progress> shown = new ArrayList<>(firstShown.values());
        Progress last = shown.get(shown.size() - 1);
        assertThat(last.current()).as("the last question asked").isEqualTo(shown.size()).isEqualTo(last.total());
        Statistics.collect(flow.questions().size() - shown.size() == 0 ? "every question" : "some left out");
    }

    private static void assertWhereAgrees(Flow flow, ConversationState state, Progress progress, Instant now) {
        Turn where = ENGINE.handle(flow, state, new Inbound.Command(CommandName.WHERE, null), now);
        Outbound.Say said = (Outbound.Say) where.messages().get(0);
        assertThat(said.text()).isEqualTo(Chat.MESSAGES.text("where.question", state.language(), progress.current(),
                progress.total(), progress.total() - progress.current()));
        Outbound.Ask again = (Outbound.Ask) where.messages().get(where.messages().size() - 1);
        assertThat(again.progress()).isEqualTo(progress);
    }

    private static Outbound.Ask currentAsk(Flow flow, ConversationState state) {
        List<Outbound> messages = ENGINE.current(flow, state);
        return (Outbound.Ask) messages.get(messages.size() - 1);
    }

    /** A valid reply chosen by {@code pick}: any option (or skip) of a choice, otherwise a usable text or "done". */
    private static Inbound reply(Flow flow, Outbound.Ask ask, int pick) {
        List<String> codes = ask.buttons().stream().map(Button::code).toList();
        boolean choice = ask.input() != Outbound.InputKind.TEXT;
        if (ask.input() == Outbound.InputKind.MULTIPLE_CHOICE && !ask.selected().isEmpty()) {
            return new Inbound.Choice("#done");
        }
        if (choice && !ask.stepId().startsWith("#")) {
            List<String> options = codes.stream().filter(c -> !c.equals("#done")).toList();
            return new Inbound.Choice(options.get(pick % options.size()));
        }
        if (codes.contains(PromptRenderer.SKIP) && pick % 3 == 0) {
            return new Inbound.Choice(PromptRenderer.SKIP);
        }
        return ConversationEngineProperties.validReply(flow, ask);
    }

    @Provide
    Arbitrary<Flow> flows() {
        return Arbitraries.of(Chat.SMALL, Chat.HOSPITALS, Chat.LISTS);
    }

    @Provide
    Arbitrary<List<Integer>> picks() {
        return Arbitraries.integers().between(0, 20).list().ofMinSize(1).ofMaxSize(30);
    }

    @Provide
    Arbitrary<String> languages() {
        return Arbitraries.of("nl", "en");
    }
}
