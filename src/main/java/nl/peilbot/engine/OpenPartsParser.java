package nl.peilbot.engine;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.peilbot.flow.Field;

/** A fixed set of free-text parts, asked one after another. */
final class OpenPartsParser implements AnswerParser {

    @Override
    public ParsedAnswer text(ParseContext context, String text) {
        Optional<ParsedAnswer.Rejected> problem = FreeText.problem(text);
        if (problem.isPresent()) {
            return problem.get();
        }
        Map<String, String> parts = new HashMap<>(context.pending().parts());
        Optional<Field> next = nextPart(context.question().fields(), parts);
        if (next.isEmpty()) {
            return new ParsedAnswer.Accepted(context.answer(List.of(), null, null, List.of(), parts));
        }
        parts.put(next.get().id(), text.strip());
        if (nextPart(context.question().fields(), parts).isPresent()) {
            return new ParsedAnswer.Partial(new Pending(List.of(), false, List.of(), Map.of(), parts));
        }
        return new ParsedAnswer.Accepted(context.answer(List.of(), null, null, List.of(), parts));
    }

    @Override
    public ParsedAnswer choice(ParseContext context, String code) {
        return new ParsedAnswer.Rejected("hint.not.offered");
    }

    static Optional<Field> nextPart(List<Field> fields, Map<String, String> parts) {
        return fields.stream().filter(f -> !parts.containsKey(f.id())).findFirst();
    }
}
