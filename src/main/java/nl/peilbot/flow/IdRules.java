package nl.peilbot.flow;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Ids of questions and fields and option codes: unique where they must be, and safe to use as keys.
 *
 * <p>They become keys of stored answers (no '.' or '$' in MongoDB field names) and button codes
 * (the engine reserves a leading '#' and reads a bare number as an option number), hence the pattern.
 */
final class IdRules {

    static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final String PATTERN_RULE =
            "must start with a letter and contain only letters, digits, '-' and '_'";

    private IdRules() {
    }

    static void check(Flow flow, Problems problems) {
        Set<String> stepIds = new HashSet<>();
        for (Question question : flow.steps()) {
            String id = question.id();
            if (id == null) {
                continue;
            }
            if (!stepIds.add(id)) {
                problems.add(id, "duplicate id '" + id + "': another question or profile field has the same id");
            }
            if (!ID.matcher(id).matches()) {
                problems.add(id, "id '" + id + "' " + PATTERN_RULE);
            }
            unique(question, question.options(), AnswerOption::code, "option code", problems);
            unique(question, question.fields(), Field::id, "field id", problems);
            unique(question, question.coding(), CodingCategory::code, "coding category code", problems);
        }
    }

    private static <T> void unique(Question question, List<T> items, Function<T, String> key, String what,
                                   Problems problems) {
        Set<String> seen = new HashSet<>();
        for (T item : items) {
            String value = key.apply(item);
            if (value == null) {
                continue;
            }
            if (!seen.add(value)) {
                problems.add(question.id(), "duplicate " + what + " '" + value + "'");
            }
            if (!ID.matcher(value).matches()) {
                problems.add(question.id(), what + " '" + value + "' " + PATTERN_RULE);
            }
        }
    }
}
