package nl.peilbot.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/** Builds the states and turns the handlers share: re-asking with a hint, moving to a step, the summary. */
final class Turns {

    private final EngineMessages messages;
    private final PromptRenderer prompts;
    private final ReplyWords words;
    private final OptionCandidates candidates;

    Turns(EngineMessages messages, PromptRenderer prompts, ReplyWords words, OptionCandidates candidates) {
        this.messages = messages;
        this.prompts = prompts;
        this.words = words;
        this.candidates = candidates;
    }

    /** The messages of the current step, without a hint (the end of a withdrawn conversation). */
    List<Outbound> current(Flow flow, ConversationState state) {
        return prompts.current(flow, state);
    }

    /** Input that cannot be used: the state as it was, a hint, and the same prompt again. */
    Turn rejected(Flow flow, ConversationState state, String hintKey, List<Object> arguments) {
        if (state.stage() == Stage.COMPLETED) {
            return new Turn(state, List.of(prompts.closing(flow, state)), false);
        }
        String hint = messages.text(hintKey, state.language(), arguments.toArray());
        return new Turn(state, List.of(new Outbound.Say(hint), prompts.ask(flow, state)), false);
    }

    Turn rejected(Flow flow, ConversationState state, String hintKey) {
        return rejected(flow, state, hintKey, List.of());
    }

    /** The state unchanged, with some messages and then the current prompt. */
    Turn same(Flow flow, ConversationState state, Outbound.Say before) {
        return new Turn(state, List.of(before, prompts.ask(flow, state)), true);
    }

    /** The current step shown again in full (intro, summary) after {@code before}. */
    Turn shown(Flow flow, ConversationState state, List<Outbound> before) {
        List<Outbound> out = new ArrayList<>(before);
        out.addAll(prompts.current(flow, state));
        return new Turn(state, out, true);
    }

    /** Stays at the current question with more gathered for it. */
    Turn gathered(Flow flow, ConversationState state, ParsedAnswer.Partial partial) {
        ConversationState next = new ConversationState(state.flowId(), state.flowVersion(), state.language(), state.stage(),
                state.currentStep(), state.answers(), partial.pending(), state.askedAt(), state.returnToSummary(),
                state.resumeStage());
        if (partial.noteKey() == null) {
            return new Turn(next, List.of(prompts.ask(flow, next)), true);
        }
        String note = messages.text(partial.noteKey(), state.language(), partial.noteArguments().toArray());
        return new Turn(next, List.of(new Outbound.Say(note), prompts.ask(flow, next)), true);
    }

    /** Stores {@code answer} (dropping answers that no longer apply) and moves on to the next step or the summary. */
    Turn answered(Flow flow, ConversationState state, Answer answer, Instant now) {
        return advance(flow, state, StepNavigator.with(flow, state.answers(), answer), now, List.of());
    }

    /** With {@code answers}, to the first unanswered step, or the summary when none is left. */
    Turn advance(Flow flow, ConversationState state, Map<String, Answer> answers, Instant now, List<Outbound> before) {
        Optional<Question> next = StepNavigator.next(flow, answers);
        if (next.isPresent()) {
            return askingAt(flow, state, next.get().id(), answers, false, now, before);
        }
        return shown(flow, withStage(state, Stage.SUMMARY, answers, now), before);
    }

    Turn askingAt(Flow flow, ConversationState state, String stepId, Map<String, Answer> answers, boolean returnToSummary,
                  Instant now, List<Outbound> before) {
        ConversationState next = new ConversationState(state.flowId(), state.flowVersion(), state.language(), Stage.ASKING,
                stepId, answers, pendingFor(flow, stepId, answers), now, returnToSummary, null);
        return shown(flow, next, before);
    }

    /**
     * Back at an answered multiple choice, its options start out pressed, so that pressing one more and "klaar"
     * adds to the answer instead of replacing it.
     */
    private static Pending pendingFor(Flow flow, String stepId, Map<String, Answer> answers) {
        Answer answer = answers.get(stepId);
        boolean multiple = flow.step(stepId).map(q -> q.kind() instanceof QuestionKind.MultipleChoice).orElse(false);
        if (answer == null || answer.skipped() || !multiple) {
            return Pending.NONE;
        }
        return new Pending(answer.codes(), false, List.of(), Map.of(), Map.of());
    }

    /** A stage without a current step (consent, declined, summary, change, completed). */
    static ConversationState withStage(ConversationState state, Stage stage, Map<String, Answer> answers, Instant now) {
        return new ConversationState(state.flowId(), state.flowVersion(), state.language(), stage, null, answers,
                Pending.NONE, now, false, null);
    }

    ParseContext context(Flow flow, ConversationState state, Instant now) {
        Question question = flow.step(state.currentStep()).orElseThrow();
        long seconds = state.askedAt() == null ? 0 : Math.max(0, Duration.between(state.askedAt(), now).toSeconds());
        return new ParseContext(flow, question, state.pending(), state.language(), now, seconds, words, candidates);
    }

    /** Applies what a reply to the current question amounted to. */
    Turn apply(Flow flow, ConversationState state, ParseContext context, ParsedAnswer parsed) {
        if (parsed instanceof ParsedAnswer.Rejected rejected) {
            return rejected(flow, state, rejected.hintKey(), rejected.arguments());
        }
        if (parsed instanceof ParsedAnswer.Partial partial) {
            return gathered(flow, state, partial);
        }
        if (parsed instanceof ParsedAnswer.Accepted accepted) {
            return answered(flow, state, accepted.answer(), context.now());
        }
        return answered(flow, state, context.skipped(), context.now());
    }
}
