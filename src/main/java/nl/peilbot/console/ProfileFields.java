package nl.peilbot.console;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * The console's view of a survey's profile, from its flow: which field names the unit of analysis (the dashboard
 * groups by it, the invitation form and import require it) and which are dimensions (shown beside a respondent).
 */
final class ProfileFields {

    private final Flow flow;

    ProfileFields(Flow flow) {
        this.flow = flow;
    }

    /** The profile field naming the unit, if the flow declares one. */
    Optional<Question> unitField() {
        return flow.unitField();
    }

    /** The unit named in an invitation's profile, or null. */
    String unit(Map<String, String> profile) {
        return unitField().map(field -> profile.get(field.id())).orElse(null);
    }

    /** The dimensions' option labels in an invitation's profile, in flow order, for a respondent's row ("CIO, Academisch"). */
    String dimensions(Map<String, String> profile) {
        List<String> labels = flow.dimensions().stream().map(field -> {
            String code = profile.get(field.id());
            return code == null ? null : field.option(code).map(o -> o.label().in(flow.defaultLanguage())).orElse(code);
        }).filter(Objects::nonNull).toList();
        return labels.isEmpty() ? null : String.join(", ", labels);
    }

    /** The option of a single-choice field a typed value names: its code or a label in any language. */
    static Optional<String> option(Question field, String value) {
        String typed = normalised(value);
        return field.options().stream().filter(option -> names(option, typed)).map(AnswerOption::code).findFirst();
    }

    private static boolean names(AnswerOption option, String typed) {
        return normalised(option.code()).equals(typed)
                || option.label().byLanguage().values().stream().anyMatch(label -> normalised(label).equals(typed));
    }

    /** Case, accents, spaces and punctuation ignored: "Type ziekenhuis", "type_ziekenhuis" and "TypeZiekenhuis" are one. */
    static String normalised(String text) {
        String plain = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
