package nl.peilbot.flow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** New versions of the real 2020 flow, made by editing its text the way an editor would. */
class FlowCompatibilityTests {

    private static final String FILE = "conversation-flows/ai-in-hospitals-2020.yaml";
    private static final String ORIGINAL = Flows.read(Path.of(FILE));
    private static final Flow PREVIOUS = Flows.parse(FILE, ORIGINAL);

    @Nested
    class Accepted {

        @Test
        void shouldKeepTheVersionWhenOnlyCommentsAndLayoutChange() {
            String edited = "# reviewed by the research team\n" + ORIGINAL
                    .replace("  - id: familiarity\n", "  # the first question\n  - id: familiarity\n")
                    .replace("{code: familiar, label: {nl: Bekend, en: Familiar}}",
                            "code: familiar\n        label:\n          nl: Bekend   # as in the report\n          en: Familiar");

            Flow current = Flows.parse(FILE, edited);

            assertThat(current.version()).isEqualTo(PREVIOUS.version());
            assertThat(current).isEqualTo(PREVIOUS);
            assertThat(Flows.incompatibilities(PREVIOUS, current)).isEmpty();
        }

        @Test
        void shouldAcceptARenamedOptionLabelAsANewVersion() {
            Flow current = edit("{nl: Redelijk bekend, en: Fairly familiar}", "{nl: Enigszins bekend, en: Somewhat familiar}");

            assertThat(current.version()).isNotEqualTo(PREVIOUS.version());
            assertThat(Flows.incompatibilities(PREVIOUS, current)).isEmpty();
        }

        @Test
        void shouldAcceptAddedAndDeletedQuestionsAndOptions() {
            String edited = ORIGINAL
                    .replace("      - {code: robotics, label: {nl: Robotica, en: Robotics}}\n",
                            "      - {code: rpa, label: {nl: Robotic Process Automation, en: Robotic Process Automation}}\n")
                    .replace("  - id: potential\n", "  - id: budget\n    kind: open-text\n"
                            + "    text: {nl: \"Welk budget is er voor AI?\", en: \"What budget is there for AI?\"}\n\n"
                            + "  - id: potentialNow\n");

            Flow current = Flows.parse(FILE, edited);

            assertThat(current.step("budget")).isPresent();
            assertThat(current.step("potential")).isEmpty();
            assertThat(Flows.incompatibilities(PREVIOUS, current)).isEmpty();
        }

        @Test
        void shouldAcceptAFieldRewordedInOneLanguage() {
            Flow current = edit("{id: description, label: {nl: Omschrijving van het experiment, en: Description of the experiment}}",
                    "{id: description, label: {nl: Korte omschrijving, en: Description of the experiment}}");

            assertThat(Flows.incompatibilities(PREVIOUS, current)).isEmpty();
        }
    }

    @Nested
    class Refused {

        @Test
        void shouldRefuseAKeptQuestionWithAnotherKind() {
            Flow current = edit("  - id: knownApplications\n    kind: multiple-choice", "  - id: knownApplications\n    kind: single-choice");

            assertThat(Flows.incompatibilities(PREVIOUS, current)).singleElement().satisfies(problem -> {
                assertThat(problem.file()).isEqualTo(FILE);
                assertThat(problem.questionId()).isEqualTo("knownApplications");
                assertThat(problem.problem()).startsWith("kind changed from multiple-choice to single-choice");
            });
        }

        @Test
        void shouldRefuseSwappedOptionCodes() {
            Flow current = swapFamiliarity();

            List<FlowProblem> problems = Flows.incompatibilities(PREVIOUS, current);

            assertThat(problems).extracting(FlowProblem::questionId).containsOnly("familiarity");
            assertThat(problems).extracting(FlowProblem::problem).containsExactlyInAnyOrder(
                    "option 'familiar' now has the label 'Onbekend' that belonged to option 'unfamiliar' in the previous version:"
                            + " stored answers would be re-read; keep the code with its label",
                    "option 'unfamiliar' now has the label 'Bekend' that belonged to option 'familiar' in the previous version:"
                            + " stored answers would be re-read; keep the code with its label");
            assertThat(problems.get(0).toString()).startsWith(FILE + ", question 'familiarity': option '");
        }

