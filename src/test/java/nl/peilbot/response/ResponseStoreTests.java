package nl.peilbot.response;

import static nl.peilbot.response.ResponseFixtures.FLOW;
import static nl.peilbot.response.ResponseFixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ChosenOption;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Stage;
import nl.peilbot.testsupport.FerretDb;

class ResponseStoreTests {

    private static MongoCollection<Document> raw;
    private static ResponseStore responses;

    @BeforeAll
    static void connect() {
        MongoDatabase database = FerretDb.database("response_store");
        raw = database.getCollection("responses");
        responses = ResponseFixtures.store(database, event -> { });
        responses.createIndexes();
    }

    private static StoredResponse responseWithEveryKind(String id) {
        ConversationState state = ResponseFixtures.stateWithEveryKind();
        return new StoredResponse(id, state.flowId(), FLOW.wave(), state.flowVersion(), ResponseStatus.IN_PROGRESS,
                state.language(), List.of("web", "telegram"), state, 7, List.of("m-1", "m-2"), T0,
                T0.plusSeconds(121), null);
    }

    @Nested
    class RoundTrip {

        @Test
        void shouldReadBackEveryAnswerKindPendingInputAndProfile() {
            StoredResponse response = responseWithEveryKind("r_roundtrip_every_kind");

            assertThat(responses.insert(response, FLOW)).isTrue();

            assertThat(responses.find(response.id())).contains(response);
        }

        @Test
        void shouldReadBackAnswersInFlowOrder() {
            StoredResponse response = responseWithEveryKind("r_roundtrip_order");
            responses.insert(response, FLOW);

            StoredResponse read = responses.find(response.id()).orElseThrow();

            assertThat(read.state().answers().keySet()).containsExactly("hospital", "hospitalType", "role",
                    "familiarity", "applications", "policy", "policyTopics", "experiments", "expectedSupport");
        }

        @Test
        void shouldReadBackACompletedResponse() {
            StoredResponse started = ResponseFixtures.newResponse("r_roundtrip_completed");
            ConversationState submitted = new ConversationState(FLOW.id(), FLOW.version(), "nl", Stage.COMPLETED,
                    null, started.state().answers(), null, null, false, null);
            StoredResponse completed = started.afterTurn(submitted, "m-9", "web", T0.plusSeconds(300));
            responses.insert(completed, FLOW);

            StoredResponse read = responses.find(completed.id()).orElseThrow();

            assertThat(read).isEqualTo(completed);
            assertThat(read.completedAt()).isEqualTo(T0.plusSeconds(300));
            assertThat(read.consentedAt()).isEqualTo(T0.plusSeconds(300));
        }

        @Test
        void shouldFindNothingForAnUnknownId() {
            assertThat(responses.find("r_does_not_exist")).isEmpty();
        }

        @Test
        void shouldKeepTimesToTheMillisecond() {
            Instant precise = Instant.parse("2024-03-01T09:00:00.123456789Z");
            StoredResponse response = StoredResponse.begin("r_millis", FLOW.wave(), ResponseFixtures.newState(), "web",
                    precise);
            responses.insert(response, FLOW);

            assertThat(responses.find("r_millis").orElseThrow().startedAt())
                    .isEqualTo(Instant.parse("2024-03-01T09:00:00.123Z"));
        }
    }

    @Nested
    class StoredShape {

        private Document stored() {
            StoredResponse response = responseWithEveryKind("r_shape");
            responses.insert(response, FLOW);
            return raw.find(Filters.eq("_id", "r_shape")).first();
        }

        @Test
        void shouldStoreTheTopLevelFieldsOfTheDesign() {
            Document document = stored();

            assertThat(List.copyOf(document.keySet())).containsExactly("_id", "survey", "wave", "flowVersion",
                    "status", "language", "channels", "profile", "answers", "startedAt", "updatedAt", "version",
                    "recentMessageIds", "conversation");
            assertThat(document).containsEntry("survey", "small-survey").containsEntry("wave", "2024")
                    .containsEntry("flowVersion", FLOW.version()).containsEntry("status", "in_progress")
                    .containsEntry("language", "en").containsEntry("channels", List.of("web", "telegram"))
                    .containsEntry("version", 7L).containsEntry("recentMessageIds", List.of("m-1", "m-2"))
                    .containsEntry("startedAt", Date.from(T0));
        }

        @Test
        void shouldStoreAFlatProfileOfCodesAndTexts() {
            assertThat(stored().get("profile", Document.class)).isEqualTo(new Document("hospital", "Ziekenhuis Zuid")
                    .append("hospitalType", "topclinical").append("role", "cmio"));
        }

