package nl.peilbot.response;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;

import com.mongodb.client.MongoDatabase;

import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ChosenOption;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Pending;
import nl.peilbot.engine.Stage;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;

/** Hand-built conversation states over the small test flow, so storage tests need no engine. */
final class ResponseFixtures {

    static final Flow FLOW = Flows.load(Path.of("src/test/resources/flows/valid/small-survey.yaml"));
    static final Instant T0 = Instant.parse("2024-03-01T09:00:00.123Z");

    private ResponseFixtures() {
    }

    /** Answers of every kind, deliberately not in flow order, and a pending open list. */
    static ConversationState stateWithEveryKind() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("experiments", new Answer("experiments", null, null, null,
                List.of(Map.of("specialism", "Radiologie", "description", "beeldherkenning longfoto's"),
                        Map.of("specialism", "Cardiologie", "description", "ECG-analyse")),
                null, false, "chat", T0.plusSeconds(90), 40));
        answers.put("hospital", new Answer("hospital", null, null, "Ziekenhuis Zuid", null, null, false,
                "invitation", T0, 0));
        answers.put("hospitalType", new Answer("hospitalType", List.of(new ChosenOption("topclinical", "Topklinisch")),
                null, null, null, null, false, "invitation", T0, 0));
        answers.put("role", new Answer("role", List.of(new ChosenOption("cmio", "CMIO")), null, null, null, null,
                false, "chat", T0.plusSeconds(10), 4));
        answers.put("familiarity", new Answer("familiarity", List.of(new ChosenOption("familiar", "Bekend")), null,
                null, null, null, false, "chat", T0.plusSeconds(22), 12));
        answers.put("applications", new Answer("applications",
                List.of(new ChosenOption("imaging", "Beeldherkenning"), new ChosenOption("other", "Anders, namelijk")),
                "RPA", null, null, null, false, "chat", T0.plusSeconds(40), 18));
        answers.put("policy", new Answer("policy", List.of(new ChosenOption("yes", "Ja")), null, null, null, null,
                false, "chat", T0.plusSeconds(45), 0));
        answers.put("policyTopics", new Answer("policyTopics", null, null, null, null, null, true, "chat",
                T0.plusSeconds(50), 5));
        answers.put("expectedSupport", new Answer("expectedSupport", null, null, null, null,
                Map.of("shortTerm", "Kennisdeling", "longTerm", "Landelijke infrastructuur"), false, "chat",
                T0.plusSeconds(120), 30));
        Pending pending = new Pending(List.of("speech", "imaging"), true,
                List.of(Map.of("description", "triage", "specialism", "SEH")),
                Map.of("specialism", "Pathologie"), Map.of("longTerm", "later"));
        return new ConversationState(FLOW.id(), FLOW.version(), "en", Stage.CONFIRMING_RESTART, "experiments",
                answers, pending, T0.plusSeconds(121), true, Stage.ASKING);
    }

    /** A conversation that has just started: consent asked, the invitation's profile filled in. */
    static ConversationState newState() {
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("hospital", new Answer("hospital", null, null, "Ziekenhuis Noord", null, null, false,
                "invitation", T0, 0));
        return new ConversationState(FLOW.id(), FLOW.version(), "nl", Stage.CONSENT, null, answers, null, T0, false,
                null);
    }

    static final TurnsProperties TURNS = new TurnsProperties(Duration.ofMinutes(15), Duration.ofMinutes(15),
            Duration.ofSeconds(30));

    /** A store as the application makes it, publishing to {@code events}. */
    static ResponseStore store(MongoDatabase database, ApplicationEventPublisher events) {
        return store(database, events, Clock.systemUTC());
    }

    static ResponseStore store(MongoDatabase database, ApplicationEventPublisher events, Clock clock) {
        return new ResponseStore(database, events, clock, TURNS);
    }

    /** The response one turn on: language switched, {@code messageId} applied. */
    static StoredResponse answered(StoredResponse response, String messageId) {
        ConversationState state = response.state();
        ConversationState next = new ConversationState(state.flowId(), state.flowVersion(),
                state.language().equals("nl") ? "en" : "nl", state.stage(), state.currentStep(), state.answers(),
                state.pending(), state.askedAt(), state.returnToSummary(), state.resumeStage());
        return response.afterTurn(next, messageId, "web", T0.plusSeconds(response.version()));
    }

    static StoredResponse newResponse(String id) {
        return StoredResponse.begin(id, FLOW.wave(), newState(), "web", T0);
    }
}
