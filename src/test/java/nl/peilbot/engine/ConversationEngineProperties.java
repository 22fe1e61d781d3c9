package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

class ConversationEngineProperties {

    private static final ConversationEngine ENGINE = Chat.ENGINE;
    private static final List<Flow> FLOWS = List.of(Chat.SMALL, Chat.HOSPITALS, Chat.LISTS);
    private static final CommandRecognizer COMMANDS = new CommandRecognizer(Chat.MESSAGES);

    @Property(tries = 200)
    void shouldKeepStatesConsistentWhateverIsSent(@ForAll("flows") Flow flow, @ForAll("profiles") Map<String, String> profile,
                                                  @ForAll("inputs") List<Move> inputs) {
        ConversationState state = ENGINE.start(flow, profile, "nl", Chat.T0);
        Instant now = Chat.T0;
        for (Move move : inputs) {
            now = now.plusSeconds(3);
            state = checkedTurn(flow, state, move.input(flow, state), now);
        }
        Statistics.collect(state.stage());
    }

    @Property(tries = 200)
    void shouldAlwaysReachCompletionWithValidAnswersAfterAnyPrefix(@ForAll("flows") Flow flow,
                                                                   @ForAll("profiles") Map<String, String> profile,
                                                                   @ForAll("inputs") List<Move> prefix) {
        ConversationState state = ENGINE.start(flow, profile, "nl", Chat.T0);
        Instant now = Chat.T0;
        for (Move move : prefix) {
            now = now.plusSeconds(3);
            state = checkedTurn(flow, state, move.input(flow, state), now);
        }
        if (state.stage() == Stage.WITHDRAWN) {
            assertThat(state.answers()).isEmpty();
            return;
        }
        for (int turn = 0; turn < 300 && state.stage() != Stage.COMPLETED; turn++) {
            now = now.plusSeconds(3);
            Inbound reply = validReply(flow, state);
            Turn result = ENGINE.handle(flow, state, reply, now);
            assertThat(result.accepted()).as("valid reply %s in %s", reply, state).isTrue();
            state = checkedTurn(flow, state, reply, now);
        }
        assertThat(state.stage()).isEqualTo(Stage.COMPLETED);
        for (Question step : StepNavigator.steps(flow, state.answers())) {
            assertThat(state.answers()).containsKey(step.id());
        }
        assertThat(StateCheck.problems(flow, state)).isEmpty();
    }

    private static ConversationState checkedTurn(Flow flow, ConversationState state, Inbound input, Instant now) {
        Turn turn = ENGINE.handle(flow, state, input, now);
        assertThat(ENGINE.handle(flow, state, input, now)).as("same input, same turn").isEqualTo(turn);
        assertThat(StateCheck.problems(flow, turn.state())).as("after %s from %s", input, state).isEmpty();
        assertNothingGivenLost(flow, state, input, turn.state());
        List<Outbound> messages = turn.messages();
        assertThat(messages).isNotEmpty();
        if (turn.state().stage() == Stage.COMPLETED || turn.state().stage() == Stage.WITHDRAWN) {
            assertThat(messages).allMatch(Outbound.Say.class::isInstance);
        } else {
            assertThat(messages.get(messages.size() - 1)).isInstanceOf(Outbound.Ask.class);
            assertThat(messages.stream().filter(m -> m instanceof Outbound.Ask)).hasSize(1);
        }
        if (!turn.accepted()) {
            assertThat(turn.state()).isEqualTo(state);
        }
        assertThat(ENGINE.current(flow, turn.state())).isNotEmpty();
        // A question and its answer per step, and for the list being answered one line per entry given so far.
        assertThat(ENGINE.transcript(flow, turn.state()))
                .hasSizeLessThanOrEqualTo(2 * flow.steps().size() + turn.state().pending().entries().size() + 1);
        return turn.state();
    }

    /**
     * No applied answer disappears except by back, change or restart: what was typed for the current question
     * (list entries, a half-filled entry, parts) is still gathered or stored afterwards, and every other stored
     * answer stays unless a changed answer made its question no longer apply or a restart was confirmed.
     */
    private static void assertNothingGivenLost(Flow flow, ConversationState before, Inbound input, ConversationState after) {
        if (isBack(flow, before, input) || before.stage() == Stage.CONFIRMING_RESTART && after.stage() != Stage.CONFIRMING_RESTART
                || after.stage() == Stage.WITHDRAWN && before.stage() == Stage.CONFIRMING_DELETE) {
            return;
        }
        String step = before.stage() == Stage.ASKING ? before.currentStep() : null;
        if (step != null) {
            List<String> given = typed(before.pending(), null);
            List<String> kept = new ArrayList<>(step.equals(after.currentStep()) ? typed(after.pending(), null) : List.of());
            kept.addAll(typed(Pending.NONE, after.answers().get(step)));
            assertThat(kept).as("what was given for %s before %s, from %s to %s", step, input, before, after)
                    .containsAll(given);
        }
        for (Map.Entry<String, Answer> stored : before.answers().entrySet()) {
            String id = stored.getKey();
            boolean stillApplies = StepNavigator.isStep(flow, after.answers(), id);
            if (!id.equals(step) && stillApplies) {
                assertThat(after.answers().get(id)).as("answer %s after %s in %s", id, input, before).isEqualTo(stored.getValue());
            }
        }
    }

