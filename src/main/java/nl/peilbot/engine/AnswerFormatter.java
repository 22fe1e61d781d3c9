package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import nl.peilbot.flow.Field;
import nl.peilbot.flow.Question;

/** Renders a stored answer as one line of text in a language, for the summary, the current value and the transcript. */
final class AnswerFormatter {

    private final EngineMessages messages;

    AnswerFormatter(EngineMessages messages) {
        this.messages = messages;
    }

    String format(Question question, Answer answer, String language) {
        if (answer.skipped()) {
            return messages.text("answer.skipped", language);
        }
        if (!answer.choices().isEmpty()) {
            return answer.choices().stream().map(choice -> choiceText(question, choice, answer, language))
                    .collect(Collectors.joining(", "));
        }
        if (answer.text() != null) {
            return answer.text();
        }
        if (answer.value() != null) {
            String value = NumberText.format(answer.value(), language);
            return question.kind() instanceof nl.peilbot.flow.QuestionKind.Numeric number && number.unit() != null
                    ? value + " " + number.unit().in(language) : value;
        }
        if (!answer.entries().isEmpty()) {
            return answer.entries().stream().map(entry -> entryText(question.fields(), entry)).collect(Collectors.joining("; "));
        }
        List<String> parts = new ArrayList<>();
        for (Field field : question.fields()) {
            String value = answer.parts().get(field.id());
            if (value != null) {
                parts.add(field.label().in(language) + ": " + value);
            }
        }
        return String.join("; ", parts);
    }

    private String choiceText(Question question, ChosenOption choice, Answer answer, String language) {
        var option = question.option(choice.code());
        String label = option.map(o -> o.label().in(language)).orElse(choice.label());
        if (answer.otherText() != null && option.map(o -> o.other()).orElse(false)) {
            return messages.text("answer.other", language, label, answer.otherText());
        }
        return label;
    }

    static String entryText(List<Field> fields, Map<String, String> entry) {
        return fields.stream().map(f -> entry.get(f.id())).filter(Objects::nonNull).collect(Collectors.joining(": "));
    }
}
