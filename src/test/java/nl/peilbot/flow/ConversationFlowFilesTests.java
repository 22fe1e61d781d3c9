package nl.peilbot.flow;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** Guard test: every real flow file loads and validates, and the 2020 flow is the report's questionnaire. */
class ConversationFlowFilesTests {

    private static final Path DIRECTORY = Path.of("conversation-flows");

    @Test
    void shouldLoadAndValidateEveryFlowFile() {
        List<Path> files = Flows.files(DIRECTORY);

        assertThat(files).isNotEmpty();
        for (Path file : files) {
            Flow flow = Flows.load(file);
            assertThat(flow.source()).isEqualTo(file.toString());
            assertThat(flow.version()).matches("[0-9a-f]{16}");
        }
    }

    @Test
    void shouldKeepSurveyIdsAndWavesUnique() {
        List<String> surveyWaves = Flows.files(DIRECTORY).stream().map(Flows::load).map(f -> f.id() + "/" + f.wave()).toList();

        assertThat(surveyWaves).doesNotHaveDuplicates();
    }

    @Nested
    class AiInHospitals2020 {

        private final Flow flow = Flows.load(DIRECTORY.resolve("ai-in-hospitals-2020.yaml"));

        @Test
        void shouldIdentifyTheSurveyWave() {
            assertThat(flow.id()).isEqualTo("ai-in-hospitals-2020");
            assertThat(flow.wave()).isEqualTo("2020");
            assertThat(flow.languages()).containsExactly("nl", "en");
        }

        @Test
        void shouldAskTheReportsFourteenQuestionsInOrder() {
            assertThat(flow.questions()).extracting(Question::id, Question::kind).containsExactly(
                    tuple("familiarity", QuestionKind.SINGLE_CHOICE),
                    tuple("followsDevelopments", QuestionKind.SINGLE_CHOICE),
                    tuple("knownApplications", QuestionKind.MULTIPLE_CHOICE),
                    tuple("policy", QuestionKind.SINGLE_CHOICE),
                    tuple("policyTopics", QuestionKind.OPEN_TEXT),
                    tuple("aiChampion", QuestionKind.SINGLE_CHOICE),
                    tuple("scale", QuestionKind.MULTIPLE_CHOICE),
                    tuple("experiments", QuestionKind.OPEN_LIST),
                    tuple("implementations", QuestionKind.OPEN_LIST),
                    tuple("drivers", QuestionKind.MULTIPLE_CHOICE),
                    tuple("workloadReduction", QuestionKind.SINGLE_CHOICE),
                    tuple("expectedSupport", QuestionKind.OPEN_PARTS),
                    tuple("potential", QuestionKind.OPEN_TEXT),
                    tuple("concerns", QuestionKind.OPEN_TEXT));
        }

        @Test
        void shouldUseTheReportsQuestionTexts() {
            assertThat(text("familiarity")).isEqualTo("In hoeverre bent u bekend met de mogelijkheden van AI in de zorg?");
            assertThat(text("policy")).isEqualTo("Heeft uw ziekenhuis beleid geformuleerd voor de inzet van AI?");
            assertThat(text("aiChampion")).isEqualTo("Heeft uw ziekenhuis een formele AI-voortrekker?");
            assertThat(text("scale")).isEqualTo("Op welke schaal wordt AI binnen uw ziekenhuis toegepast?");
            assertThat(text("concerns")).isEqualTo("Wat zijn uw grootste zorgen met betrekking tot AI binnen ziekenhuizen?");
        }

        @Test
        void shouldOfferTheReportsAnswerOptionsVerbatim() {
            assertThat(labels("familiarity")).containsExactly("Bekend", "Redelijk bekend", "Neutraal", "Redelijk onbekend", "Onbekend");
            assertThat(labels("followsDevelopments")).containsExactly("Zeer goed", "Goed", "Neutraal", "Beperkt", "Zeer beperkt");
            assertThat(labels("knownApplications"))
                    .containsExactly("Machine Learning", "Natural Language Processing", "Vision", "Robotica", "Anders");
            assertThat(labels("policy")).containsExactly("Ja", "Nog niet, maar dit volgt binnenkort", "Nee");
            assertThat(labels("aiChampion")).containsExactly("Ja", "Nee, wel een informele AI-voortrekker", "Nee");
            assertThat(labels("workloadReduction")).containsExactly("Niet, neemt alleen maar toe", "10%", "20%", "Meer dan 30%");
        }