    /** The texts typed into list entries and parts, gathered or stored. */
    private static List<String> typed(Pending pending, Answer answer) {
        List<String> texts = new ArrayList<>();
        pending.entries().forEach(entry -> texts.addAll(entry.values()));
        texts.addAll(pending.entry().values());
        texts.addAll(pending.parts().values());
        if (answer != null) {
            answer.entries().forEach(entry -> texts.addAll(entry.values()));
            texts.addAll(answer.parts().values());
        }
        return texts;
    }

    private static boolean isBack(Flow flow, ConversationState state, Inbound input) {
        if (input instanceof Inbound.Command command) {
            return command.name() == CommandName.BACK;
        }
        if (input instanceof Inbound.Text text && text.text() != null) {
            return COMMANDS.recognize(text.text(), flow.languages()).map(r -> r.name() == CommandName.BACK).orElse(false);
        }
        return false;
    }

    /** One input of a generated sequence: a given one, or (when null) a valid reply to whatever is asked then. */
    record Move(Inbound given) {

        Inbound input(Flow flow, ConversationState state) {
            return given != null ? given
                    : state.stage() == Stage.COMPLETED || state.stage() == Stage.WITHDRAWN ? new Inbound.Text("ja") : validReply(flow, state);
        }
    }

    static Inbound validReply(Flow flow, ConversationState state) {
        Outbound.Ask ask = ENGINE.current(flow, state).stream().filter(m -> m instanceof Outbound.Ask)
                .map(m -> (Outbound.Ask) m).findFirst().orElseThrow();
        return validReply(flow, ask);
    }

    /** A reply the current prompt accepts. */
    static Inbound validReply(Flow flow, Outbound.Ask ask) {
        return switch (ask.stepId()) {
            case "#consent" -> new Inbound.Choice("#yes");
            case "#declined" -> new Inbound.Choice("#start");
            case "#restart", "#delete" -> new Inbound.Choice("#no");
            case "#summary" -> new Inbound.Choice("#submit");
            case "#change" -> new Inbound.Choice(ask.buttons().get(0).code());
            default -> {
                Question question = flow.step(ask.stepId()).orElseThrow();
                List<String> codes = ask.buttons().stream().map(Button::code).toList();
                if (ask.input() == Outbound.InputKind.TEXT) {
                    yield question.kind() == QuestionKind.OPEN_LIST && codes.contains("#done")
                            ? new Inbound.Choice("#done")
                            : new Inbound.Text("Een antwoord");
                }
                if (ask.input() == Outbound.InputKind.MULTIPLE_CHOICE && !ask.selected().isEmpty()) {
                    yield new Inbound.Choice("#done");
                }
                yield new Inbound.Choice(codes.get(0));
            }
        };
    }

    @Provide
    Arbitrary<Flow> flows() {
        return Arbitraries.of(FLOWS);
    }

    @Provide
    Arbitrary<Map<String, String>> profiles() {
        return Arbitraries.of(Map.of(), Map.of("hospital", "Ziekenhuis Oost"), Map.of("role", "cmio", "hospitalType", "academic"),
                Map.of("hospital", "Noord", "role", "cio", "hospitalType", "topklinisch"), Map.of("role", "bogus"));
    }

    @Provide
    Arbitrary<List<Move>> inputs() {
        Arbitrary<Move> move = Arbitraries.frequencyOf(Tuple.of(3, input().map(Move::new)), Tuple.of(2, Arbitraries.just(new Move(null))));
        return move.list().ofMaxSize(50);
    }

    private Arbitrary<Inbound> input() {
        List<String> labels = new ArrayList<>();
        List<String> codes = new ArrayList<>(List.of("#yes", "#no", "#done", "#skip", "#submit", "#change", "#start",
                "#restart", "#bogus", "", "familiarity", "policy", "hospital", "concerns"));
        for (Flow flow : FLOWS) {
            for (Question step : flow.steps()) {
                for (AnswerOption option : step.options()) {
                    codes.add(option.code());
                    labels.add(option.label().in("nl"));
                    labels.add(option.label().in("en"));
                }
            }
        }
        List<String> words = new ArrayList<>(List.of("klaar", "done", "ja", "nee", "yes", "no", "insturen", "wijzigen",
                "1, 3 en 4", "1,2 and 5", "2 3", "1 en 99", "Radiologie: beeldherkenning", ":", "taal en", "taal fr",
                "/taal nl", "/foo", "mijn gegevens", "verwijder", "Verwijderen van wachtlijsten", "  ", "", "x".repeat(2001), "terug naar af"));
        for (CommandName name : CommandName.values()) {
            words.addAll(Chat.MESSAGES.words(CommandRecognizer.key(name)));
        }
        Arbitrary<Inbound> randomText = Arbitraries.strings().ofMaxLength(25).map(Inbound.Text::new);
        Arbitrary<Inbound> numbers = Arbitraries.integers().between(0, 20).map(n -> new Inbound.Text(String.valueOf(n)));
        Arbitrary<Inbound> label = Arbitraries.of(labels).map(Inbound.Text::new);
        Arbitrary<Inbound> word = Arbitraries.of(words).map(Inbound.Text::new);
        Arbitrary<Inbound> choice = Arbitraries.of(codes).map(Inbound.Choice::new);
        Arbitrary<Inbound> command = Combinators.combine(Arbitraries.of(CommandName.class),
                Arbitraries.of("en", "nl", "fr", "").injectNull(0.6)).as(Inbound.Command::new);
        return Arbitraries.frequencyOf(
                Tuple.of(2, randomText), Tuple.of(2, numbers), Tuple.of(3, label),
                Tuple.of(3, word), Tuple.of(4, choice), Tuple.of(2, command));
    }
}