        @Test
        void shouldRefuseAReusedCodeEvenInOneLanguageAndIgnoringCase() {
            Flow current = edit("{code: \"no\", label: {nl: Nee, en: \"No\"}}\n\n  - id: policyTopics",
                    "{code: never, label: {nl: nee., en: Never}}\n\n  - id: policyTopics");

            assertThat(Flows.incompatibilities(PREVIOUS, current)).singleElement()
                    .satisfies(problem -> assertThat(problem.problem()).startsWith("option 'never' now has the label 'Nee' that belonged to option 'no'"));
        }

        @Test
        void shouldRefuseAFieldIdReusedForAnotherLabelInEveryLanguage() {
            Flow current = edit("{id: description, label: {nl: Omschrijving van het experiment, en: Description of the experiment}}",
                    "{id: description, label: {nl: Resultaat, en: Outcome}}");

            assertThat(Flows.incompatibilities(PREVIOUS, current)).singleElement().satisfies(problem -> {
                assertThat(problem.questionId()).isEqualTo("experiments");
                assertThat(problem.problem()).startsWith("field 'description' has a different label in every language");
            });
        }

        @Test
        void shouldRefuseSwappedFieldIds() {
            Flow current = edit("""
                          - {id: shortTerm, label: {nl: Korte termijn, en: Short term}}
                          - {id: longTerm, label: {nl: Lange termijn, en: Long term}}
                    """, """
                          - {id: shortTerm, label: {nl: Lange termijn, en: Long term}}
                          - {id: longTerm, label: {nl: Korte termijn, en: Short term}}
                    """);

            assertThat(Flows.incompatibilities(PREVIOUS, current)).extracting(FlowProblem::toString).contains(
                    FILE + ", question 'expectedSupport': field 'shortTerm' now has the label 'Lange termijn' that belonged to"
                            + " field 'longTerm' in the previous version: stored answers would be re-read; keep the id with its label");
        }

        @Test
        void shouldRefuseAnOptionThatBecomesExclusive() {
            Flow current = edit("{code: largeScale, label: {nl: Op grote schaal geïmplementeerd, en: Implemented on a large scale}}",
                    "{code: largeScale, label: {nl: Op grote schaal geïmplementeerd, en: Implemented on a large scale}, exclusive: true}");

            assertThat(Flows.incompatibilities(PREVIOUS, current)).singleElement()
                    .satisfies(problem -> assertThat(problem.problem()).startsWith("option 'largeScale' became exclusive"));
        }

        @Test
        void shouldRefuseLoweringMaxItems() {
            Flow current = edit("    max-items: 3\n    text:\n      nl: Bij welke specialismen of processen lopen",
                    "    max-items: 2\n    text:\n      nl: Bij welke specialismen of processen lopen");

            assertThat(Flows.incompatibilities(PREVIOUS, current)).singleElement().satisfies(problem -> {
                assertThat(problem.questionId()).isEqualTo("experiments");
                assertThat(problem.problem()).startsWith("max-items lowered from 3 to 2");
            });
        }

        @Test
        void shouldRefuseAnotherWaveAsANewVersion() {
            Flow current = edit("wave: \"2020\"", "wave: \"2021\"");

            assertThat(Flows.incompatibilities(PREVIOUS, current)).singleElement().satisfies(problem -> {
                assertThat(problem.questionId()).isNull();
                assertThat(problem.problem()).contains("a new survey or wave is a new flow file");
            });
        }
    }

    private static Flow swapFamiliarity() {
        return Flows.parse(FILE, ORIGINAL
                .replace("{code: familiar, label: {nl: Bekend, en: Familiar}}", "{code: SWAP, label: {nl: Bekend, en: Familiar}}")
                .replace("{code: unfamiliar, label: {nl: Onbekend, en: Unfamiliar}}", "{code: familiar, label: {nl: Onbekend, en: Unfamiliar}}")
                .replace("{code: SWAP,", "{code: unfamiliar,"));
    }

    private static Flow edit(String target, String replacement) {
        assertThat(ORIGINAL).as("the flow file still contains the text this test edits").contains(target);
        return Flows.parse(FILE, ORIGINAL.replace(target, replacement));
    }
}
