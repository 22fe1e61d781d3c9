package nl.peilbot.flow;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks that a new flow version does not re-interpret answers stored under an older one.
 *
 * <p>Stored answers keep question ids, option codes and field ids, so those must keep their meaning:
 * same survey and wave, a kept question keeps its kind, a label stays with its code or field id,
 * a kept field keeps its label in at least one language, and no stored answer becomes invalid
 * (an option turned exclusive, a lower max-items). Rewording, adding and deleting are fine.
 * The rules are documented in {@code conversation-flows/README.md}.
 */
final class FlowCompatibility {

    private FlowCompatibility() {
    }

    static List<FlowProblem> check(Flow previous, Flow current) {
        Problems problems = new Problems(current.source());
        if (!Objects.equals(previous.id(), current.id()) || !Objects.equals(previous.wave(), current.wave())) {
            problems.add(null, "survey '" + previous.id() + "' wave " + previous.wave() + " became '" + current.id()
                    + "' wave " + current.wave() + ": a new survey or wave is a new flow file, not a new version");
            return new ArrayList<>(problems.all());
        }
        List<String> languages = commonLanguages(previous, current);
        for (Question now : current.steps()) {
            previous.step(now.id()).ifPresent(before -> compare(before, now, languages, problems));
        }
        return new ArrayList<>(problems.all());
    }

    private static void compare(Question before, Question now, List<String> languages, Problems problems) {
        String id = now.id();
        if (before.kind() == null || now.kind() == null || !before.kind().yamlName().equals(now.kind().yamlName())) {
            problems.add(id, "kind changed from " + name(before.kind()) + " to " + name(now.kind())
                    + ": stored answers have the old kind; a question with another kind needs a new id");
            return;
        }
        labelsStay(id, "option", before.options(), now.options(), AnswerOption::code, AnswerOption::label, languages, problems);
        labelsStay(id, "field", before.fields(), now.fields(), Field::id, Field::label, languages, problems);
        fieldsKeepALabel(id, before, now, languages, problems);
        noNewExclusives(id, before, now, problems);
        if (before.kind() instanceof QuestionKind.Rating old && now.kind() instanceof QuestionKind.Rating rating
                && (old.min() != rating.min() || old.max() != rating.max())) {
            problems.add(id, "rating scale changed from " + old.min() + "-" + old.max() + " to " + rating.min() + "-" + rating.max()
                    + ": stored ratings would mean something else; a question with another scale needs a new id");
        }
        if (before.kind() instanceof QuestionKind.Numeric old && now.kind() instanceof QuestionKind.Numeric number
                && number.decimals() < old.decimals()) {
            problems.add(id, "decimals lowered from " + old.decimals() + " to " + number.decimals()
                    + ": stored numbers may have more decimals");
        }
        if (now.kind() instanceof QuestionKind.OpenList && now.maxItems() < before.maxItems()) {
            problems.add(id, "max-items lowered from " + before.maxItems() + " to " + now.maxItems()
                    + ": stored answers may have more entries");
        }
    }

    /** A field whose label changed in every language is a different field under an old id. */
    private static void fieldsKeepALabel(String id, Question before, Question now, List<String> languages, Problems problems) {
        for (Field field : now.fields()) {
            before.fields().stream().filter(f -> Objects.equals(f.id(), field.id())).findFirst()
                    .filter(old -> languages.stream().noneMatch(l -> Labels.same(old.label(), field.label(), l)))
                    .ifPresent(old -> problems.add(id, "field '" + field.id() + "' has a different label in every language ('"
                            + old.label().in(languages.get(0)) + "' became '" + field.label().in(languages.get(0))
                            + "'): stored entries would be re-read; a different field needs a new id"));
        }
    }

    private static void noNewExclusives(String id, Question before, Question now, Problems problems) {
        if (!(now.kind() instanceof QuestionKind.MultipleChoice)) {
            return;
        }
        for (AnswerOption option : now.options()) {
            before.option(option.code()).filter(old -> !old.exclusive() && option.exclusive())
                    .ifPresent(old -> problems.add(id, "option '" + option.code() + "' became exclusive:"
                            + " stored answers that combine it with other options would no longer be valid"));
        }
    }

    /** A label that belonged to code A in the previous version must not now belong to code B. */
    private static <T> void labelsStay(String id, String what, List<T> before, List<T> now, Function<T, String> code,
                                       Function<T, LocalizedText> label, List<String> languages, Problems problems) {
        for (T item : now) {
            Map<String, String> takenFrom = before.stream()
                    .filter(old -> !Objects.equals(code.apply(old), code.apply(item)))
                    .filter(old -> languages.stream().anyMatch(l -> Labels.same(label.apply(old), label.apply(item), l)))
                    .collect(Collectors.toMap(code, old -> label.apply(old).in(languages.get(0)), (a, b) -> a));
            takenFrom.forEach((otherCode, text) -> problems.add(id, what + " '" + code.apply(item) + "' now has the label '"
                    + text + "' that belonged to " + what + " '" + otherCode + "' in the previous version:"
                    + " stored answers would be re-read; keep the " + (what.equals("option") ? "code" : "id") + " with its label"));
        }
    }

    /** Languages both versions declare, the current default first; at least the default language. */
    private static List<String> commonLanguages(Flow previous, Flow current) {
        List<String> common = current.languages().stream().filter(previous.languages()::contains).toList();
        return common.isEmpty() ? List.of(current.defaultLanguage()) : common;
    }

    private static String name(QuestionKind kind) {
        return kind == null ? "unknown" : kind.yamlName();
    }
}
