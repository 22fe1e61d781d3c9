package nl.peilbot.engine;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/** Carries out the commands: start, back, skip, help, restart, language, where, my data and delete. */
final class CommandHandler {

    private final EngineMessages messages;
    private final Turns turns;
    private final CommandRecognizer recognizer;
    private final SummaryRenderer summaries;

    CommandHandler(EngineMessages messages, Turns turns, CommandRecognizer recognizer, SummaryRenderer summaries) {
        this.messages = messages;
        this.turns = turns;
        this.recognizer = recognizer;
        this.summaries = summaries;
    }

    Turn handle(Flow flow, ConversationState state, CommandName name, String argument, Instant now) {
        return switch (name) {
            case START -> start(flow, state, now);
            case BACK -> back(flow, state, now);
            case SKIP -> skip(flow, state, now);
            case HELP -> turns.same(flow, state, say("help", state));
            case RESTART -> restart(flow, state);
            case LANGUAGE -> language(flow, state, argument);
            case WHERE -> turns.same(flow, state, new Outbound.Say(where(flow, state)));
            case MY_DATA -> myData(flow, state);
            case DELETE -> delete(flow, state);
        };
    }

    private Turn start(Flow flow, ConversationState state, Instant now) {
        if (state.stage() == Stage.DECLINED) {
            return turns.shown(flow, Turns.withStage(state, Stage.CONSENT, state.answers(), now), List.of());
        }
        return turns.shown(flow, state, List.of());
    }

    private Turn back(Flow flow, ConversationState state, Instant now) {
        switch (state.stage()) {
            case ASKING -> {
                if (state.returnToSummary()) {
                    return turns.shown(flow, Turns.withStage(state, Stage.SUMMARY, state.answers(), now), List.of());
                }
                Optional<Question> previous = StepNavigator.previous(flow, state.answers(), state.currentStep());
                return previous.map(q -> turns.askingAt(flow, state, q.id(), state.answers(), false, now, List.of()))
                        .orElseGet(() -> turns.rejected(flow, state, "hint.no.previous"));
            }
            case SUMMARY -> {
                Optional<Question> last = StepNavigator.previous(flow, state.answers(), null);
                return last.map(q -> turns.askingAt(flow, state, q.id(), state.answers(), false, now, List.of()))
                        .orElseGet(() -> turns.rejected(flow, state, "hint.no.previous"));
            }
            case CHOOSING_CHANGE -> {
                return turns.shown(flow, Turns.withStage(state, Stage.SUMMARY, state.answers(), now), List.of());
            }
            case CONFIRMING_RESTART, CONFIRMING_DELETE -> {
                return resume(flow, state);
            }
            default -> {
                return turns.rejected(flow, state, "hint.no.previous");
            }
        }
    }

    private Turn skip(Flow flow, ConversationState state, Instant now) {
        if (state.stage() != Stage.ASKING) {
            return turns.rejected(flow, state, "hint.skip.not.allowed");
        }
        ParseContext context = turns.context(flow, state, now);
        if (context.question().optional() && state.pending().wouldLoseOnSkip(state.answers().get(state.currentStep()))) {
            return turns.rejected(flow, state, state.pending().entries().isEmpty() || !state.pending().entry().isEmpty()
                    ? "hint.skip.would.lose" : "hint.skip.use.done");
        }
        ParsedAnswer parsed = AnswerParser.forKind(context.question().kind()).skip(context);
        return turns.apply(flow, state, context, parsed);
    }

    private Turn restart(Flow flow, ConversationState state) {
        return switch (state.stage()) {
            case ASKING, SUMMARY, CHOOSING_CHANGE -> {
                ConversationState confirming = new ConversationState(state.flowId(), state.flowVersion(), state.language(),
                        Stage.CONFIRMING_RESTART, state.currentStep(), state.answers(), state.pending(), state.askedAt(),
                        state.returnToSummary(), state.stage());
                yield turns.shown(flow, confirming, List.of());
            }
            case CONFIRMING_RESTART -> turns.shown(flow, state, List.of());
            default -> turns.rejected(flow, state, "hint.nothing.to.restart");
        };
    }

