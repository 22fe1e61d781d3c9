package nl.peilbot.flow;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Skip logic: a condition may only look back at an earlier choice question, name its option codes,
 * and must leave a way to reach the question.
 *
 * <p>Only looking back keeps the flow free of cycles: the engine decides whether a step applies from
 * the answers given so far, in flow order.
 */
final class ConditionRules {

    private ConditionRules() {
    }

    static void check(Flow flow, Problems problems) {
        List<Question> steps = flow.steps();
        Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < steps.size(); i++) {
            positions.putIfAbsent(steps.get(i).id(), i);
        }
        Set<String> unreachable = new HashSet<>();
        for (int i = 0; i < steps.size(); i++) {
            Question question = steps.get(i);
            Condition condition = question.condition();
            if (condition != null && condition.questionId() != null
                    && !reachable(question, i, steps, positions, unreachable, problems)) {
                unreachable.add(question.id());
            }
        }
    }

    private static boolean reachable(Question question, int position, List<Question> steps,
                                     Map<String, Integer> positions, Set<String> unreachable, Problems problems) {
        String id = question.id();
        String target = question.condition().questionId();
        Integer targetPosition = positions.get(target);
        if (targetPosition == null) {
            problems.add(id, "condition refers to unknown question '" + target + "'");
            return false;
        }
        if (targetPosition == position) {
            problems.add(id, "condition refers to the question itself (a cycle)");
            return false;
        }
        if (targetPosition > position) {
            problems.add(id, "condition refers to '" + target + "', which comes later"
                    + " (a cycle: a condition may only refer to an earlier question)");
            return false;
        }
        Question referenced = steps.get(targetPosition);
        if (referenced.kind() == null || !referenced.kind().isChoice()) {
            String kind = referenced.kind() == null ? "unknown" : referenced.kind().yamlName();
            problems.add(id, "condition refers to '" + target + "', which is " + kind
                    + "; a condition needs a single-choice or multiple-choice question");
            return false;
        }
        List<String> codes = question.condition().anyOf();
        if (codes.isEmpty()) {
            return false; // the parser reported the empty 'any-of'
        }
        List<String> unknown = codes.stream().filter(code -> referenced.option(code).isEmpty()).toList();
        unknown.forEach(code -> problems.add(id, "condition code '" + code + "' is not an option of '" + target + "'"));
        if (unreachable.contains(target)) {
            problems.add(id, "can never be reached: its condition depends on '" + target + "', which can never be reached");
            return false;
        }
        if (unknown.size() == codes.size()) {
            problems.add(id, "can never be reached: none of the condition's codes " + codes + " is an option of '" + target + "'");
            return false;
        }
        return true;
    }
}
