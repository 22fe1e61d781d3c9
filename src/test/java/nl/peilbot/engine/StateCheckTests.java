package nl.peilbot.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import nl.peilbot.flow.Flow;

class StateCheckTests {

    private static final Flow FLOW = Chat.SMALL;
    private static final Instant NOW = Chat.T0;

    @Test
    void shouldFindNoProblemsInStatesTheEngineMakes() {
        Chat chat = Chat.smallAtQuestions().answerSmallUntil(null);
        assertThat(StateCheck.problems(FLOW, chat.state)).isEmpty();
    }

    @Test
    void shouldReportCurrentStepThatDoesNotExistOrApply() {
        assertThat(StateCheck.problems(FLOW, asking("nope", Map.of(), Pending.NONE))).singleElement().asString().contains("not in the flow");
        Map<String, Answer> answers = answers(choice("policy", "no"));
        assertThat(StateCheck.problems(FLOW, asking("policyTopics", answers, Pending.NONE))).anyMatch(p -> p.contains("does not apply"));
        assertThat(StateCheck.problems(FLOW, state(Stage.ASKING, null, Map.of(), Pending.NONE, null))).anyMatch(p -> p.contains("no current step"));
    }

    @Test
    void shouldReportAnswersWhoseConditionDoesNotHold() {
        Map<String, Answer> answers = answers(choice("policy", "no"), text("policyTopics", "AVG"));
        assertThat(StateCheck.problems(FLOW, asking("champion", answers, Pending.NONE)))
                .anyMatch(p -> p.contains("'policyTopics' whose condition does not hold"));
        assertThat(StateCheck.problems(FLOW, asking("champion", answers(text("bogus", "x")), Pending.NONE)))
                .anyMatch(p -> p.contains("unknown step"));
    }

    @Test
    void shouldReportBadAnswerShapes() {
        Answer twoSingle = new Answer("familiarity", List.of(new ChosenOption("familiar", "Bekend"), new ChosenOption("neutral", "Neutraal")),
                null, null, List.of(), Map.of(), false, "chat", NOW, 0);
        Answer exclusive = new Answer("applications", List.of(new ChosenOption("ml", "x"), new ChosenOption("none", "Geen")),
                null, null, List.of(), Map.of(), false, "chat", NOW, 0);
        Answer otherWithoutText = new Answer("champion", List.of(new ChosenOption("other", "Anders")),
                null, null, List.of(), Map.of(), false, "chat", NOW, 0);
        Answer requiredSkipped = new Answer("policy", List.of(), null, null, List.of(), Map.of(), true, "chat", NOW, 0);
        List<String> problems = StateCheck.problems(FLOW, asking("experiments",
                answers(twoSingle, exclusive, requiredSkipped, otherWithoutText), Pending.NONE));
        assertThat(problems).anyMatch(p -> p.contains("has 2 choices"))
                .anyMatch(p -> p.contains("exclusive option 'none'"))
                .anyMatch(p -> p.contains("other text of 'champion'"))
                .anyMatch(p -> p.contains("required question 'policy' skipped"));
    }

    @Test
    void shouldReportPendingInputThatDoesNotFitTheCurrentStep() {
        Pending selected = new Pending(List.of("ml"), false, List.of(), Map.of(), Map.of());
        assertThat(StateCheck.problems(FLOW, asking("familiarity", Map.of(), selected))).isNotEmpty();
        assertThat(StateCheck.problems(FLOW, state(Stage.SUMMARY, null, Map.of(), selected, null)))
                .anyMatch(p -> p.contains("pending input in stage SUMMARY"));
        Pending awaiting = new Pending(List.of("ml"), true, List.of(), Map.of(), Map.of());
        assertThat(StateCheck.problems(FLOW, asking("applications", answers(choice("familiarity", "familiar")), awaiting)))
                .anyMatch(p -> p.contains("without an other option"));
        Pending completeEntry = new Pending(List.of(), false, List.of(), Map.of("specialism", "a", "description", "b"), Map.of());
        assertThat(StateCheck.problems(FLOW, asking("experiments", Map.of(), completeEntry))).anyMatch(p -> p.contains("already complete"));
    }

    @Test
    void shouldReportStageInconsistencies() {
        assertThat(StateCheck.problems(FLOW, state(Stage.SUMMARY, null, Map.of(), Pending.NONE, null)))
                .anyMatch(p -> p.contains("unanswered"));
        assertThat(StateCheck.problems(FLOW, state(Stage.SUMMARY, "familiarity", Map.of(), Pending.NONE, null)))
                .anyMatch(p -> p.contains("current step 'familiarity' in stage SUMMARY"));
        assertThat(StateCheck.problems(FLOW, state(Stage.CONFIRMING_RESTART, null, Map.of(), Pending.NONE, null)))
                .anyMatch(p -> p.contains("stage to resume"));
        assertThat(StateCheck.problems(FLOW, state(Stage.CONSENT, null, answers(choice("familiarity", "familiar")), Pending.NONE, null)))
                .anyMatch(p -> p.contains("before consent"));
    }

    private static ConversationState asking(String step, Map<String, Answer> answers, Pending pending) {
        return state(Stage.ASKING, step, answers, pending, null);
    }

    private static ConversationState state(Stage stage, String step, Map<String, Answer> answers, Pending pending, Stage resume) {
        return new ConversationState(FLOW.id(), FLOW.version(), "nl", stage, step, answers, pending, NOW, false, resume);
    }

    private static Map<String, Answer> answers(Answer... answers) {
        Map<String, Answer> map = new LinkedHashMap<>();
        for (Answer answer : answers) {
            map.put(answer.questionId(), answer);
        }
        return map;
    }

    private static Answer choice(String id, String code) {
        return new Answer(id, List.of(new ChosenOption(code, code)), null, null, List.of(), Map.of(), false, "chat", NOW, 0);
    }

    private static Answer text(String id, String text) {
        return new Answer(id, List.of(), null, text, List.of(), Map.of(), false, "chat", NOW, 0);
    }
}
