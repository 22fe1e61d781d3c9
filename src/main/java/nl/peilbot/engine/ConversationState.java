package nl.peilbot.engine;

import java.time.Instant;
import java.util.Map;

/**
 * Everything needed to resume a conversation, immutable. Stored with the response after every turn.
 *
 * @param currentStep      the question or profile field being asked (stage ASKING), else null
 * @param answers          answers by question id, in flow order; profile fields included
 * @param askedAt          when the current prompt was shown, to time answers
 * @param returnToSummary  the current question was picked from the summary to change
 * @param resumeStage      for CONFIRMING_RESTART: the stage to go back to when the restart is cancelled
 */
public record ConversationState(
        String flowId,
        String flowVersion,
        String language,
        Stage stage,
        String currentStep,
        Map<String, Answer> answers,
        Pending pending,
        Instant askedAt,
        boolean returnToSummary,
        Stage resumeStage) {

    public ConversationState {
        answers = answers == null ? Map.of() : FrozenAnswers.of(answers);
        pending = pending == null ? Pending.NONE : pending;
    }
}
