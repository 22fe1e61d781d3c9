package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.FerretDb;

/**
 * The acceptance test of the aggregation: the 2020 report's respondents
 * (conversation-flows/examples/ai-in-hospitals-2020-respondents.yaml, whose header says which figure fixes which
 * answers) stored as the chat stores them and coded by an analyst reproduce every table of chapter 4, counts beside
 * whole percents.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportReproductionTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("report");
    private static final WaveId WAVE_2020 = new WaveId("ai-in-hospitals-2020", "2020");
    private static final WaveId WAVE_2019 = new WaveId("ai-in-hospitals-2019", "2019");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    private Results results;

    @Autowired
    private ResultsStore store;

    @Autowired
    private ContributionStore contributions;

    @Autowired
    private Folder folder;

    @Autowired
    private ResponseStore responses;

    @Autowired
    private FlowSnapshots snapshots;

    @Autowired
    private ApplicationEventPublisher events;

    private ReportFixture fixture2020;

    @BeforeAll
    void storeTheRespondents() {
        fixture2020 = new ReportFixture(Path.of("conversation-flows/ai-in-hospitals-2020.yaml"),
                Path.of("conversation-flows/examples/ai-in-hospitals-2020-respondents.yaml"));
        store(fixture2020);
        for (ReportFixture.Coded coded : fixture2020.codings) {
            results.code(WAVE_2020, coded.responseId(), coded.questionId(), coded.part(), coded.categories());
        }
        store(new ReportFixture(Path.of("src/test/resources/aggregation/flow-2019.yaml"),
                Path.of("src/test/resources/aggregation/report-2019.yaml")));
    }

    /** As the conversation does: the flow text kept, the response stored, the completion published. */
    private void store(ReportFixture fixture) {
        snapshots.saveIfAbsent(fixture.flow, fixture.flowYaml, ReportFixture.SUBMITTED);
        for (StoredResponse response : fixture.responses) {
            assertThat(responses.insert(response, fixture.flow)).isTrue();
            events.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));
        }
        folder.fold(new WaveId(fixture.flow.id(), fixture.flow.wave()));
    }

    private List<Object> counts(Distribution distribution) {
        return distribution.counts().stream().filter(c -> c.count() > 0)
                .map(c -> (Object) tuple(c.code(), c.count(), c.percent())).toList();
    }

    private List<Object> categories(CodedTable table) {
        return table.categories().stream().map(c -> (Object) tuple(c.code(), c.count())).toList();
    }

    @Test
    void shouldCountThirtyFiveRespondentsFromTwentyNineHospitals() {
        Overview overview = results.overview(WAVE_2020);

        assertThat(overview.respondents()).isEqualTo(35);
        assertThat(overview.units()).isEqualTo(29);
        assertThat(overview.questions()).filteredOn(q -> q.number() > 0).hasSize(14);
    }

    @Nested
    class Familiarity {

        @Test
        void shouldGiveKnowledgeOfAiAs37And54And9PercentOf35() {
            Distribution familiarity = results.distribution(WAVE_2020, "familiarity", Unit.RESPONDENTS);

            assertThat(familiarity.base()).isEqualTo(35);
            assertThat(familiarity.counts()).extracting(Distribution.Count::label)
                    .containsExactly("Bekend", "Redelijk bekend", "Neutraal", "Redelijk onbekend", "Onbekend");
            assertThat(counts(familiarity)).containsExactly(
                    tuple("familiar", 13, 37), tuple("fairlyFamiliar", 19, 54), tuple("neutral", 3, 9));
        }

        @Test
        void shouldGiveFollowingDevelopmentsAs14And57And26And3Percent() {
            assertThat(counts(results.distribution(WAVE_2020, "followsDevelopments", Unit.RESPONDENTS))).containsExactly(
                    tuple("veryClosely", 5, 14), tuple("closely", 20, 57), tuple("neutral", 9, 26), tuple("limited", 1, 3));
        }

        @Test
        void shouldCountKnownApplicationsWithTheOtherTextsListed() {
            Distribution known = results.distribution(WAVE_2020, "knownApplications", Unit.RESPONDENTS);

            assertThat(known.counts()).extracting(Distribution.Count::code, Distribution.Count::count).containsExactly(
                    tuple("machineLearning", 34), tuple("naturalLanguageProcessing", 33), tuple("vision", 25),
                    tuple("robotics", 28), tuple("other", 2));
            assertThat(known.count("machineLearning").percent()).isGreaterThan(90);
            assertThat(known.count("vision").percent()).isGreaterThan(70);
            assertThat(known.otherTexts()).extracting(Distribution.OtherText::text)
                    .containsExactlyInAnyOrder("Eigen ontwikkeling", "Robotic Process Automation");
        }
    }

    @Nested
    class Policy {

        @Test
        void shouldGivePolicyAs9And37And54PercentAndThreeHospitalsWithAPolicy() {
            assertThat(counts(results.distribution(WAVE_2020, "policy", Unit.RESPONDENTS))).containsExactly(
                    tuple("yes", 3, 9), tuple("soon", 13, 37), tuple("no", 19, 54));
            Distribution hospitals = results.distribution(WAVE_2020, "policy", Unit.UNITS);
            assertThat(hospitals.base()).isEqualTo(29);
            assertThat(hospitals.count("yes").count()).isEqualTo(3);
            assertThat(hospitals.count("soon").count()).isEqualTo(13);
        }

        @Test
        void shouldCodePolicyTopicsWithTheReportsFrequencies() {
            CodedTable topics = results.coded(WAVE_2020, "policyTopics", null);

            assertThat(topics.answered()).isEqualTo(16);
            assertThat(topics.coded()).isEqualTo(16);
            assertThat(topics.uncoded()).isEmpty();
            assertThat(categories(topics)).containsExactly(
                    tuple("responsibility", 7), tuple("applicability", 6), tuple("quality", 5), tuple("legislation", 5),
                    tuple("feasibility", 4), tuple("ethics", 3), tuple("governance", 3), tuple("gdpr", 3),
                    tuple("transparency", 3), tuple("implementation", 3), tuple("strategy", 3), tuple("development", 2),
                    tuple("ictSupport", 2), tuple("reliability", 2), tuple("security", 2), tuple("ehrCoach", 1),
                    tuple("costs", 1), tuple("learningCurve", 1));
            assertThat(topics.category("responsibility").label()).isEqualTo("Verantwoordelijkheid");
        }

        @Test
        void shouldGiveAiChampionsAs17And34And49PercentAndSixFormalInSixHospitals() {
            assertThat(counts(results.distribution(WAVE_2020, "aiChampion", Unit.RESPONDENTS))).containsExactly(
                    tuple("yes", 6, 17), tuple("informal", 12, 34), tuple("no", 17, 49));
            Distribution hospitals = results.distribution(WAVE_2020, "aiChampion", Unit.UNITS);
            assertThat(hospitals.count("yes").count()).isEqualTo(6);
            assertThat(hospitals.count("informal").count()).isEqualTo(12);
        }
    }

    @Nested
    class ExperimentsAndImplementations {

        @Test
        void shouldCountHospitalsBySevenExperimentingSixImplementingSixBothAndTenNone() {
            UnitCombinations scale = results.unitCombinations(WAVE_2020, "scale");

            assertThat(scale.units()).isEqualTo(29);
            assertThat(scale.unitsWith("experimenting")).isEqualTo(7);
            assertThat(scale.unitsWith("smallScale")).isEqualTo(6);
            assertThat(scale.unitsWith("experimenting", "smallScale")).isEqualTo(6);
            assertThat(scale.unitsWith("notApplied")).isEqualTo(10);
            assertThat(scale.active()).isEqualTo(19);
            assertThat(Percent.of(scale.active(), scale.units())).isEqualTo(66);
        }

        @Test
        void shouldGiveThirteenHospitalsExperimentingAndTwelveImplementedThatIs41Percent() {
            Distribution scale = results.distribution(WAVE_2020, "scale", Unit.UNITS);

            assertThat(scale.base()).isEqualTo(29);
            assertThat(scale.count("experimenting").count()).isEqualTo(13);
            assertThat(scale.count("smallScale")).extracting(Distribution.Count::count, Distribution.Count::percent)
                    .containsExactly(12, 41);
            assertThat(scale.count("notApplied").count()).isEqualTo(10);
            Distribution respondents = results.distribution(WAVE_2020, "scale", Unit.RESPONDENTS);
            assertThat(respondents.base() - respondents.count("notApplied").count()).as("active respondents").isEqualTo(23);
        }

        @Test
        void shouldCountExperimentsBySpecialismWithRadiologyInSixHospitals() {
            CountedFieldTable experiments = results.counted(WAVE_2020, "experiments");

            assertThat(experiments.respondents()).isEqualTo(15);
            assertThat(experiments.units()).isEqualTo(13);
            assertThat(experiments.entries()).isEqualTo(28);
            assertThat(experiments.row("radiologie"))
                    .extracting(CountedFieldTable.Row::label, CountedFieldTable.Row::entries,
                            CountedFieldTable.Row::percent, CountedFieldTable.Row::units)
                    .containsExactly("Radiologie", 6, 21, 6);
            assertThat(experiments.row("Intensive care"))
                    .extracting(CountedFieldTable.Row::entries, CountedFieldTable.Row::units)
                    .containsExactly(4, 4);
            assertThat(experiments.rows()).extracting(CountedFieldTable.Row::key, CountedFieldTable.Row::entries)
                    .startsWith(tuple("radiologie", 6), tuple("intensive care", 4))
                    .contains(tuple("chirurgie", 2), tuple("neurologie", 2), tuple("administratieve processen", 2));
            assertThat(experiments.rows()).filteredOn(s -> s.entries() == 1).hasSize(12);
        }

        @Test
        void shouldGiveRadiology38AndIntensiveCare19PercentOfSixteenImplementationsInElevenHospitals() {
            CountedFieldTable implementations = results.counted(WAVE_2020, "implementations");

            assertThat(implementations.entries()).isEqualTo(16);
            assertThat(implementations.units()).isEqualTo(11);
            assertThat(implementations.row("radiologie"))
                    .extracting(CountedFieldTable.Row::entries, CountedFieldTable.Row::percent).containsExactly(6, 38);
            assertThat(implementations.row("intensive care"))
                    .extracting(CountedFieldTable.Row::entries, CountedFieldTable.Row::percent).containsExactly(3, 19);
            assertThat(implementations.row("cardiologie").entries()).isEqualTo(2);
            assertThat(implementations.row("urologie").entries()).isEqualTo(1);
        }
    }

    @Nested
    class Future {

        @Test
        void shouldGiveBetterCareAsTheDriverOf80Percent() {
            assertThat(results.distribution(WAVE_2020, "drivers", Unit.RESPONDENTS).count("betterCare"))
                    .extracting(Distribution.Count::count, Distribution.Count::percent).containsExactly(28, 80);
        }

        /** Section 4.4's reading: 40% only increase, 17% more than 30%, 60% less work (section 2 swaps 40 and 17). */
        @Test
        void shouldGiveWorkloadReductionAsSection44Reads() {
            Distribution workload = results.distribution(WAVE_2020, "workloadReduction", Unit.RESPONDENTS);

            assertThat(workload.count("none").percent()).isEqualTo(40);
            assertThat(workload.count("moreThan30").percent()).isEqualTo(17);
            int less = workload.base() - workload.count("none").count();
            assertThat(Percent.of(less, workload.base())).isEqualTo(60);
        }

        @Test
        void shouldCodeExpectedSupportShortAndLongTermSideBySide() {
            CodedTable shortTerm = results.coded(WAVE_2020, "expectedSupport", "shortTerm");
            CodedTable longTerm = results.coded(WAVE_2020, "expectedSupport", "longTerm");

            assertThat(shortTerm.answered()).isEqualTo(35);
            Map<String, int[]> expected = Map.ofEntries(
                    Map.entry("imaging", new int[] {14, 6}), Map.entry("decisionSupport", new int[] {8, 8}),
                    Map.entry("diagnostics", new int[] {2, 7}), Map.entry("processOptimisation", new int[] {7, 6}),
                    Map.entry("prediction", new int[] {6, 2}), Map.entry("speech", new int[] {3, 3}),
                    Map.entry("rpa", new int[] {3, 0}), Map.entry("ehrAlerts", new int[] {1, 0}),
                    Map.entry("personalisedCare", new int[] {0, 3}), Map.entry("unpredictable", new int[] {0, 3}),
                    Map.entry("prevention", new int[] {0, 1}), Map.entry("machineLearning", new int[] {2, 5}),
                    Map.entry("robotics", new int[] {1, 2}), Map.entry("nlp", new int[] {1, 2}));
            assertThat(shortTerm.categories()).hasSize(expected.size());
            expected.forEach((code, frequencies) -> {
                assertThat(shortTerm.category(code).count()).as("short term %s", code).isEqualTo(frequencies[0]);
                assertThat(longTerm.category(code).count()).as("long term %s", code).isEqualTo(frequencies[1]);
            });
        }

        @Test
        void shouldCodePotentialWithTheReportsFrequencies() {
            assertThat(categories(results.coded(WAVE_2020, "potential", null))).containsExactly(
                    tuple("imaging", 16), tuple("decisionSupport", 11), tuple("diagnostics", 7),
                    tuple("processOptimisation", 6), tuple("speech", 4), tuple("broadlyApplicable", 3),
                    tuple("prevention", 2), tuple("personalisedMedicine", 2), tuple("prediction", 1), tuple("capacity", 1),
                    tuple("chatbots", 1), tuple("ownInitiatives", 1), tuple("machineLearning", 6), tuple("robotics", 2));
        }
    }

    @Nested
    class Concerns {

        @Test
        void shouldCodeConcernsWithTheReportsFrequenciesAndQuotes() {
            CodedTable concerns = results.coded(WAVE_2020, "concerns", null);

            assertThat(concerns.answered()).isEqualTo(35);
            assertThat(categories(concerns)).containsExactly(
                    tuple("knowledge", 10), tuple("acceptance", 9), tuple("funding", 8), tuple("adoption", 5),
                    tuple("responsibility", 5), tuple("autonomy", 3), tuple("safety", 2), tuple("other", 6));
            assertThat(concerns.category("safety").texts()).anyMatch(t -> t.contains("Data in verkeerde handen"));
            assertThat(concerns.category("knowledge").percent()).isEqualTo(29);
        }
    }

    @Nested
    class Comparisons {

        @Test
        void shouldCrossTabulateAnyQuestionByRoleAndHospitalType() {
            CrossTab byRole = results.crossTab(WAVE_2020, "familiarity", "role");
            CrossTab byType = results.crossTab(WAVE_2020, "hospitalType", "scale");

            assertThat(byRole.base()).isEqualTo(35);
            assertThat(byRole.rows()).extracting(CrossTab.Row::code, CrossTab.Row::count)
                    .contains(tuple("familiar", 13), tuple("fairlyFamiliar", 19), tuple("neutral", 3));
            assertThat(byRole.columns()).extracting(CrossTab.Column::count).containsExactly(20, 15, 0);
            assertThat(byRole.count("familiar", "cio") + byRole.count("familiar", "cmio")).isEqualTo(13);
            int notApplied = byType.rows().stream().mapToInt(r -> byType.count(r.code(), "notApplied")).sum();
            assertThat(notApplied).isEqualTo(12);
        }

        @Test
        void shouldCompareSmallScaleImplementationsAndPoliciesWith2019() {
            WaveComparison scale = results.compare("scale", Unit.UNITS, List.of(WAVE_2019, WAVE_2020));
            WaveComparison policy = results.compare("policy", Unit.UNITS, List.of(WAVE_2019, WAVE_2020));

            assertThat(scale.rows()).filteredOn(r -> r.code().equals("smallScale")).singleElement()
                    .satisfies(row -> assertThat(row.perWave()).extracting(Distribution.Count::percent).containsExactly(24, 41));
            assertThat(policy.rows()).filteredOn(r -> r.code().equals("yes")).singleElement()
                    .satisfies(row -> assertThat(row.perWave()).extracting(Distribution.Count::count).containsExactly(1, 3));
        }
    }

    @Test
    void shouldRebuildExactlyTheResultsTheIncrementalPathMade() {
        Fold incremental = store.latest(WAVE_2020).orElseThrow();
        List<Contribution> counted = contributions.current(WAVE_2020, incremental.generation());

        results.rebuild(WAVE_2020);
        Fold rebuilt = store.latest(WAVE_2020).orElseThrow();

        assertThat(rebuilt.generation()).isNotEqualTo(incremental.generation());
        assertThat(rebuilt.tally()).isEqualTo(incremental.tally());
        assertThat(contributions.current(WAVE_2020, rebuilt.generation())).hasSize(35)
                .containsExactlyInAnyOrderElementsOf(counted);
        assertThat(contributions.current(WAVE_2020, incremental.generation())).as("the old generation removed").isEmpty();
    }
}
