package nl.peilbot.aggregation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import nl.peilbot.conversation.Access;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ChosenOption;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Outbound;
import nl.peilbot.engine.Stage;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.ResponseWithdrawn;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.ShortestWalk;
import nl.peilbot.response.ResponseReader;

/** The incremental path, crashes, withdrawals and the coding, on the real 2020 flow and a real FerretDB. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@RecordApplicationEvents
class AggregatorTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("aggregator");
    private static final Path FLOW_FILE = Path.of("conversation-flows/ai-in-hospitals-2020.yaml");
    private static final Flow FLOW = Flows.load(FLOW_FILE);
    private static final WaveId WAVE = new WaveId(FLOW.id(), FLOW.wave());
    private static final Instant NOW = Instant.parse("2020-03-02T10:00:00Z");
    private static final AtomicInteger ids = new AtomicInteger();

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    private Results results;

    @Autowired
    private Aggregator aggregator;

    @Autowired
    private ResultsStore store;

    @Autowired
    private ContributionStore contributions;

    @Autowired
    private DeltaQueue queue;

    @Autowired
    private Folder folder;

    @Autowired
    private com.mongodb.client.MongoDatabase database;

    @Autowired
    private CodingStore codings;

    @Autowired
    private ResponseStore responses;

    @Autowired
    private FlowSnapshots snapshots;

    @Autowired
    private ApplicationEventPublisher publisher;

    @Autowired
    private ApplicationEvents events;

    @Autowired
    private Conversations conversations;

    @Autowired
    private Invitations invitations;

    private static String newId() {
        return ReportFixture.responseId("aggregator-tests", String.valueOf(ids.incrementAndGet()));
    }

    private static Answer choice(String questionId, String... codes) {
        List<ChosenOption> choices = java.util.Arrays.stream(codes)
                .map(code -> new ChosenOption(code, FLOW.step(questionId).orElseThrow().option(code).orElseThrow().label().in("nl")))
                .toList();
        return new Answer(questionId, choices, null, null, null, null, false, "chat", NOW, 3);
    }

    private static Answer text(String questionId, String text) {
        return new Answer(questionId, null, null, text, null, null, false, "chat", NOW, 3);
    }

    private static StoredResponse completed(String id, String hospital, Answer... answers) {
        Map<String, Answer> byQuestion = new LinkedHashMap<>();
        byQuestion.put("hospital", new Answer("hospital", null, null, hospital, null, null, false, "invitation", NOW, 0));
        for (Answer answer : answers) {
            byQuestion.put(answer.questionId(), answer);
        }
        ConversationState state = new ConversationState(FLOW.id(), FLOW.version(), "nl", Stage.COMPLETED, null,
                byQuestion, null, null, false, null);
        return StoredResponse.begin(id, FLOW.wave(), state, "web", NOW);
    }

    /** The response one version on, with these answers in place of its own and the given stage. */
    private static StoredResponse changed(StoredResponse response, Stage stage, Answer... answers) {
        Map<String, Answer> byQuestion = new LinkedHashMap<>(response.state().answers());
        for (Answer answer : answers) {
            byQuestion.put(answer.questionId(), answer);
        }
        ConversationState state = new ConversationState(FLOW.id(), FLOW.version(), "nl", stage, null, byQuestion,
                null, null, false, null);
        return response.afterTurn(state, null, "web", NOW.plusSeconds(60));
    }

    private StoredResponse insert(StoredResponse response) {
        snapshots.saveIfAbsent(FLOW, Flows.read(FLOW_FILE), NOW);
        assertThat(responses.insert(response, FLOW)).isTrue();
        return response;
    }

    /** Publishes the completion as the conversation does, and waits for the fold it starts on another thread. */
    private void publish(StoredResponse response) {
        publisher.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));
        await().atMost(Duration.ofSeconds(30)).until(() -> queue.pending(WAVE, 1).isEmpty());
        folder.fold(WAVE);
    }

    private Fold latest() {
        return store.latest(WAVE).orElseThrow();
    }

    private Contribution contributionOf(String id) {
        return contributions.latest(latest().generation(), id).map(ContributionStore.Latest::contribution).orElse(null);
    }

    @Nested
    class Incremental {

        @Test
        void shouldCountAResponseOnceWhenItIsAggregatedTwice() {
            StoredResponse response = insert(completed(newId(), "Ziekenhuis Twee Keer", choice("familiarity", "neutral")));
            publish(response);
            Fold once = latest();

            publish(response);
            results.aggregate(response.id());
            aggregator.sweep();

            Fold twice = latest();
            assertThat(twice.seq()).as("nothing changed, nothing committed").isEqualTo(once.seq());
            assertThat(twice.tally()).isEqualTo(once.tally());
            assertThat(contributionOf(response.id()).version()).isEqualTo(1);
        }

        @Test
        void shouldReplaceTheOldContributionOfAChangedResponse() {
            StoredResponse first = insert(completed(newId(), "Ziekenhuis Wissel", choice("policy", "yes")));
            publish(first);
            int yesBefore = results.distribution(WAVE, "policy", Unit.RESPONDENTS).count("yes").count();
            int noBefore = results.distribution(WAVE, "policy", Unit.RESPONDENTS).count("no").count();

            StoredResponse second = changed(first, Stage.COMPLETED, choice("policy", "no"));
            assertThat(responses.commit(second, FLOW, System.nanoTime())).isTrue();
            publish(second);

            Distribution policy = results.distribution(WAVE, "policy", Unit.RESPONDENTS);
            assertThat(policy.count("yes").count()).isEqualTo(yesBefore - 1);
            assertThat(policy.count("no").count()).isEqualTo(noBefore + 1);
            assertThat(contributionOf(first.id()).version()).isEqualTo(2);
        }

        @Test
        void shouldTakeOutAResponseThatIsNoLongerCompleted() {
            StoredResponse first = insert(completed(newId(), "Ziekenhuis Heropend", choice("familiarity", "unfamiliar")));
            publish(first);
            assertThat(contributionOf(first.id())).isNotNull();

            int before = results.overview(WAVE).respondents();

            assertThat(responses.commit(changed(first, Stage.SUMMARY), FLOW, System.nanoTime())).isTrue();
            results.aggregate(first.id());

            assertThat(contributionOf(first.id())).isNull();
            assertThat(results.overview(WAVE).respondents()).isEqualTo(before - 1);
        }

        @Test
        void shouldCountAHospitalAsNotApplyingAiOnlyWhenNoneOfItsRespondentsApplyIt() {
            publish(insert(completed(newId(), "Ziekenhuis Samen", choice("scale", "notApplied"))));
            publish(insert(completed(newId(), "ZIEKENHUIS  SAMEN", choice("scale", "experimenting"))));

            Fold stored = latest();
            Tables tables = new Tables(WAVE, FLOW, stored.tally(), () -> TextLists.EMPTY);
            UnitCombinations scale = tables.combinations("scale");
            assertThat(stored.tally().count(new TallyKey.UnitRespondents("ziekenhuis samen"))).isEqualTo(2);
            assertThat(stored.tally().below(new TallyKey.UnitAnswered("ziekenhuis samen", "scale"))).containsOnlyKeys("notApplied", "experimenting");
            assertThat(scale.combinations()).noneMatch(c -> c.codes().contains("notApplied") && c.codes().size() > 1);
            assertThat(results.distribution(WAVE, "scale", Unit.UNITS).count("notApplied").count())
                    .isEqualTo(results.distribution(WAVE, "scale", Unit.RESPONDENTS).count("notApplied").count() - 1);
        }

        @Test
        void shouldAggregateAResponseCompletedInTheChat() {
            String token = invitations.create(FLOW.id(), Map.of("hospital", "Ziekenhuis Chat", "hospitalType", "algemeen",
                    "role", "cmio"));
            Session session = conversations.open(new Access(token, null), "web");
            List<Outbound> messages = session.messages();
            Reply reply = null;
            for (int turn = 0; turn < 40 && (reply == null || !reply.completed()); turn++) {
                Outbound.Ask ask = (Outbound.Ask) messages.get(messages.size() - 1);
                reply = conversations.handle(session.responseId(), "m-" + turn, ShortestWalk.answerTo(ask), "web");
                assertThat(reply.outcome()).as("answer to %s", ask.stepId()).isEqualTo(Reply.Outcome.APPLIED);
                messages = reply.messages();
            }

            assertThat(reply.completed()).isTrue();
            await().atMost(Duration.ofSeconds(30)).until(() -> contributionOf(session.responseId()) != null);
            Contribution contribution = contributionOf(session.responseId());
            assertThat(contribution.unit()).isEqualTo("ziekenhuis chat");
            assertThat(contribution.choices()).containsEntry("familiarity", List.of("familiar"))
                    .containsEntry("role", List.of("cmio")).containsEntry("scale", List.of("notApplied"));
            assertThat(contribution.texts().get("concerns").text()).isEqualTo("Kosten en kennis");
        }
    }

    @Nested
    class Asynchronously {

        @Test
        void shouldShowACompletionInTheResultsRightAfterItsEventWithoutAnyoneFolding() {
            int before = results.overview(WAVE).respondents();
            StoredResponse response = insert(completed(newId(), "Ziekenhuis Meteen", choice("familiarity", "familiar")));

            publisher.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));

            await().atMost(Duration.ofSeconds(30)).until(() -> results.overview(WAVE).respondents() == before + 1);
            assertThat(contributionOf(response.id())).isNotNull();
        }
    }

    @Nested
    class Crashes {

        @Test
        void shouldFoldADeltaQueuedJustBeforeACrashAtTheNextSweep() {
            StoredResponse response = insert(completed(newId(), "Ziekenhuis Crash", choice("familiarity", "familiar")));
            int before = results.overview(WAVE).respondents();
            // the listener queued the delta, then the instance died before its fold ran
            assertThat(queue.add(response.id() + ":" + response.version(), WAVE, response.id())).isTrue();
            assertThat(contributionOf(response.id())).isNull();

            aggregator.sweep();

            assertThat(contributionOf(response.id())).isNotNull();
            assertThat(results.overview(WAVE).respondents()).isEqualTo(before + 1);
            assertThat(queue.pending(WAVE, 10)).isEmpty();
        }

        @Test
        void shouldNotCountTwiceAFoldCommittedJustBeforeACrash() {
            StoredResponse response = insert(completed(newId(), "Ziekenhuis Half", choice("aiChampion", "yes")));
            String delta = response.id() + ":" + response.version();
            queue.add(delta, WAVE, response.id());
            Fold before = latest();
            Contribution contribution = ContributionReader.of(Optional.of(FLOW)).read(
                    new ResponseReader(database).find(response.id()).orElseThrow(), Map.of());
            // committed, then the instance died: no contribution inserted, no pointer moved, the delta still queued
            assertThat(store.commit(before.next(before.tally().replacing(null, contribution),
                    Map.of(response.id(), new Fold.Change(1, contribution)), List.of(delta)))).isTrue();

            aggregator.sweep();
            results.aggregate(response.id());

            Fold after = latest();
            assertThat(after.tally().count(new TallyKey.Respondents())).isEqualTo(before.tally().count(new TallyKey.Respondents()) + 1);
            assertThat(after.tally().count(new TallyKey.Chose("aiChampion", "yes"))).isEqualTo(before.tally().count(new TallyKey.Chose("aiChampion", "yes")) + 1);
            assertThat(contributionOf(response.id())).isEqualTo(contribution);
            assertThat(queue.pending(WAVE, 10)).isEmpty();
        }

        @Test
        void shouldTakeOutAWithdrawnResponse() {
            StoredResponse response = insert(completed(newId(), "Ziekenhuis Weg", choice("policy", "yes")));
            publish(response);
            int respondents = results.overview(WAVE).respondents();
            int yes = results.distribution(WAVE, "policy", Unit.RESPONDENTS).count("yes").count();

            database.getCollection("responses").deleteOne(com.mongodb.client.model.Filters.eq("_id", response.id()));
            publisher.publishEvent(new ResponseWithdrawn(response.id(), response.survey(), response.wave()));

            await().atMost(Duration.ofSeconds(30)).until(() -> results.overview(WAVE).respondents() == respondents - 1);
            assertThat(results.distribution(WAVE, "policy", Unit.RESPONDENTS).count("yes").count()).isEqualTo(yes - 1);
            assertThat(contributionOf(response.id())).isNull();
        }
    }

    @Nested
    class Coding {

        @Test
        void shouldListUncodedAnswersWithSuggestionsAndCountThemOnceCoded() {
            StoredResponse response = insert(completed(newId(), "Ziekenhuis Suggestie",
                    text("potential", "Vooral beeldherkenning en spraakherkenning")));
            publish(response);

            assertThat(results.coded(WAVE, "potential", null).uncoded()).filteredOn(a -> a.responseId().equals(response.id()))
                    .singleElement().satisfies(a -> assertThat(a.suggested()).containsExactly("imaging", "speech"));
            int imaging = results.coded(WAVE, "potential", null).category("imaging").count();

            results.code(WAVE, response.id(), "potential", null, List.of("imaging", "speech"));

            CodedTable potential = results.coded(WAVE, "potential", null);
            assertThat(potential.uncoded()).noneMatch(a -> a.responseId().equals(response.id()));
            assertThat(potential.category("imaging").count()).isEqualTo(imaging + 1);
            assertThat(potential.category("imaging").texts()).contains("Vooral beeldherkenning en spraakherkenning");
        }

        @Test
        void shouldUncodeAnAnswerWhoseTextTheRespondentChanged() {
            StoredResponse first = insert(completed(newId(), "Ziekenhuis Herschreven", text("concerns", "Privacy")));
            publish(first);
            results.code(WAVE, first.id(), "concerns", null, List.of("safety"));
            assertThat(contributionOf(first.id()).texts().get("concerns").categories()).containsExactly("safety");

            StoredResponse second = changed(first, Stage.COMPLETED, text("concerns", "Te weinig kennis"));
            assertThat(responses.commit(second, FLOW, System.nanoTime())).isTrue();
            publish(second);

            assertThat(results.coded(WAVE, "concerns", null).uncoded()).filteredOn(a -> a.responseId().equals(first.id()))
                    .singleElement().satisfies(a -> assertThat(a.suggested()).containsExactly("knowledge"));
        }

        @Test
        void shouldRefuseUnknownCategoriesQuestionsAndResponses() {
            StoredResponse response = insert(completed(newId(), "Ziekenhuis Fout", text("concerns", "Geen idee")));
            publish(response);

            assertThatThrownBy(() -> results.code(WAVE, response.id(), "concerns", null, List.of("weather")))
                    .isInstanceOf(UnknownResultException.class).hasMessageContaining("'weather'");
            assertThatThrownBy(() -> results.code(WAVE, response.id(), "familiarity", null, List.of()))
                    .isInstanceOf(UnknownResultException.class);
            assertThatThrownBy(() -> results.code(WAVE, "r_000000000000000000000000", "concerns", null, List.of()))
                    .isInstanceOf(UnknownResultException.class);
            assertThatThrownBy(() -> results.distribution(new WaveId("nothing", "1"), "familiarity", Unit.RESPONDENTS))
                    .isInstanceOf(UnknownResultException.class);
        }
    }
}
