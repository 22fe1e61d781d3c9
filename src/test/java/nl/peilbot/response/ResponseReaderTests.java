package nl.peilbot.response;

import static nl.peilbot.response.ResponseFixtures.FLOW;
import static nl.peilbot.response.ResponseFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ChosenOption;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Stage;
import nl.peilbot.testsupport.FerretDb;

/** Other modules' one way to read responses, against responses stored as a turn stores them. */
class ResponseReaderTests {

    private static ResponseStore store;
    private static ResponseReader reader;

    @BeforeAll
    static void connect() {
        MongoDatabase database = FerretDb.database("response_reader");
        store = ResponseFixtures.store(database, event -> { });
        store.createIndexes();
        reader = new ResponseReader(database);
    }

    @Nested
    class OneResponse {

        @Test
        void shouldReadEveryKindOfAnswerAsTypedValuesInFlowOrder() {
            ConversationState state = ResponseFixtures.stateWithEveryKind();
            StoredResponse stored = StoredResponse.begin("r_reader_every_kind", FLOW.wave(), state, "telegram", T0);
            store.insert(stored, FLOW);

            ResponseView view = reader.find(stored.id()).orElseThrow();

            assertThat(view.survey()).isEqualTo(FLOW.id());
            assertThat(view.wave()).isEqualTo(FLOW.wave());
            assertThat(view.version()).isEqualTo(1);
            assertThat(view.status()).isEqualTo(ResponseStatus.IN_PROGRESS);
            assertThat(view.completed()).isFalse();
            assertThat(view.channels()).containsExactly("telegram");
            assertThat(view.language()).isEqualTo("en");
            assertThat(view.answers().keySet()).containsExactly("hospital", "hospitalType", "role", "familiarity",
                    "applications", "policy", "policyTopics", "experiments", "expectedSupport");
            assertThat(view.profileFields()).containsExactly("hospital", "hospitalType", "role");
            RecordedAnswer hospital = view.answer("hospital").orElseThrow();
            assertThat(hospital.text()).isEqualTo("Ziekenhuis Zuid");
            assertThat(hospital.single()).contains("Ziekenhuis Zuid");
            assertThat(hospital.secondsTaken()).as("taken from the invitation, never asked").isNull();
            RecordedAnswer applications = view.answer("applications").orElseThrow();
            assertThat(applications.codes()).containsExactly("imaging", "other");
            assertThat(applications.otherText()).isEqualTo("RPA");
            assertThat(applications.single()).as("two options are no single value").isEmpty();
            assertThat(applications.secondsTaken()).isEqualTo(18L);
            assertThat(view.answer("role").flatMap(RecordedAnswer::single)).contains("cmio");
            assertThat(view.answer("policyTopics").orElseThrow().skipped()).isTrue();
            assertThat(view.answer("policyTopics").orElseThrow().chosen()).isFalse();
            assertThat(view.answer("experiments").orElseThrow().entries()).hasSize(2)
                    .first().satisfies(entry -> assertThat(entry.keySet()).containsExactly("specialism", "description"));
            assertThat(view.answer("expectedSupport").orElseThrow().parts())
                    .containsExactly(Map.entry("shortTerm", "Kennisdeling"), Map.entry("longTerm", "Landelijke infrastructuur"));
        }

        @Test
        void shouldGiveBackANumberAsTheDecimalThatWasTyped() {
            Map<String, Answer> answers = new LinkedHashMap<>(ResponseFixtures.newState().answers());
            answers.put("familiarity", new Answer("familiarity", null, null, null, null, null, new BigDecimal("2.50"),
                    false, "chat", T0.plusSeconds(5), 5));
            store.insert(StoredResponse.begin("r_reader_number", FLOW.wave(), state(Stage.ASKING, answers), "web", T0), FLOW);

            assertThat(reader.find("r_reader_number").orElseThrow().answer("familiarity").orElseThrow().value())
                    .isEqualByComparingTo("2.5");
        }

        @Test
        void shouldAnswerEmptyForAnUnknownResponse() {
            assertThat(reader.find("r_reader_never_stored")).isEmpty();
            assertThat(reader.progress(FLOW, "r_reader_never_stored")).isEmpty();
        }

        @Test
        void shouldShowProgressWithoutTheContentOfAnyAnswer() {
            StoredResponse stored = StoredResponse.begin("r_reader_progress", FLOW.wave(),
                    ResponseFixtures.stateWithEveryKind(), "web", T0);
            store.insert(stored, FLOW);

            ResponseProgress progress = reader.progress(FLOW, stored.id()).orElseThrow();

            assertThat(progress.status()).isEqualTo(ResponseStatus.IN_PROGRESS);
            assertThat(progress.currentStep()).isEqualTo("experiments");
            assertThat(progress.answered()).containsExactly("hospital", "hospitalType", "role", "familiarity",
                    "applications", "policy", "policyTopics", "experiments", "expectedSupport");
            assertThat(progress.secondsTaken()).as("only questions asked in a conversation")
                    .doesNotContainKeys("hospital", "hospitalType").containsEntry("role", 4L).containsEntry("applications", 18L);
            assertThat(progress.toString()).doesNotContain("RPA", "Kennisdeling", "Ziekenhuis Zuid", "cmio");
        }
    }

    /** Responses of two waves, of both statuses, two channels, two roles and two levels of familiarity. */
    @Nested
    class Selections {

        private static final String WAVE = "selected";
        private static final String OTHER_WAVE = "other-wave";
        private static final int PER_WAVE = 16;

        private record Made(String id, String wave, boolean completed, String channel, String role, String familiarity) {
        }

        private static final List<Made> MADE = new ArrayList<>();

