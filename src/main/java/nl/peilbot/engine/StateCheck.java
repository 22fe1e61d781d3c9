package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * Lists the ways a conversation state breaks the engine's invariants for a flow; an empty list means it is consistent.
 */
public final class StateCheck {

    private StateCheck() {
    }

    /** Each violated invariant as one English sentence. */
    public static List<String> problems(Flow flow, ConversationState state) {
        List<String> problems = new ArrayList<>();
        if (!flow.id().equals(state.flowId())) {
            problems.add("state of flow '" + state.flowId() + "' checked against flow '" + flow.id() + "'");
        }
        if (!flow.languages().contains(state.language())) {
            problems.add("language '" + state.language() + "' is not one of the flow's languages");
        }
        if (state.stage() == null) {
            problems.add("no stage");
            return problems;
        }
        checkAnswers(flow, state, problems);
        boolean confirming = state.stage() == Stage.CONFIRMING_RESTART || state.stage() == Stage.CONFIRMING_DELETE;
        boolean onQuestion = state.stage() == Stage.ASKING || (confirming && state.resumeStage() == Stage.ASKING);
        if (state.stage() == Stage.CONFIRMING_RESTART) {
            if (state.resumeStage() == null || !Set.of(Stage.ASKING, Stage.SUMMARY, Stage.CHOOSING_CHANGE).contains(state.resumeStage())) {
                problems.add("confirming a restart needs a stage to resume, not " + state.resumeStage());
            }
        } else if (state.stage() == Stage.CONFIRMING_DELETE) {
            if (state.resumeStage() == null || Set.of(Stage.CONFIRMING_RESTART, Stage.CONFIRMING_DELETE, Stage.WITHDRAWN)
                    .contains(state.resumeStage())) {
                problems.add("confirming a deletion needs a stage to resume, not " + state.resumeStage());
            }
        } else if (state.resumeStage() != null) {
            problems.add("resume stage " + state.resumeStage() + " outside a restart confirmation");
        }
        if (onQuestion) {
            checkCurrentStep(flow, state, problems);
        } else {
            if (state.currentStep() != null) {
                problems.add("current step '" + state.currentStep() + "' in stage " + state.stage());
            }
            if (!state.pending().equals(Pending.NONE)) {
                problems.add("pending input in stage " + state.stage());
            }
            if (state.returnToSummary()) {
                problems.add("return to summary in stage " + state.stage());
            }
        }
        Set<Stage> allAnswered = java.util.EnumSet.of(Stage.SUMMARY, Stage.CHOOSING_CHANGE, Stage.COMPLETED);
        boolean summaryNext = allAnswered.contains(state.stage())
                || (confirming && allAnswered.contains(state.resumeStage()));
        if (summaryNext) {
            StepNavigator.next(flow, state.answers())
                    .ifPresent(q -> problems.add("stage " + state.stage() + " while '" + q.id() + "' is unanswered"));
        }
        if (state.stage() == Stage.WITHDRAWN && !state.answers().isEmpty()) {
            problems.add("answers left after a withdrawal");
        }
        if (state.stage() == Stage.CONSENT || state.stage() == Stage.DECLINED) {
            state.answers().values().stream().filter(a -> !StepNavigator.fromInvitation(a))
                    .forEach(a -> problems.add("chat answer to '" + a.questionId() + "' before consent"));
        }
        return problems;
    }

    private static void checkAnswers(Flow flow, ConversationState state, List<String> problems) {
        Map<String, Answer> answers = state.answers();
        Map<String, Answer> pruned = StepNavigator.prune(flow, answers);
        for (Map.Entry<String, Answer> entry : answers.entrySet()) {
            String id = entry.getKey();
            Answer answer = entry.getValue();
            if (flow.step(id).isEmpty()) {
                problems.add("answer to unknown step '" + id + "'");
                continue;
            }
            if (!pruned.containsKey(id)) {
                problems.add("answer to '" + id + "' whose condition does not hold");
            }
            if (!id.equals(answer.questionId())) {
                problems.add("answer stored under '" + id + "' is for '" + answer.questionId() + "'");
            }
            if (StepNavigator.fromInvitation(answer) && !flow.isProfileField(id)) {
                problems.add("invitation answer to question '" + id + "'");
            }
            checkAnswerShape(flow.step(id).get(), answer, problems);
        }
        if (!List.copyOf(answers.keySet()).equals(List.copyOf(pruned.keySet())) && problems.isEmpty()) {
            problems.add("answers are not in flow order");
        }
    }

    private static void checkAnswerShape(Question question, Answer answer, List<String> problems) {
        String id = question.id();
        if (answer.skipped()) {
            if (!question.optional()) {
                problems.add("required question '" + id + "' skipped");
            }
            return;
        }
        question.kind().match(new AnswerShape(question, answer, problems));
    }

    /** What a complete answer of each kind holds. */
    private record AnswerShape(Question question, Answer answer, List<String> problems) implements QuestionKind.Cases<Void> {

        @Override
        public Void singleChoice(QuestionKind.SingleChoice kind) {
            checkChoices(question, answer, problems);
            return null;
        }

        @Override
        public Void multipleChoice(QuestionKind.MultipleChoice kind) {
            checkChoices(question, answer, problems);
            return null;
        }

        @Override
        public Void openText(QuestionKind.OpenText kind) {
            if (answer.text() == null || answer.text().isBlank()) {
                problems.add("open answer to '" + question.id() + "' is empty");
            }
            return null;
        }

