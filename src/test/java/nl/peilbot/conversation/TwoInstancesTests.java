package nl.peilbot.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

import nl.peilbot.PeilbotApplication;
import nl.peilbot.conversation.Reply.Outcome;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.FerretDb;

/**
 * Two application instances (two contexts, each with its own HTTP port and database connections) on one FerretDB
 * database: the version guard must hold between them, which no lock inside one JVM can provide.
 */
class TwoInstancesTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("two_instances");
    private static final Map<String, String> PROFILE = Map.of("hospital", "Ziekenhuis Twee",
            "hospitalType", "general", "role", "cio");
    private static final int ROUNDS = 200;

    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static final List<ResponseCompleted> completions = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startTwoInstances() {
        first = start();
        second = start();
        System.out.printf("two instances on ports %d and %d, one database %s%n", port(first), port(second), DATABASE);
    }

    @AfterAll
    static void stop() {
        if (second != null) {
            second.close();
        }
        if (first != null) {
            first.close();
        }
    }

    private static ConfigurableApplicationContext start() {
        // As arguments, which (unlike default properties) override application.properties.
        ConfigurableApplicationContext context = new SpringApplicationBuilder(PeilbotApplication.class)
                .run("--spring.mongodb.uri=" + FerretDb.uri(DATABASE), "--server.port=0",
                        "--server.address=127.0.0.1", "--peilbot.flows.directory=src/test/resources/flows/valid",
                        "--spring.main.banner-mode=off");
        context.addApplicationListener(event -> {
            if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ResponseCompleted done) {
                completions.add(done);
            }
        });
        return context;
    }

    private static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    private static Conversations conversations(ConfigurableApplicationContext instance) {
        return instance.getBean(Conversations.class);
    }

    private static StoredResponse stored(String id) {
        return first.getBean(ResponseStore.class).find(id).orElseThrow();
    }

    /** A new respondent who consented through the first instance and is now asked {@code familiarity}. */
    private static String atFamiliarity() {
        String token = first.getBean(Invitations.class).create("small-survey", PROFILE);
        Session session = conversations(first).open(new Access(token, null), "web");
        assertThat(conversations(first).handle(session.responseId(), "consent", new Inbound.Choice("#yes"), "web")
                .outcome()).isEqualTo(Outcome.APPLIED);
        return session.responseId();
    }

    private static String familiarity(StoredResponse response) {
        return response.state().answers().get("familiarity").codes().get(0);
    }

    @Test
    void shouldApplyExactlyOneOfTwoAnswersToTheSameStepThroughDifferentInstances() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        int appliedFirst = 0;
        int appliedSecond = 0;
        int conflicts = 0;
        int lost = 0;
        int misfiled = 0;
        try {
            for (int round = 0; round < ROUNDS; round++) {
                String id = atFamiliarity();
                CyclicBarrier together = new CyclicBarrier(2);
                String a = "a-" + round;
                String b = "b-" + round;
                Callable<Reply> viaFirst = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return conversations(first).handle(id, a, new Inbound.Choice("familiar"), "web", "familiarity");
                };
                Callable<Reply> viaSecond = () -> {
                    together.await(10, TimeUnit.SECONDS);
                    return conversations(second).handle(id, b, new Inbound.Choice("unfamiliar"), "web", "familiarity");
                };
                List<Future<Reply>> replies = clients.invokeAll(List.of(viaFirst, viaSecond));
                Outcome one = replies.get(0).get().outcome();
                Outcome two = replies.get(1).get().outcome();
                StoredResponse response = stored(id);

                assertThat(List.of(one, two)).as("round %d", round)
                        .containsExactlyInAnyOrder(Outcome.APPLIED, Outcome.CONFLICT);
                boolean firstWon = one == Outcome.APPLIED;
                appliedFirst += firstWon ? 1 : 0;
                appliedSecond += firstWon ? 0 : 1;
                conflicts++;
                lost += response.applied(firstWon ? a : b) ? 0 : 1;
                misfiled += familiarity(response).equals(firstWon ? "familiar" : "unfamiliar") ? 0 : 1;
                assertThat(response.version()).as("round %d", round).isEqualTo(3);
                assertThat(response.recentMessageIds()).as("round %d", round).containsExactly("consent", firstWon ? a : b);
                assertThat(familiarity(response)).as("round %d", round).isEqualTo(firstWon ? "familiar" : "unfamiliar");
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("%d rounds of two answers to one step through two instances: applied %d via the first, "
                        + "%d via the second, %d conflicts, %d lost, %d misfiled%n", ROUNDS, appliedFirst, appliedSecond,
                conflicts, lost, misfiled);
        assertThat(appliedFirst + appliedSecond).isEqualTo(ROUNDS);
        assertThat(lost).isZero();
        assertThat(misfiled).isZero();
    }

    @Test
    void shouldApplyOneMessageSentThroughBothInstancesAtOnceOnce() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(2);
        int rounds = 30;
        int duplicates = 0;
        try {
            for (int round = 0; round < rounds; round++) {
                String id = atFamiliarity();
                CyclicBarrier together = new CyclicBarrier(2);
                String messageId = "same-" + round;
                List<Callable<Reply>> resent = new ArrayList<>();
                for (ConfigurableApplicationContext instance : List.of(first, second)) {
                    resent.add(() -> {
                        together.await(10, TimeUnit.SECONDS);
                        return conversations(instance).handle(id, messageId, new Inbound.Choice("somewhat"), "web",
                                "familiarity");
                    });
                }
                List<Future<Reply>> replies = clients.invokeAll(resent);
                List<Outcome> outcomes = List.of(replies.get(0).get().outcome(), replies.get(1).get().outcome());

                assertThat(outcomes).as("round %d", round).containsExactlyInAnyOrder(Outcome.APPLIED, Outcome.DUPLICATE);
                duplicates++;
                assertThat(stored(id).version()).isEqualTo(3);
                assertThat(familiarity(stored(id))).isEqualTo("somewhat");
            }
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("%d messages sent through both instances at once: applied once each, %d duplicates%n",
                rounds, duplicates);
    }

    @Test
    void shouldCompleteARespondentWhoseAnswersAlternateBetweenTheInstances() {
        String token = first.getBean(Invitations.class).create("small-survey", PROFILE);
        Session session = conversations(first).open(new Access(token, null), "web");
        String id = session.responseId();
        List<Outbound> messages = session.messages();
        Reply reply = null;
        int turns = 0;
        for (; turns < 30 && (reply == null || !reply.completed()); turns++) {
            Outbound.Ask ask = (Outbound.Ask) messages.get(messages.size() - 1);
            ConfigurableApplicationContext instance = turns % 2 == 0 ? first : second;
            reply = conversations(instance).handle(id, "turn-" + turns, answerTo(ask), "web", ask.stepId());
            assertThat(reply.outcome()).as("answer to %s", ask.stepId()).isEqualTo(Outcome.APPLIED);
            messages = reply.messages();
        }

        StoredResponse response = stored(id);
        assertThat(response.completed()).isTrue();
        assertThat(response.version()).isEqualTo(turns + 1L);
        assertThat(response.state().answers()).containsKeys("familiarity", "applications", "policy", "policyTopics",
                "experiments", "expectedSupport");
        assertThat(response.state().answers().get("policyTopics").text()).isEqualTo("Richtlijnen");
        assertThat(response.state().answers().get("experiments").entries()).isNotEmpty();
        assertThat(response.state().answers().get("expectedSupport").parts()).isNotEmpty();
        assertThat(completions).contains(new ResponseCompleted(id, "small-survey", "2024", response.version()));
        System.out.printf("a respondent alternating between the instances: %d turns, all applied, version %d, "
                + "every answer stored%n", turns, response.version());
    }

    /**
     * Turns go by the wave's state and the revocations as their instance read them within a second (no read of either
     * per turn): a pause or revocation made through one instance refuses answers there at once and on the other one
     * within about a second, and reopening the wave lets them through again.
     */
    @Test
    void shouldRefuseAnswersOnTheOtherInstanceSoonAfterAWavePauseOrARevocation() {
        String id = atFamiliarity();
        // A re-sent message goes through the same checks as an answer, and changes nothing while it is let through.
        Callable<Outcome> resentViaSecond = () -> conversations(second).handle(id, "consent", new Inbound.Choice("#yes"),
                "web").outcome();
        try {
            assertThat(call(resentViaSecond)).isEqualTo(Outcome.DUPLICATE);

            first.getBean(Waves.class).change("small-survey", WaveState.PAUSED);

            assertThat(refusal(() -> conversations(first).handle(id, "consent", new Inbound.Choice("#yes"), "web")))
                    .isEqualTo(AccessRefusedException.Reason.WAVE_PAUSED);
            long paused = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).until(() -> refusal(resentViaSecond) == AccessRefusedException.Reason.WAVE_PAUSED);
            System.out.printf("a pause through the first instance refused answers on the second after %d ms%n",
                    (System.nanoTime() - paused) / 1_000_000);
        } finally {
            first.getBean(Waves.class).change("small-survey", WaveState.OPEN);
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> refusal(resentViaSecond) == null);

        assertThat(first.getBean(Invitations.class).revoke(id)).isTrue();

        assertThat(refusal(() -> conversations(first).handle(id, "consent", new Inbound.Choice("#yes"), "web")))
                .isEqualTo(AccessRefusedException.Reason.REVOKED_TOKEN);
        long revoked = System.nanoTime();
        await().atMost(Duration.ofSeconds(10)).until(() -> refusal(resentViaSecond) == AccessRefusedException.Reason.REVOKED_TOKEN);
        System.out.printf("a revocation through the first instance refused answers on the second after %d ms%n",
                (System.nanoTime() - revoked) / 1_000_000);
    }

    /** Why the call was refused, or null when it went through. */
    private static AccessRefusedException.Reason refusal(Callable<?> call) {
        try {
            call.call();
            return null;
        } catch (AccessRefusedException e) {
            return e.reason();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static <T> T call(Callable<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static Inbound answerTo(Outbound.Ask ask) {
        boolean canFinish = ask.buttons().stream().anyMatch(button -> button.code().equals("#done"));
        return switch (ask.stepId()) {
            case "#consent" -> new Inbound.Choice("#yes");
            case "familiarity" -> new Inbound.Choice("somewhat");
            case "applications" -> new Inbound.Text("1, 2");
            case "policy" -> new Inbound.Choice("yes");
            case "policyTopics" -> new Inbound.Text("Richtlijnen");
            case "experiments" -> canFinish ? new Inbound.Choice("#done") : new Inbound.Text("Radiologie: beeldherkenning");
            case "expectedSupport" -> new Inbound.Text("Kennisdeling");
            case "#summary" -> new Inbound.Choice("#submit");
            default -> throw new AssertionError("unexpected step " + ask.stepId());
        };
    }
}
