package nl.peilbot.flow;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The {@code analysis:} block: unit of analysis, dimensions and counted field, as parsed and as validated. */
class FlowAnalysisTests {

    private static final String HEAD = """
            id: analysis-example
            wave: "2024"
            languages: [nl, en]
            title: {nl: Titel, en: Title}
            intro: {nl: Welkom, en: Welcome}
            consent: {nl: "Akkoord?", en: "Agree?"}
            closing: {nl: Dank u, en: Thank you}
            profile:
              - id: site
                kind: open-text
                text: {nl: "Welke locatie?", en: "Which site?"}
              - id: size
                kind: single-choice
                text: {nl: "Hoe groot?", en: "How large?"}
                options:
                  - {code: small, label: {nl: Klein, en: Small}}
                  - {code: large, label: {nl: Groot, en: Large}}
            questions:
              - id: projects
                kind: open-list
                max-items: 3
                text: {nl: "Welke projecten?", en: "Which projects?"}
                fields:
                  - {id: area, label: {nl: Gebied, en: Area}}
                  - {id: description, label: {nl: Omschrijving, en: Description}}
            """;

    private static final String VALID = HEAD + """
            analysis:
              unit: {field: site, label: {nl: locatie, en: site}, plural: {nl: locaties, en: sites}}
              dimensions:
                - {field: size, label: {nl: Grootte, en: Size}}
              counted:
                field: area
                label: {nl: Gebied, en: Area}
                categories:
                  - {code: intensiveCare, label: {nl: Intensive care, en: Intensive care}, synonyms: [IC, ICU]}
                  - {code: radiology, label: {nl: Radiologie, en: Radiology}, synonyms: []}
            """;

    @Test
    void shouldReadTheUnitDimensionsAndCountedField() {
        Flow flow = Flows.parse("valid", VALID);

        assertThat(flow.unitField()).map(Question::id).contains("site");
        assertThat(flow.analysis().unit().plural().in("en")).isEqualTo("sites");
        assertThat(flow.dimensions()).extracting(Question::id).containsExactly("size");
        assertThat(flow.analysis().counted().field()).isEqualTo("area");
    }

    @Test
    void shouldTreatAFlowWithoutAnalysisAsEveryRespondentAUnit() {
        Flow flow = Flows.parse("none", HEAD);

        assertThat(flow.analysis()).isEqualTo(Analysis.NONE);
        assertThat(flow.unitField()).isEmpty();
        assertThat(flow.dimensions()).isEmpty();
    }

    @Test
    void shouldDeclareTheHospitalAsUnitAndSpecialismAsCountedInThe2020Flow() {
        Flow flow = Flows.load(Path.of("conversation-flows/ai-in-hospitals-2020.yaml"));

        assertThat(flow.unitField()).isPresent();
        assertThat(flow.dimensions()).hasSize(2);
        assertThat(flow.analysis().countedField()).isPresent();
    }

    @Nested
    class Synonyms {

        private final Analysis.CountedField area = Flows.parse("valid", VALID).analysis().counted();

        @Test
        void shouldCountCodeLabelAndSynonymsAsOneCategoryIgnoringCaseAccentsAndPunctuation() {
            for (String typed : List.of("IC", "ic", "Intensive care", "intensive-care", "INTENSIVE  CARE", "intensiveCare", "ICU")) {
                assertThat(area.categoryOf(typed)).as(typed).map(Analysis.CountedCategory::code).contains("intensiveCare");
            }
            assertThat(area.categoryOf("Radiologie")).map(Analysis.CountedCategory::code).contains("radiology");
        }

        @Test
        void shouldNotMatchASynonymInsideAnotherName() {
            assertThat(area.categoryOf("ICT")).isEmpty();
            assertThat(area.categoryOf("IC-verpleging")).isEmpty();
        }
    }

    @Nested
    class Validation {

        @Test
        void shouldRefuseAUnitThatIsNoProfileField() {
            assertProblem(VALID.replace("field: site", "field: projects"), "the unit 'projects' is no profile field");
        }

        @Test
        void shouldRefuseADimensionThatIsNoSingleChoiceProfileField() {
            assertProblem(VALID.replace("- {field: size,", "- {field: site, label: {nl: L, en: S}}\n    - {field: size,"),
                    "dimension 'site' must be a single-choice profile field");
            assertProblem(VALID.replace("field: size,", "field: colour,"), "dimension 'colour' is no profile field");
        }

        @Test
        void shouldRefuseACountedFieldNoOpenListHas() {
            assertProblem(VALID.replace("field: area", "field: specialism"),
                    "the counted field 'specialism' is no field of an open-list question");
        }

        @Test
        void shouldRefuseASpellingThatNamesTwoCategories() {
            assertProblem(VALID.replace("synonyms: []", "synonyms: [Icu]"),
                    "'icu' names both counted categories 'intensiveCare' and 'radiology'");
        }

        @Test
        void shouldRefuseAMissingTranslationAndAnUnknownKey() {
            List<FlowProblem> problems = problems(VALID.replace("plural: {nl: locaties, en: sites}", "plural: {nl: locaties}")
                    .replace("  dimensions:", "  dimension: []\n  dimensions:"));

            assertThat(problems).extracting(FlowProblem::problem).contains(
                    "missing 'en' translation of the unit's plural", "unknown key 'dimension'");
            assertThat(problems).extracting(FlowProblem::questionId).containsOnly("analysis");
        }

        private void assertProblem(String yaml, String problem) {
            assertThat(problems(yaml)).extracting(FlowProblem::problem).anySatisfy(p -> assertThat(p).contains(problem));
        }

        private List<FlowProblem> problems(String yaml) {
            return catchThrowableOfType(FlowException.class, () -> Flows.parse("broken", yaml)).problems();
        }
    }
}
