package nl.peilbot.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code analysis:} block names fields that exist and fit their role: the unit is a profile field, the
 * dimensions are single-choice profile fields, the counted field is a field of an open-list question, and no
 * spelling counts for two categories.
 */
final class AnalysisRules {

    private static final String WHERE = "analysis";

    private AnalysisRules() {
    }

    static void check(Flow flow, Problems problems) {
        Analysis analysis = flow.analysis();
        analysis.unitOfAnalysis().ifPresent(unit -> unit(flow, unit, problems));
        Set<String> seen = new HashSet<>();
        for (Analysis.Dimension declared : analysis.dimensions()) {
            String dimension = declared.field();
            if (dimension == null) {
                continue;
            }
            if (!seen.add(dimension)) {
                problems.add(WHERE, "dimension '" + dimension + "' is listed twice");
            }
            Optional<Question> field = profileField(flow, dimension);
            if (field.isEmpty()) {
                problems.add(WHERE, "dimension '" + dimension + "' is no profile field");
            } else if (field.get().kind() != QuestionKind.SINGLE_CHOICE) {
                problems.add(WHERE, "dimension '" + dimension + "' must be a single-choice profile field, so results can be filtered by its codes");
            } else if (analysis.unitOfAnalysis().map(u -> u.field().equals(dimension)).orElse(false)) {
                problems.add(WHERE, "dimension '" + dimension + "' is the unit of analysis");
            }
        }
        analysis.countedField().ifPresent(counted -> counted(flow, counted, problems));
        for (String language : flow.languages()) {
            analysis.unitOfAnalysis().ifPresent(unit -> {
                translated(unit.label(), language, "the unit's label", problems);
                translated(unit.plural(), language, "the unit's plural", problems);
            });
            analysis.dimensions().forEach(d -> translated(d.label(), language,
                    "the label of dimension '" + d.field() + "'", problems));
            analysis.countedField().ifPresent(counted -> {
                translated(counted.label(), language, "the counted field's label", problems);
                counted.categories().forEach(c -> translated(c.label(), language,
                        "the label of counted category '" + c.code() + "'", problems));
            });
        }
    }

    private static void unit(Flow flow, Analysis.Unit unit, Problems problems) {
        if (unit.field() != null && profileField(flow, unit.field()).isEmpty()) {
            problems.add(WHERE, "the unit '" + unit.field() + "' is no profile field");
        }
    }

    private static void counted(Flow flow, Analysis.CountedField counted, Problems problems) {
        String field = counted.field();
        boolean listed = flow.questions().stream().filter(q -> q.kind() == QuestionKind.OPEN_LIST)
                .anyMatch(q -> q.fields().stream().anyMatch(f -> f.id().equals(field)));
        if (field != null && !listed) {
            problems.add(WHERE, "the counted field '" + field + "' is no field of an open-list question");
        }
        Set<String> codes = new HashSet<>();
        Map<String, String> owners = new HashMap<>();
        for (Analysis.CountedCategory category : counted.categories()) {
            if (category.code() == null) {
                continue;
            }
            if (!codes.add(category.code())) {
                problems.add(WHERE, "duplicate counted category code '" + category.code() + "'");
            }
            if (!IdRules.ID.matcher(category.code()).matches()) {
                problems.add(WHERE, "counted category code '" + category.code() + "' must start with a letter and contain only letters, digits, '-' and '_'");
            }
            category.names().map(Labels::normalized).distinct().forEach(name -> {
                String owner = owners.putIfAbsent(name, category.code());
                if (owner != null && !owner.equals(category.code())) {
                    problems.add(WHERE, "'" + name + "' names both counted categories '" + owner + "' and '"
                            + category.code() + "'");
                }
            });
        }
    }

    private static Optional<Question> profileField(Flow flow, String id) {
        return flow.profile().stream().filter(q -> id.equals(q.id())).findFirst();
    }

    private static void translated(LocalizedText text, String language, String what, Problems problems) {
        if (text != null && !text.byLanguage().isEmpty() && !text.has(language)) {
            problems.add(WHERE, "missing '" + language + "' translation of " + what);
        }
    }
}
