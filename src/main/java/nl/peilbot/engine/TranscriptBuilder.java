package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.List;

import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/** Rebuilds the questions and answers given in the chat so far, in flow order and in the state's language. */
final class TranscriptBuilder {

    private final AnswerFormatter formatter;

    TranscriptBuilder(AnswerFormatter formatter) {
        this.formatter = formatter;
    }

    /**
     * Stored answers, and for the question being asked what was already given for it (open-list entries, a half
     * entry, parts), so a respondent who reconnects in the middle of a list sees the entries given.
     */
    List<TranscriptEntry> transcript(Flow flow, ConversationState state) {
        List<TranscriptEntry> entries = new ArrayList<>();
        List<String> gathered = state.stage() == Stage.ASKING ? gathered(flow, state) : List.of();
        for (Question step : flow.steps()) {
            if (!gathered.isEmpty() && step.id().equals(state.currentStep())) {
                entries.add(new TranscriptEntry(TranscriptEntry.Speaker.BOT, step.text().in(state.language())));
                gathered.forEach(text -> entries.add(new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, text)));
                continue;
            }
            Answer answer = state.answers().get(step.id());
            if (answer == null || StepNavigator.fromInvitation(answer)) {
                continue;
            }
            entries.add(new TranscriptEntry(TranscriptEntry.Speaker.BOT, step.text().in(state.language())));
            entries.add(new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, formatter.format(step, answer, state.language())));
        }
        return entries;
    }

    /** What the respondent gave for the current question so far, one text per list entry or part. */
    private static List<String> gathered(Flow flow, ConversationState state) {
        Pending pending = state.pending();
        Question question = flow.step(state.currentStep()).orElse(null);
        if (question == null) {
            return List.of();
        }
        List<String> texts = new ArrayList<>();
        pending.entries().forEach(entry -> texts.add(AnswerFormatter.entryText(question.fields(), entry)));
        if (!pending.entry().isEmpty()) {
            texts.add(AnswerFormatter.entryText(question.fields(), pending.entry()));
        }
        for (Field field : question.fields()) {
            String part = pending.parts().get(field.id());
            if (part != null) {
                texts.add(part);
            }
        }
        return texts;
    }
}
