package nl.peilbot.flow;

import java.util.List;
import java.util.Optional;

/**
 * One step of a flow: a survey question or a profile field.
 *
 * @param hint      extra explanation shown with the question, may be null
 * @param options   for choice kinds, in the order they are offered
 * @param fields    for {@link QuestionKind#OPEN_LIST} the fields of one entry, for {@link QuestionKind#OPEN_PARTS} the parts
 * @param maxItems  for {@link QuestionKind#OPEN_LIST} the most entries accepted, otherwise 0
 * @param optional  whether the respondent may skip it
 * @param condition when present, the question is asked only if it holds; may be null
 * @param coding    for open kinds, the categories analysts code answers into (optional {@code coding:} block); may be empty
 */
public record Question(
        String id,
        QuestionKind kind,
        LocalizedText text,
        LocalizedText hint,
        List<AnswerOption> options,
        List<Field> fields,
        int maxItems,
        boolean optional,
        Condition condition,
        List<CodingCategory> coding) {

    public Question {
        options = List.copyOf(options);
        fields = List.copyOf(fields);
        coding = coding == null ? List.of() : List.copyOf(coding);
    }

    /** A question without coding categories. */
    public Question(String id, QuestionKind kind, LocalizedText text, LocalizedText hint, List<AnswerOption> options,
                    List<Field> fields, int maxItems, boolean optional, Condition condition) {
        this(id, kind, text, hint, options, fields, maxItems, optional, condition, List.of());
    }

    public Optional<CodingCategory> category(String code) {
        return coding.stream().filter(c -> c.code().equals(code)).findFirst();
    }

    public Optional<AnswerOption> option(String code) {
        return options.stream().filter(o -> o.code().equals(code)).findFirst();
    }
}
