package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.peilbot.flow.Field;

/**
 * Entries of several fields, asked field by field; one text may fill a name field and the next at once, split at its
 * first colon ("Radiologie: beeldherkenning") when {@link EntryText} finds that colon a separator. A text that is no
 * name where a name is asked is kept as the description, and the name is asked for. Ends at {@code maxItems}
 * entries or with {@code #done} after a complete entry.
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
        List<Field> fields = context.question().fields();
        List<Field> open = openFields(context);
        Map<String, String> entry = new HashMap<>(pending.entry());
        String noteKey = null;
        List<Object> noteArguments = List.of();
        String rest = text.strip();
        for (int i = 0; i < open.size() && !rest.isEmpty(); i++) {
            Field field = open.get(i);
            boolean last = i == open.size() - 1;
            String value = rest;
            rest = "";
            if (!last) {
                int colon = EntryText.separator(value);
                if (colon >= 0) {
                    rest = value.substring(colon + 1).strip();
                    value = value.substring(0, colon).strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                } else if (!EntryText.plausibleName(value)) {
                    // Not a name but a description: keep it as the last field and ask for the name.
                    Field described = open.get(open.size() - 1);
                    entry.put(described.id(), value);
                    noteKey = "list.noted";
                    noteArguments = List.of(described.label().in(context.language()), field.label().in(context.language()));
                    break;
                }
            } else if (EntryText.isName(fields, field) && !EntryText.plausibleName(value)) {
                return new ParsedAnswer.Rejected("hint.list.name", List.of(field.label().in(context.language())));
            }
            Optional<ParsedAnswer.Rejected> tooLong = FreeText.problem(value);
            if (tooLong.isPresent()) {
                return tooLong.get();
            }
            entry.put(field.id(), value);
        }
        if (entry.equals(pending.entry())) {
            return new ParsedAnswer.Rejected("hint.empty");
        }
        if (entry.size() < context.question().fields().size()) {
            return new ParsedAnswer.Partial(new Pending(List.of(), false, pending.entries(), entry, Map.of()), noteKey,
                    noteArguments);
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