        @Test
        void shouldStoreAnswersByQuestionIdInFlowOrder() {
            Document answers = stored().get("answers", Document.class);

            assertThat(List.copyOf(answers.keySet())).containsExactly("hospital", "hospitalType", "role",
                    "familiarity", "applications", "policy", "policyTopics", "experiments", "expectedSupport");
        }

        @Test
        void shouldStoreEachAnswerKindInOneShapeWithEmptyFieldsLeftOut() {
            Document answers = stored().get("answers", Document.class);

            assertThat(answers.get("familiarity")).isEqualTo(new Document("choices",
                    List.of(new Document("code", "familiar").append("label", "Bekend")))
                    .append("answeredAt", Date.from(T0.plusSeconds(22))).append("secondsTaken", 12L)
                    .append("source", "chat"));
            assertThat(answers.get("applications", Document.class)).containsEntry("choices", List.of(
                            new Document("code", "imaging").append("label", "Beeldherkenning"),
                            new Document("code", "other").append("label", "Anders, namelijk")))
                    .containsEntry("otherText", "RPA");
            assertThat(answers.get("hospital")).isEqualTo(new Document("text", "Ziekenhuis Zuid")
                    .append("answeredAt", Date.from(T0)).append("source", "invitation"));
            assertThat(answers.get("policyTopics")).isEqualTo(new Document("skipped", true)
                    .append("answeredAt", Date.from(T0.plusSeconds(50))).append("secondsTaken", 5L)
                    .append("source", "chat"));
            assertThat(answers.get("experiments", Document.class).get("entries")).isEqualTo(List.of(
                    new Document("specialism", "Radiologie").append("description", "beeldherkenning longfoto's"),
                    new Document("specialism", "Cardiologie").append("description", "ECG-analyse")));
            assertThat(answers.get("expectedSupport", Document.class).get("parts")).isEqualTo(
                    new Document("shortTerm", "Kennisdeling").append("longTerm", "Landelijke infrastructuur"));
        }

        @Test
        void shouldKeepFieldsAndPartsInTheOrderOfTheFlow() {
            Document answers = stored().get("answers", Document.class);
            Document entry = answers.get("experiments", Document.class).getList("entries", Document.class).get(0);
            Document parts = answers.get("expectedSupport", Document.class).get("parts", Document.class);

            assertThat(List.copyOf(entry.keySet())).containsExactly("specialism", "description");
            assertThat(List.copyOf(parts.keySet())).containsExactly("shortTerm", "longTerm");
        }

        @Test
        void shouldStoreTheConversationStateWithPendingInput() {
            assertThat(stored().get("conversation")).isEqualTo(new Document("stage", "confirming_restart")
                    .append("currentStep", "experiments")
                    .append("askedAt", Date.from(T0.plusSeconds(121)))
                    .append("returnToSummary", true)
                    .append("resumeStage", "asking")
                    .append("pending", new Document("selected", List.of("speech", "imaging"))
                            .append("awaitingOther", true)
                            .append("entries", List.of(new Document("specialism", "SEH").append("description", "triage")))
                            .append("entry", new Document("specialism", "Pathologie"))
                            .append("parts", new Document("longTerm", "later"))));
        }

        @Test
        void shouldLeaveOutWhatANewConversationDoesNotHave() {
            responses.insert(ResponseFixtures.newResponse("r_shape_new"), FLOW);

            Document document = raw.find(Filters.eq("_id", "r_shape_new")).first();

            assertThat(document).doesNotContainKeys("completedAt", "consentedAt");
            assertThat(document.get("conversation")).isEqualTo(new Document("stage", "consent")
                    .append("askedAt", Date.from(T0)));
            assertThat(document.get("profile")).isEqualTo(new Document("hospital", "Ziekenhuis Noord"));
            assertThat(document).containsEntry("version", 1L).containsEntry("recentMessageIds", List.of())
                    .containsEntry("channels", List.of("web"));
        }
    }

    @Nested
    class Writing {

        @Test
        void shouldNotOverwriteAnExistingResponseOnInsert() {
            StoredResponse first = ResponseFixtures.newResponse("r_insert_twice");
            StoredResponse second = responseWithEveryKind("r_insert_twice");

            assertThat(responses.insert(first, FLOW)).isTrue();
            assertThat(responses.insert(second, FLOW)).isFalse();

            assertThat(responses.find("r_insert_twice")).contains(first);
        }

        @Test
        void shouldCreateOneDocumentWhenTwoInsertTheSameNewResponseAtOnce() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 10; round++) {
                    StoredResponse response = ResponseFixtures.newResponse("r_insert_race_" + round);
                    CyclicBarrier together = new CyclicBarrier(2);
                    Callable<Boolean> insert = () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return responses.insert(response, FLOW);
                    };
                    List<Future<Boolean>> results = threads.invokeAll(List.of(insert, insert));

