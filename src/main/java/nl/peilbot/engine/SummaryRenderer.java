package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.List;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/** The summary of all answers before submitting, and the numbered list of answers that can be changed. */
final class SummaryRenderer {

    private static final int BUTTON_LABEL_LENGTH = 80;

    private final EngineMessages messages;
    private final AnswerFormatter formatter;

    SummaryRenderer(EngineMessages messages, AnswerFormatter formatter) {
        this.messages = messages;
        this.formatter = formatter;
    }

    /** Heading, then invitation-given profile answers as bullets, then the changeable answers numbered as on the change buttons. */
    String summary(Flow flow, ConversationState state) {
        String language = state.language();
        StringBuilder text = new StringBuilder(messages.text("summary.heading", language));
        int number = 0;
        for (Question step : flow.steps()) {
            Answer answer = state.answers().get(step.id());
            if (answer == null) {
                continue;
            }
            text.append('\n');
            if (StepNavigator.fromInvitation(answer)) {
                text.append("• ");
            } else {
                text.append(++number).append(". ");
            }
            text.append(step.text().in(language)).append(" — ").append(formatter.format(step, answer, language));
        }
        return text.toString();
    }

    /** Every answer kept, for the respondent who asks for their data: the summary's lines and what is gathered now. */
    String allAnswers(Flow flow, ConversationState state) {
        String language = state.language();
        boolean gathering = state.currentStep() != null && !state.pending().equals(Pending.NONE);
        if (state.answers().isEmpty() && !gathering) {
            return messages.text("mydata.none", language);
        }
        StringBuilder text = new StringBuilder(summary(flow, state).replaceFirst(
                java.util.regex.Pattern.quote(messages.text("summary.heading", language)),
                java.util.regex.Matcher.quoteReplacement(messages.text("mydata.heading", language))));
        if (gathering) {
            flow.step(state.currentStep()).ifPresent(step -> text.append('\n').append(messages.text("mydata.pending",
                    language, step.text().in(language), String.join("; ", gathered(step, state.pending(), language)))));
        }
        return text.append("\n\n").append(messages.text("mydata.rights", language)).toString();
    }

    /** What was gathered for {@code step} so far, each entry and part in the order of the question's fields. */
    private static List<String> gathered(Question step, Pending pending, String language) {
        List<String> given = new ArrayList<>(pending.selected().stream()
                .map(code -> step.option(code).map(o -> o.label().in(language)).orElse(code)).toList());
        List<java.util.Map<String, String>> entries = new ArrayList<>(pending.entries());
        entries.add(pending.entry());
        entries.add(pending.parts());
        for (java.util.Map<String, String> entry : entries) {
            List<String> values = step.fields().stream().map(f -> entry.get(f.id())).filter(java.util.Objects::nonNull).toList();
            if (!values.isEmpty()) {
                given.add(String.join(": ", values));
            }
        }
        return given;
    }

    /** One button per answer given in the chat: code = question id, number = its position in the summary. */
    List<Button> changeButtons(Flow flow, ConversationState state) {
        List<Button> buttons = new ArrayList<>();
        for (Question step : flow.steps()) {
            Answer answer = state.answers().get(step.id());
            if (answer != null && !StepNavigator.fromInvitation(answer)) {
                buttons.add(new Button(step.id(), shorten(step.text().in(state.language())), buttons.size() + 1));
            }
        }
        return buttons;
    }

    private static String shorten(String text) {
        return text.length() <= BUTTON_LABEL_LENGTH ? text : text.substring(0, BUTTON_LABEL_LENGTH - 1).strip() + "…";
    }
}
