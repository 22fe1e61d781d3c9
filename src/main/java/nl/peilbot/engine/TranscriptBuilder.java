package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.List;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/** Rebuilds the questions and answers given in the chat so far, in flow order and in the state's language. */
final class TranscriptBuilder {

    private final AnswerFormatter formatter;

    TranscriptBuilder(AnswerFormatter formatter) {
        this.formatter = formatter;
    }

    List<TranscriptEntry> transcript(Flow flow, ConversationState state) {
        List<TranscriptEntry> entries = new ArrayList<>();
        for (Question step : flow.steps()) {
            Answer answer = state.answers().get(step.id());
            if (answer == null || StepNavigator.fromInvitation(answer)) {
                continue;
            }
            entries.add(new TranscriptEntry(TranscriptEntry.Speaker.BOT, step.text().in(state.language())));
            entries.add(new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, formatter.format(step, answer, state.language())));
        }
        return entries;
    }
}