        @BeforeAll
        static void storeResponses() {
            for (String wave : List.of(WAVE, OTHER_WAVE)) {
                for (int i = 0; i < PER_WAVE; i++) {
                    Made made = new Made("r_sel_" + wave + "_" + i, wave, i % 2 == 0, i % 4 < 2 ? "web" : "telegram",
                            i % 8 < 4 ? "cmio" : "cio", i % 3 == 0 ? "familiar" : "unfamiliar");
                    Map<String, Answer> answers = new LinkedHashMap<>();
                    answers.put("role", new Answer("role", List.of(new ChosenOption(made.role(), made.role())), null, null,
                            null, null, false, "invitation", T0, 0));
                    answers.put("familiarity", new Answer("familiarity",
                            List.of(new ChosenOption(made.familiarity(), made.familiarity())), null, null, null, null, false,
                            "chat", T0.plusSeconds(3), 3));
                    ConversationState state = state(made.completed() ? Stage.COMPLETED : Stage.ASKING, answers);
                    store.insert(StoredResponse.begin(made.id(), wave, state, made.channel(), T0), FLOW);
                    MADE.add(made);
                }
            }
        }

        private static void assertSelects(ResponseSelection selection, Predicate<Made> expected) {
            List<String> ids = MADE.stream().filter(m -> m.wave().equals(selection.wave())).filter(expected)
                    .map(Made::id).sorted().toList();
            assertThat(ids).as("a selection that selects something").isNotEmpty();
            List<String> streamed = new ArrayList<>();
            reader.forEach(selection, view -> streamed.add(view.id()));
            assertThat(streamed).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(reader.page(selection, 0, 0).stream().map(ResponseView::id).toList()).containsExactlyElementsOf(ids);
            assertThat(reader.count(selection)).isEqualTo(ids.size());
            List<String> idsOnly = new ArrayList<>();
            reader.forEachId(selection, idsOnly::add);
            assertThat(idsOnly).containsExactlyInAnyOrderElementsOf(ids);
        }

        private static ResponseSelection ofWave() {
            return ResponseSelection.ofWave(FLOW.id(), WAVE);
        }

        @Test
        void shouldSelectAWaveWhateverItsStatus() {
            assertSelects(ofWave(), m -> true);
            assertSelects(ResponseSelection.ofWave(FLOW.id(), OTHER_WAVE), m -> true);
        }

        @Test
        void shouldSelectByStatus() {
            assertSelects(ResponseSelection.completedOf(FLOW.id(), WAVE), Made::completed);
            assertSelects(ofWave().withStatus(ResponseStatus.IN_PROGRESS), m -> !m.completed());
        }

        @Test
        void shouldSelectByChannelProfileAndChosenOptionAllAtOnce() {
            assertSelects(ofWave().inChannel("telegram"), m -> m.channel().equals("telegram"));
            assertSelects(ofWave().withProfile("role", "cio"), m -> m.role().equals("cio"));
            assertSelects(ofWave().withChosen("familiarity", "familiar"), m -> m.familiarity().equals("familiar"));
            assertSelects(ofWave().withStatus(ResponseStatus.COMPLETED).inChannel("web").withChosen("familiarity", "unfamiliar"),
                    m -> m.completed() && m.channel().equals("web") && m.familiarity().equals("unfamiliar"));
        }

        @Test
        void shouldPageInIdOrder() {
            List<String> all = reader.page(ofWave(), 0, 0).stream().map(ResponseView::id).toList();

            assertThat(reader.page(ofWave(), 5, 4).stream().map(ResponseView::id).toList())
                    .containsExactlyElementsOf(all.subList(5, 9));
            assertThat(reader.page(ofWave(), PER_WAVE - 2, 10)).hasSize(2);
        }

        @Test
        void shouldTellProgressOnlyOfTheFlowsOwnWave() {
            String ofAnotherWave = MADE.get(0).id();

            assertThat(reader.progress(FLOW, ofAnotherWave)).isEmpty();
            List<String> ids = new ArrayList<>();
            reader.forEachProgress(FLOW, progress -> ids.add(progress.id()));
            assertThat(ids).doesNotContainAnyElementsOf(MADE.stream().map(Made::id).toList());
        }
    }

    @Test
    void shouldStreamAWaveOfMoreResponsesThanOneBatch() {
        String wave = "many";
        int stored = ResponseReader.BATCH + 120;
        for (int i = 0; i < stored; i++) {
            store.insert(StoredResponse.begin(String.format("r_many_%04d", i), wave,
                    state(Stage.COMPLETED, ResponseFixtures.newState().answers()), "web", T0), FLOW);
        }
        List<String> streamed = new ArrayList<>();

        reader.forEach(ResponseSelection.completedOf(FLOW.id(), wave), view -> streamed.add(view.id()));

        assertThat(streamed).hasSize(stored).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepTheStatusWordsInOnePlace() {
        assertThat(ResponseStatus.COMPLETED.code()).isEqualTo(ResponseStatus.COMPLETED_CODE);
        assertThat(ResponseStatus.ofCode(" Completed ")).contains(ResponseStatus.COMPLETED);
        assertThat(ResponseStatus.ofCode("in_progress")).contains(ResponseStatus.IN_PROGRESS);
        assertThat(ResponseStatus.ofCode("all")).isEmpty();
        assertThat(ResponseStatus.ofCode(null)).isEmpty();
    }

    private static ConversationState state(Stage stage, Map<String, Answer> answers) {
        return new ConversationState(FLOW.id(), FLOW.version(), "nl", stage, stage == Stage.ASKING ? "familiarity" : null,
                answers, null, T0, false, null);
    }
}
