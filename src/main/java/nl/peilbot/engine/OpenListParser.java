package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.peilbot.flow.Field;

/**
 * Entries of several fields, asked field by field; one text may fill several fields split at ':'
 * ("Radiologie: beeldherkenning"). Ends at {@code maxItems} entries or with {@code #done} after a complete entry.
 */
final class OpenListParser implements AnswerParser {

    @Override
    public ParsedAnswer text(ParseContext context, String text) {
        Pending pending = context.pending();
        if (TextMatcher.isOneOf(text, context.words().done()) && pending.entry().isEmpty()) {
            return choice(context, DONE);
        }
        Optional<ParsedAnswer.Rejected> problem = FreeText.problem(text);
        if (problem.isPresent()) {
            return problem.get();
        }
        List<Field> open = openFields(context);
        String[] values = open.size() > 1 ? text.split(":", open.size()) : new String[] {text};
        Map<String, String> entry = new HashMap<>(pending.entry());
        for (int i = 0; i < values.length && i < open.size(); i++) {
            String value = values[i].strip();
            if (value.isEmpty()) {
                if (i == 0) {
                    return new ParsedAnswer.Rejected("hint.empty");
                }
                break;
            }
            Optional<ParsedAnswer.Rejected> tooLong = FreeText.problem(value);
            if (tooLong.isPresent()) {
                return tooLong.get();
            }
            entry.put(open.get(i).id(), value);
        }
        if (entry.size() < context.question().fields().size()) {
            return new ParsedAnswer.Partial(new Pending(List.of(), false, pending.entries(), entry, Map.of()));
        }
        List<Map<String, String>> entries = new ArrayList<>(pending.entries());
        entries.add(entry);
        int max = context.question().maxItems();
        if (max > 0 && entries.size() >= max) {
            return new ParsedAnswer.Accepted(context.answer(List.of(), null, null, entries, Map.of()));
        }
        return new ParsedAnswer.Partial(new Pending(List.of(), false, entries, Map.of(), Map.of()));
    }

    @Override
    public ParsedAnswer choice(ParseContext context, String code) {
        if (!code.equals(DONE)) {
            return new ParsedAnswer.Rejected("hint.not.offered");
        }
        Pending pending = context.pending();
        if (!pending.entry().isEmpty()) {
            return new ParsedAnswer.Rejected("hint.entry.incomplete");
        }
        if (pending.entries().isEmpty()) {
            return new ParsedAnswer.Rejected("hint.list.empty");
        }
        return new ParsedAnswer.Accepted(context.answer(List.of(), null, null, pending.entries(), Map.of()));
    }

    /** The fields of the current entry still to fill, in flow order. */
    static List<Field> openFields(ParseContext context) {
        return openFields(context.question().fields(), context.pending().entry());
    }

    static List<Field> openFields(List<Field> fields, Map<String, String> entry) {
        return fields.stream().filter(f -> !entry.containsKey(f.id())).toList();
    }
}