        @Test
        void shouldAskForATextWithAnders() {
            assertThat(question("knownApplications").option("other")).hasValueSatisfying(o -> assertThat(o.other()).isTrue());
            assertThat(question("drivers").option("other")).hasValueSatisfying(o -> assertThat(o.other()).isTrue());
        }

        @Test
        void shouldLetNotAppliedStandAloneInTheScale() {
            assertThat(question("scale").options()).extracting(AnswerOption::code, AnswerOption::exclusive).containsExactly(
                    tuple("experimenting", false), tuple("smallScale", false), tuple("largeScale", false), tuple("notApplied", true));
        }

        @Test
        void shouldSkipFollowUpQuestionsByTheirConditions() {
            assertThat(question("policyTopics").condition()).isEqualTo(new Condition("policy", List.of("yes", "soon")));
            assertThat(question("experiments").condition()).isEqualTo(new Condition("scale", List.of("experimenting")));
            assertThat(question("implementations").condition())
                    .isEqualTo(new Condition("scale", List.of("smallScale", "largeScale")));
            assertThat(flow.questions()).filteredOn(q -> q.condition() != null).extracting(Question::id)
                    .containsExactly("policyTopics", "experiments", "implementations");
        }

        @Test
        void shouldAskUpToThreeExperimentsAndImplementations() {
            for (String id : List.of("experiments", "implementations")) {
                assertThat(question(id).maxItems()).isEqualTo(3);
                assertThat(question(id).fields()).extracting(Field::id).containsExactly("specialism", "description");
            }
        }

        @Test
        void shouldAskExpectedSupportForShortAndLongTerm() {
            assertThat(question("expectedSupport").fields()).extracting(Field::id).containsExactly("shortTerm", "longTerm");
        }

        @Test
        void shouldLetOnlyTheFactFindingOpenQuestionsBeSkipped() {
            assertThat(flow.steps()).filteredOn(Question::optional).extracting(Question::id)
                    .containsExactly("policyTopics", "experiments", "implementations");
        }

        @Test
        void shouldAskHospitalTypeAndRoleAsProfile() {
            assertThat(flow.profile()).extracting(Question::id).containsExactly("hospital", "hospitalType", "role");
            assertThat(question("hospitalType").options()).extracting(AnswerOption::code)
                    .containsExactly("academisch", "topklinisch", "algemeen");
            assertThat(question("role").options()).extracting(AnswerOption::code).containsExactly("cio", "cmio", "other");
        }

        @Test
        void shouldSayInEveryLanguageWhatIsStoredAndWhoSeesIt() {
            Map<String, List<String>> mentions = Map.of(
                    "nl", List.of("antwoorden", "ziekenhuis", "functie", "hoe lang", "onderzoeksteam", "samengevoegde", "zonder namen"),
                    "en", List.of("answers", "hospital", "role", "how long", "research team", "aggregated", "without names"));
            mentions.forEach((language, words) -> assertThat(flow.privacy().in(language)).contains(words));
        }

        @Test
        void shouldOpenWithAShortIntroAndAClearYesNoQuestion() {
            for (String language : flow.languages()) {
                assertThat(flow.intro().in(language).split("(?<=[.!?])\\s+")).as("sentences of the intro").hasSizeLessThanOrEqualTo(2);
                assertThat(flow.consent().in(language)).endsWith("?").hasSizeLessThanOrEqualTo(120);
            }
        }

        private Question question(String id) {
            return flow.step(id).orElseThrow();
        }

        private String text(String id) {
            return question(id).text().in("nl");
        }

        private List<String> labels(String id) {
            return question(id).options().stream().map(o -> o.label().in("nl")).toList();
        }
    }
}
