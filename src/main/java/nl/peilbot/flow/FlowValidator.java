package nl.peilbot.flow;

import java.util.ArrayList;
import java.util.List;

/**
 * Semantic checks of a parsed flow: ids, question shapes, conditions and translations.
 *
 * <p>Every rule adds to one list, so a broken file reports all its problems at once.
 */
final class FlowValidator {

    private FlowValidator() {
    }

    static List<FlowProblem> validate(Flow flow) {
        Problems problems = new Problems(flow.source());
        if (flow.questions().isEmpty()) {
            problems.add(null, "has no questions");
        }
        IdRules.check(flow, problems);
        ShapeRules.check(flow, problems);
        ConditionRules.check(flow, problems);
        TranslationRules.check(flow, problems);
        AnalysisRules.check(flow, problems);
        return new ArrayList<>(problems.all());
    }
}