        @Override
        public Void openList(QuestionKind.OpenList kind) {
            if (answer.entries().isEmpty() || (question.maxItems() > 0 && answer.entries().size() > question.maxItems())) {
                problems.add("list answer to '" + question.id() + "' has " + answer.entries().size() + " entries");
            }
            answer.entries().forEach(e -> checkFields(question, e, true, "entry", problems));
            return null;
        }

        @Override
        public Void openParts(QuestionKind.OpenParts kind) {
            checkFields(question, answer.parts(), true, "parts", problems);
            return null;
        }

        @Override
        public Void rating(QuestionKind.Rating kind) {
            if (answer.value() == null || !RatingParser.onScale(kind, answer.value())) {
                problems.add("rating of '" + question.id() + "' is not on its scale: " + answer.value());
            }
            return null;
        }

        @Override
        public Void number(QuestionKind.Numeric kind) {
            if (answer.value() == null || NumberParser.problem(kind, answer.value()).isPresent()) {
                problems.add("number of '" + question.id() + "' is not accepted: " + answer.value());
            }
            return null;
        }
    }

    private static void checkChoices(Question question, Answer answer, List<String> problems) {
        String id = question.id();
        List<String> codes = answer.codes();
        if (codes.isEmpty() || (question.kind() instanceof QuestionKind.SingleChoice && codes.size() > 1)) {
            problems.add("answer to '" + id + "' has " + codes.size() + " choices");
        }
        if (new HashSet<>(codes).size() != codes.size()) {
            problems.add("answer to '" + id + "' repeats a choice");
        }
        for (String code : codes) {
            if (question.option(code).isEmpty()) {
                problems.add("answer to '" + id + "' has unknown option '" + code + "'");
            } else if (question.option(code).get().exclusive() && codes.size() > 1) {
                problems.add("exclusive option '" + code + "' of '" + id + "' combined with others");
            }
        }
        boolean other = codes.stream().anyMatch(c -> question.option(c).map(AnswerOption::other).orElse(false));
        if (other != (answer.otherText() != null)) {
            problems.add("other text of '" + id + "' does not match the options chosen");
        }
    }

    private static void checkCurrentStep(Flow flow, ConversationState state, List<String> problems) {
        String stepId = state.currentStep();
        if (stepId == null) {
            problems.add("no current step in stage " + state.stage());
            return;
        }
        if (flow.step(stepId).isEmpty()) {
            problems.add("current step '" + stepId + "' is not in the flow");
            return;
        }
        if (!StepNavigator.isStep(flow, state.answers(), stepId)) {
            problems.add("current step '" + stepId + "' does not apply");
        }
        Question question = flow.step(stepId).get();
        Pending pending = state.pending();
        boolean choice = question.kind().isChoice();
        if (!choice && (!pending.selected().isEmpty() || pending.awaitingOther())) {
            problems.add("selected options pending for '" + stepId + "', which is not a choice question");
        }
        for (String code : pending.selected()) {
            if (question.option(code).isEmpty()) {
                problems.add("pending option '" + code + "' is not an option of '" + stepId + "'");
            }
        }
        if (question.kind() instanceof QuestionKind.SingleChoice && !pending.selected().isEmpty() && !pending.awaitingOther()) {
            problems.add("single choice '" + stepId + "' has options pending without waiting for the other text");
        }
        if (pending.awaitingOther() && pending.selected().stream()
                .noneMatch(c -> question.option(c).map(AnswerOption::other).orElse(false))) {
            problems.add("waiting for an other text of '" + stepId + "' without an other option chosen");
        }
        if (!(question.kind() instanceof QuestionKind.OpenList) && (!pending.entries().isEmpty() || !pending.entry().isEmpty())) {
            problems.add("list entries pending for '" + stepId + "', which is not an open list");
        }
        if (question.kind() instanceof QuestionKind.OpenList) {
            if (question.maxItems() > 0 && pending.entries().size() >= question.maxItems()) {
                problems.add("open list '" + stepId + "' has " + pending.entries().size() + " entries pending");
            }
            pending.entries().forEach(e -> checkFields(question, e, true, "pending entry", problems));
            checkFields(question, pending.entry(), false, "entry being filled", problems);
        }
        if (!(question.kind() instanceof QuestionKind.OpenParts) && !pending.parts().isEmpty()) {
            problems.add("parts pending for '" + stepId + "', which is not an open-parts question");
        }
        if (question.kind() instanceof QuestionKind.OpenParts) {
            checkFields(question, pending.parts(), false, "parts being filled", problems);
        }
    }

    /** Values only for the question's fields, never blank; complete means all fields, otherwise not all of them. */
    private static void checkFields(Question question, Map<String, String> values, boolean complete, String what,
                                    List<String> problems) {
        Set<String> ids = new HashSet<>(question.fields().stream().map(Field::id).toList());
        if (!ids.containsAll(values.keySet())) {
            problems.add(what + " of '" + question.id() + "' has unknown fields " + values.keySet());
        }
        if (values.values().stream().anyMatch(String::isBlank)) {
            problems.add(what + " of '" + question.id() + "' has a blank value");
        }
        if (complete && !values.keySet().containsAll(ids)) {
            problems.add(what + " of '" + question.id() + "' is incomplete");
        }
        if (!complete && !values.isEmpty() && values.keySet().containsAll(ids)) {
            problems.add(what + " of '" + question.id() + "' is already complete");
        }
    }
}
