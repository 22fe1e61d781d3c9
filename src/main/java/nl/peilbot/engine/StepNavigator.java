package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import nl.peilbot.flow.Condition;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * Works out which steps apply given the answers so far: profile fields the invitation did not fill, then questions
 * whose condition holds. Conditions are evaluated on the answers of earlier steps only.
 */
final class StepNavigator {

    static final String INVITATION = "invitation";
    static final String CHAT = "chat";

    private StepNavigator() {
    }

    /** The answers that still count (their step's condition holds), in flow order. */
    static Map<String, Answer> prune(Flow flow, Map<String, Answer> answers) {
        Map<String, Answer> kept = new LinkedHashMap<>();
        for (List<Question> part : parts(flow)) {
            for (Question step : part) {
                Answer answer = answers.get(step.id());
                if (answer != null && conditionHolds(step, kept)) {
                    kept.put(step.id(), answer);
                }
            }
        }
        return kept;
    }

    /** {@code answers} with {@code answer} put in, pruned and in flow order. */
    static Map<String, Answer> with(Flow flow, Map<String, Answer> answers, Answer answer) {
        Map<String, Answer> all = new LinkedHashMap<>(answers);
        all.put(answer.questionId(), answer);
        return prune(flow, all);
    }

    /** Whether the question may be answered at all given the (pruned) answers of earlier steps. */
    static boolean conditionHolds(Question step, Map<String, Answer> earlierAnswers) {
        Condition condition = step.condition();
        if (condition == null) {
            return true;
        }
        Answer answer = earlierAnswers.get(condition.questionId());
        return answer != null && !answer.skipped() && condition.holdsFor(answer.codes());
    }

    /** The steps to ask, in flow order. */
    static List<Question> steps(Flow flow, Map<String, Answer> answers) {
        List<Question> steps = new ArrayList<>();
        Map<String, Answer> earlier = new LinkedHashMap<>();
        for (List<Question> part : parts(flow)) {
            for (Question step : part) {
                Answer answer = answers.get(step.id());
                boolean holds = conditionHolds(step, earlier);
                if (holds && !(answer != null && fromInvitation(answer) && part == flow.profile())) {
                    steps.add(step);
                }
                if (holds && answer != null) {
                    earlier.put(step.id(), answer);
                }
            }
        }
        return steps;
    }

    /** Profile fields, then questions: the flow's steps in order, without copying them into one list. */
    private static List<List<Question>> parts(Flow flow) {
        return List.of(flow.profile(), flow.questions());
    }

    static boolean isStep(Flow flow, Map<String, Answer> answers, String stepId) {
        return steps(flow, answers).stream().anyMatch(q -> q.id().equals(stepId));
    }

    /** The first step without an answer. */
    static Optional<Question> next(Flow flow, Map<String, Answer> answers) {
        // The same as the first unanswered one of steps(), which an answer from the invitation never is; this runs on
        // every turn, so without building the list.
        Map<String, Answer> earlier = new LinkedHashMap<>();
        for (List<Question> part : parts(flow)) {
            for (Question step : part) {
                if (!conditionHolds(step, earlier)) {
                    continue;
                }
                Answer answer = answers.get(step.id());
                if (answer == null) {
                    return Optional.of(step);
                }
                earlier.put(step.id(), answer);
            }
        }
        return Optional.empty();
    }

    /** The step before {@code currentId}; with null, the last step. */
    static Optional<Question> previous(Flow flow, Map<String, Answer> answers, String currentId) {
        List<Question> steps = steps(flow, answers);
        if (currentId == null) {
            return steps.isEmpty() ? Optional.empty() : Optional.of(steps.get(steps.size() - 1));
        }
        List<String> order = flow.steps().stream().map(Question::id).toList();
        int currentPosition = order.indexOf(currentId);
        Question previous = null;
        for (Question step : steps) {
            if (order.indexOf(step.id()) < currentPosition) {
                previous = step;
            }
        }
        return Optional.ofNullable(previous);
    }

    /**
     * Where {@code stepId} stands among the questions (not profile fields) this respondent will be asked given the
     * answers so far, or null for a step that is no such question. A question whose condition rests on an earlier
     * question not answered yet still counts, until an answer rules it out; so the total only shrinks as the
     * respondent answers ("4 of 14", then "5 of 13" when an answer leaves a question out).
     */
    static Position position(Flow flow, Map<String, Answer> answers, String stepId) {
        Set<String> possible = new HashSet<>();
        int current = 0;
        int total = 0;
        for (Question field : flow.profile()) {
            if (mayBeAsked(field, answers, possible)) {
                possible.add(field.id());
            }
        }
        for (Question question : flow.questions()) {
            if (mayBeAsked(question, answers, possible)) {
                possible.add(question.id());
                total++;
                if (question.id().equals(stepId)) {
                    current = total;
                }
            }
        }
        return current == 0 ? null : new Position(current, total);
    }

    private static boolean mayBeAsked(Question step, Map<String, Answer> answers, Set<String> possible) {
        Condition condition = step.condition();
        if (condition == null) {
            return true;
        }
        if (!possible.contains(condition.questionId())) {
            return false;
        }
        Answer answer = answers.get(condition.questionId());
        return answer == null || !answer.skipped() && condition.holdsFor(answer.codes());
    }

    /** The 1-based number of a question among those a respondent will be asked, and how many those are. */
    record Position(int current, int total) {
    }

    /** Only the profile answers that came with the invitation. */
    static Map<String, Answer> invitationAnswers(Map<String, Answer> answers) {
        Map<String, Answer> kept = new LinkedHashMap<>();
        answers.forEach((id, answer) -> {
            if (fromInvitation(answer)) {
                kept.put(id, answer);
            }
        });
        return kept;
    }

    static boolean fromInvitation(Answer answer) {
        return INVITATION.equals(answer.source());
    }
}
