package nl.peilbot.flow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * One broken file per rule in {@code src/test/resources/flows/broken/}; each differs from the valid
 * {@code flows/minimal.yaml} in the one respect its name says.
 */
class FlowValidatorTests {

    private static final Path FLOWS = Path.of("src/test/resources/flows");
    private static final Path BROKEN = FLOWS.resolve("broken");

    @Test
    void shouldAcceptTheMinimalFlowTheBrokenOnesDeriveFrom() {
        Flow flow = Flows.load(FLOWS.resolve("minimal.yaml"));

        assertThat(flow.questions()).extracting(Question::id).containsExactly("colour", "why");
    }

    @Nested
    class Ids {

        @Test
        void shouldRefuseTheSameIdInProfileAndQuestions() {
            assertOnlyProblem("duplicate-id.yaml", "hospital", "duplicate id 'hospital'");
        }

        @Test
        void shouldRefuseDuplicateOptionCodes() {
            assertOnlyProblem("duplicate-option-code.yaml", "colour", "duplicate option code 'red'");
        }

        @Test
        void shouldRefuseDuplicateFieldIds() {
            assertOnlyProblem("duplicate-field-id.yaml", "experiments", "duplicate field id 'specialism'");
        }

        @Test
        void shouldRefuseAnIdThatCannotBeAStorageKey() {
            assertOnlyProblem("invalid-id.yaml", "colour.name", "id 'colour.name' must start with a letter");
        }
    }

    @Nested
    class Conditions {

        @Test
        void shouldRefuseAConditionOnAnUnknownQuestion() {
            assertOnlyProblem("unknown-condition-question.yaml", "why", "condition refers to unknown question 'color'");
        }

        @Test
        void shouldRefuseAConditionOnAnOpenQuestion() {
            assertOnlyProblem("condition-on-open-question.yaml", "details",
                    "condition refers to 'why', which is open-text; a condition needs a single-choice or multiple-choice question");
        }

        @Test
        void shouldRefuseAConditionCodeThatIsNoOption() {
            assertOnlyProblem("unknown-condition-code.yaml", "why", "condition code 'green' is not an option of 'colour'");
        }

        @Test
        void shouldCallAConditionOnItselfACycle() {
            assertOnlyProblem("self-condition.yaml", "colour", "condition refers to the question itself (a cycle)");
        }

        @Test
        void shouldCallAConditionOnALaterQuestionACycle() {
            assertOnlyProblem("forward-condition.yaml", "why", "condition refers to 'colour', which comes later (a cycle");
        }

        @Test
        void shouldReportAQuestionNoneOfWhoseConditionCodesExists() {
            List<FlowProblem> problems = problems("unreachable-no-codes.yaml");

            assertThat(problems).extracting(FlowProblem::questionId).containsOnly("why");
            assertThat(problems).extracting(FlowProblem::problem).containsExactly(
                    "condition code 'green' is not an option of 'colour'",
                    "condition code 'yellow' is not an option of 'colour'",
                    "can never be reached: none of the condition's codes [green, yellow] is an option of 'colour'");
        }

        @Test
        void shouldReportAQuestionThatDependsOnAnUnreachableOne() {
            assertHasProblem("unreachable-chain.yaml", "why",
                    "can never be reached: its condition depends on 'shade', which can never be reached");
            assertHasProblem("unreachable-chain.yaml", "shade", "can never be reached");
        }
    }

    @Nested
    class Shapes {

        @Test
        void shouldRefuseAChoiceQuestionWithoutOptions() {
            assertOnlyProblem("choice-without-options.yaml", "colour", "multiple-choice question without options");
        }

        @Test
        void shouldRefuseOptionsOnAnOpenQuestion() {
            assertOnlyProblem("options-on-open-text.yaml", "why", "has options, but options are only for single-choice and multiple-choice");
        }

        @Test
        void shouldRefuseFieldsOnAChoiceQuestion() {
            assertOnlyProblem("fields-on-choice.yaml", "colour", "has fields, but fields are only for open-list and open-parts");
        }

        @Test
        void shouldRefuseMaxItemsOutsideAnOpenList() {
            assertOnlyProblem("max-items-on-open-text.yaml", "why", "has 'max-items', which is only for open-list");
        }

        @Test
        void shouldRefuseAnOpenListWithoutFields() {
            assertOnlyProblem("open-list-without-fields.yaml", "experiments", "open-list question without fields");
        }

