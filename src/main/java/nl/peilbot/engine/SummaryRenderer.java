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