                    assertThat(results.get(0).get() ^ results.get(1).get()).as("one insert wins in round %d", round).isTrue();
                    assertThat(raw.countDocuments(Filters.eq("_id", response.id()))).isEqualTo(1);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        @Test
        void shouldCommitTheNextVersionAndWriteTheSnapshot() {
            StoredResponse first = ResponseFixtures.newResponse("r_commit");
            responses.insert(first, FLOW);
            StoredResponse next = first.afterTurn(ResponseFixtures.stateWithEveryKind(), "m-1", "web", T0.plusSeconds(5));

            assertThat(responses.commit(next, FLOW, System.nanoTime())).isTrue();

            assertThat(responses.find("r_commit")).contains(next);
            assertThat(raw.find(Filters.eq("_id", "r_commit")).first()).containsEntry("version", 2L);
        }

        @Test
        void shouldNotCommitAVersionThatWasCommittedBefore() {
            StoredResponse first = ResponseFixtures.newResponse("r_commit_outdated");
            responses.insert(first, FLOW);
            StoredResponse second = first.afterTurn(first.state(), "m-1", "web", T0.plusSeconds(5));
            responses.commit(second, FLOW, System.nanoTime());
            StoredResponse late = first.afterTurn(ResponseFixtures.stateWithEveryKind(), "m-2", "web", T0.plusSeconds(6));

            assertThat(responses.commit(late, FLOW, System.nanoTime())).isFalse();

            assertThat(responses.find("r_commit_outdated")).contains(second);
        }

        @Test
        void shouldNotCreateAResponseThatDoesNotExistByCommittingATurn() {
            StoredResponse ghost = ResponseFixtures.newResponse("r_ghost");

            responses.commit(ghost.afterTurn(ghost.state(), "m", "web", T0), FLOW, System.nanoTime());

            assertThat(responses.find("r_ghost")).isEmpty();
            assertThat(raw.countDocuments(Filters.eq("_id", "r_ghost"))).isZero();
        }

        @Test
        void shouldRefuseToCommitTheFirstVersion() {
            StoredResponse first = ResponseFixtures.newResponse("r_commit_first_version");

            assertThatThrownBy(() -> responses.commit(first, FLOW, System.nanoTime())).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void shouldLetExactlyOneOfTwoConcurrentCommitsWin() throws Exception {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 10; round++) {
                    String id = "r_race_" + round;
                    StoredResponse read = ResponseFixtures.newResponse(id);
                    responses.insert(read, FLOW);
                    StoredResponse byTabA = read.afterTurn(withLanguage(read.state(), "nl"), "tab-a", "web", T0.plusSeconds(1));
                    StoredResponse byTabB = read.afterTurn(withLanguage(read.state(), "en"), "tab-b", "web", T0.plusSeconds(1));
                    CyclicBarrier together = new CyclicBarrier(2);
                    Callable<Boolean> a = () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return responses.commit(byTabA, FLOW, System.nanoTime());
                    };
                    Callable<Boolean> b = () -> {
                        together.await(10, TimeUnit.SECONDS);
                        return responses.commit(byTabB, FLOW, System.nanoTime());
                    };
                    List<Future<Boolean>> results = threads.invokeAll(List.of(a, b));
                    boolean aWon = results.get(0).get();
                    boolean bWon = results.get(1).get();

                    assertThat(aWon ^ bWon).as("exactly one commit wins in round %d: a=%s b=%s", round, aWon, bWon).isTrue();
                    assertThat(responses.find(id)).contains(aWon ? byTabA : byTabB);
                }
            } finally {
                threads.shutdownNow();
            }
        }

        private ConversationState withLanguage(ConversationState state, String language) {
            return new ConversationState(state.flowId(), state.flowVersion(), language, state.stage(),
                    state.currentStep(), state.answers(), state.pending(), state.askedAt(), state.returnToSummary(),
                    state.resumeStage());
        }
    }

    @Test
    void shouldNotStoreAProfileFieldThatWasSkipped() {
        ConversationState state = new ConversationState(FLOW.id(), FLOW.version(), "nl", Stage.ASKING, "familiarity",
                Map.of("role", new Answer("role", List.of(), null, null, null, null, true, "chat", T0, 3),
                        "hospitalType", new Answer("hospitalType", List.of(new ChosenOption("general", "Algemeen")),
                                null, null, null, null, false, "chat", T0, 3)),
                null, T0, false, null);
        responses.insert(StoredResponse.begin("r_profile_skipped", "2024", state, "web", T0), FLOW);

        assertThat(raw.find(Filters.eq("_id", "r_profile_skipped")).first().get("profile"))
                .isEqualTo(new Document("hospitalType", "general"));
    }
}