        @Test
        void shouldRefuseAnOpenListWithoutPositiveMaxItems() {
            assertOnlyProblem("open-list-max-items.yaml", "experiments", "open-list needs 'max-items' of at least 1, not 0");
        }

        @Test
        void shouldRefuseOpenPartsWithoutFields() {
            assertOnlyProblem("open-parts-without-fields.yaml", "expectedSupport", "open-parts question without fields");
        }

        @Test
        void shouldRefuseAnExclusiveOptionInASingleChoice() {
            assertOnlyProblem("exclusive-on-single-choice.yaml", "colour",
                    "option 'none' is 'exclusive', which only means something in a multiple-choice question");
        }

        @Test
        void shouldRefuseAMultipleChoiceWhoseOptionsAreAllExclusive() {
            assertOnlyProblem("all-options-exclusive.yaml", "colour", "every option is 'exclusive'");
        }

        @Test
        void shouldRefuseTwoOptionsWithTheSameLabel() {
            assertOnlyProblem("duplicate-option-label.yaml", "colour", "options 'red' and 'blue' have the same 'nl' label");
        }

        @Test
        void shouldRefuseTwoOtherOptionsInOneQuestion() {
            assertOnlyProblem("two-other-options.yaml", "colour", "more than one option is marked 'other'");
        }

        @Test
        void shouldRefuseAProfileFieldTheInvitationCannotFill() {
            assertOnlyProblem("profile-multiple-choice.yaml", "roles", "a profile field must be open-text or single-choice");
        }

        @Test
        void shouldRefuseAFlowWithoutQuestions() {
            assertOnlyProblem("no-questions.yaml", null, "has no questions");
        }
    }

    @Nested
    class Translations {

        @Test
        void shouldReportEveryMissingTranslation() {
            List<FlowProblem> problems = problems("missing-translation.yaml");

            assertThat(problems).extracting(FlowProblem::questionId, FlowProblem::problem).containsExactly(
                    tuple(null, "missing 'en' translation of the title"),
                    tuple("colour", "missing 'en' translation of the text"),
                    tuple("colour", "missing 'en' translation of the hint"),
                    tuple("colour", "missing 'en' translation of the label of option 'blue'"),
                    tuple("parts", "missing 'en' translation of the label of field 'longTerm'"));
        }

        @Test
        void shouldNameFileAndQuestionInTheMessage() {
            assertThatThrownBy(() -> Flows.load(BROKEN.resolve("missing-translation.yaml")))
                    .hasMessageContaining(BROKEN.resolve("missing-translation.yaml") + ", question 'colour': missing 'en' translation of the hint");
        }
    }

    @Nested
    class Reporting {

        @Test
        void shouldReportAMisspeltKey() {
            assertOnlyProblem("unknown-key.yaml", "why", "unknown key 'optinal'");
        }

        @Test
        void shouldCollectTheProblemsOfParserAndValidatorInOneRun() {
            List<FlowProblem> problems = problems("many-problems.yaml");

            assertThat(problems).extracting(FlowProblem::problem).contains(
                    "unknown key 'optinal'",
                    "duplicate id 'colour': another question or profile field has the same id",
                    "single-choice question without options",
                    "condition code 'red' is not an option of 'colour'",
                    "missing 'en' translation of the text");
        }
    }

    private static List<FlowProblem> problems(String file) {
        Path path = BROKEN.resolve(file);
        FlowException failure = catchThrowableOfType(FlowException.class, () -> Flows.load(path));
        assertThat(failure).as("%s should be refused", file).isNotNull();
        assertThat(failure.problems()).extracting(FlowProblem::file).containsOnly(path.toString());
        return failure.problems();
    }

    private static void assertOnlyProblem(String file, String questionId, String problem) {
        List<FlowProblem> problems = problems(file);
        assertThat(problems).hasSize(1);
        assertProblem(problems.get(0), file, questionId, problem);
    }

    private static void assertHasProblem(String file, String questionId, String problem) {
        assertThat(problems(file)).anySatisfy(p -> assertProblem(p, file, questionId, problem));
    }

    private static void assertProblem(FlowProblem found, String file, String questionId, String problem) {
        assertThat(found.questionId()).isEqualTo(questionId);
        assertThat(found.problem()).contains(problem);
        String message = found.toString();
        assertThat(message).startsWith(BROKEN.resolve(file).toString()).contains(problem);
        if (questionId != null) {
            assertThat(message).contains("question '" + questionId + "'");
        }
    }
}