    /** Every answer kept, readable; the state stays as it is. */
    private Turn myData(Flow flow, ConversationState state) {
        Outbound.Say data = new Outbound.Say(summaries.allAnswers(flow, state));
        if (state.stage() == Stage.COMPLETED) {
            return new Turn(state, List.of(data), true);
        }
        return turns.same(flow, state, data);
    }

    private Turn delete(Flow flow, ConversationState state) {
        if (state.stage() == Stage.CONFIRMING_DELETE) {
            return turns.shown(flow, state, List.of());
        }
        Stage resume = state.stage() == Stage.CONFIRMING_RESTART ? state.resumeStage() : state.stage();
        ConversationState confirming = new ConversationState(state.flowId(), state.flowVersion(), state.language(),
                Stage.CONFIRMING_DELETE, state.currentStep(), state.answers(), state.pending(), state.askedAt(),
                state.returnToSummary(), resume);
        return turns.shown(flow, confirming, List.of());
    }

    /** Deletion confirmed: nothing is left; the caller erases the response. */
    Turn deleteConfirmed(Flow flow, ConversationState state, Instant now) {
        ConversationState withdrawn = new ConversationState(state.flowId(), state.flowVersion(), state.language(),
                Stage.WITHDRAWN, null, java.util.Map.of(), Pending.NONE, now, false, null);
        return new Turn(withdrawn, turns.current(flow, withdrawn), true);
    }

    /** Restart confirmed: chat answers go, the invitation's profile answers and the consent stay. */
    Turn restartConfirmed(Flow flow, ConversationState state, Instant now) {
        return turns.advance(flow, state, StepNavigator.invitationAnswers(state.answers()), now, List.of(say("restart.done", state)));
    }

    /** Restart cancelled: back to where the respondent was, with what was gathered for the current question. */
    Turn resume(Flow flow, ConversationState state) {
        ConversationState resumed = new ConversationState(state.flowId(), state.flowVersion(), state.language(),
                state.resumeStage(), state.currentStep(), state.answers(), state.pending(), state.askedAt(),
                state.returnToSummary(), null);
        String cancelled = state.stage() == Stage.CONFIRMING_DELETE ? "delete.cancelled" : "restart.cancelled";
        return turns.shown(flow, resumed, List.of(say(cancelled, state)));
    }

    private Turn language(Flow flow, ConversationState state, String argument) {
        Optional<String> target = argument == null || argument.isBlank()
                ? Optional.of(following(flow.languages(), state.language()))
                : recognizer.language(argument, flow.languages());
        if (target.isEmpty()) {
            String names = flow.languages().stream().map(l -> messages.text("language.name", l)).collect(Collectors.joining(", "));
            return turns.rejected(flow, state, "hint.unknown.language", List.of(names));
        }
        ConversationState switched = new ConversationState(state.flowId(), state.flowVersion(), target.get(), state.stage(),
                state.currentStep(), state.answers(), state.pending(), state.askedAt(), state.returnToSummary(),
                state.resumeStage());
        return turns.shown(flow, switched, List.of(say("language.switched", switched)));
    }

    private static String following(List<String> languages, String current) {
        int index = languages.indexOf(current);
        return languages.get((index + 1) % languages.size());
    }

    private String where(Flow flow, ConversationState state) {
        String language = state.language();
        Stage stage = state.stage();
        return switch (stage) {
            case CONSENT -> messages.text("where.consent", language);
            case DECLINED -> messages.text("where.declined", language);
            case ASKING -> {
                // The same numbers as the progress shown with the question.
                StepNavigator.Position position = StepNavigator.position(flow, state.answers(), state.currentStep());
                yield position == null
                        ? messages.text("where.profile", language)
                        : messages.text("where.question", language, position.current(), position.total(),
                                position.total() - position.current());
            }
            case SUMMARY -> messages.text("where.summary", language);
            case CHOOSING_CHANGE -> messages.text("where.change", language);
            case CONFIRMING_RESTART -> messages.text("where.restart", language);
            case CONFIRMING_DELETE -> messages.text("where.delete", language);
            case COMPLETED, WITHDRAWN -> flow.closing().in(language);
        };
    }

    private Outbound.Say say(String key, ConversationState state) {
        return new Outbound.Say(messages.text(key, state.language()));
    }
}
