package nl.peilbot.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/** The question being answered, what was gathered for it so far, and when; makes the resulting {@link Answer}. */
record ParseContext(Flow flow, Question question, Pending pending, String language, Instant now, long secondsTaken,
                    ReplyWords words, OptionCandidates candidates) {

    Answer answer(List<String> codes, String otherText, String text, List<Map<String, String>> entries,
                  Map<String, String> parts) {
        List<ChosenOption> choices = codes.stream().map(this::chosen).toList();
        return new Answer(question.id(), choices, otherText, text, entries, parts, false, StepNavigator.CHAT, now,
                secondsTaken);
    }

    Answer number(java.math.BigDecimal value) {
        return new Answer(question.id(), List.of(), null, null, List.of(), Map.of(), value, false, StepNavigator.CHAT,
                now, secondsTaken);
    }

    Answer skipped() {
        return new Answer(question.id(), List.of(), null, null, List.of(), Map.of(), true, StepNavigator.CHAT, now,
                secondsTaken);
    }

    List<Candidate> options() {
        return candidates.of(flow, question);
    }

    String label(String code) {
        return question.option(code).map(o -> o.label().in(language)).orElse(code);
    }

    private ChosenOption chosen(String code) {
        AnswerOption option = question.option(code).orElseThrow();
        return new ChosenOption(code, option.label().in(flow.defaultLanguage()));
    }
}
