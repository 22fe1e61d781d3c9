package nl.peilbot.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.awaitility.Awaitility;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.channel.web.QuestionnaireWalker;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.testsupport.AppProcess;
import nl.peilbot.testsupport.FerretDb;

/**
 * The application is killed with SIGKILL, again and again, while 20 respondents are in the middle of the
 * questionnaire. They reconnect and re-send what was not acknowledged, with the same message ids, the way the
 * widget does. Afterwards every stored response must hold exactly the answers its respondent gave, each on the
 * question it was given for: nothing lost, nothing doubled, nothing misfiled.
 */
class KillNineFaultTests {

    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final String PASSWORD = "fault-suite-organiser";
    private static final int RESPONDENTS = 20;
    private static final int KILLS = 3;
    private static final int STEPS_BETWEEN_KILLS = 6;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void answersSurviveRepeatedKillNineWithoutLossDoublesOrMisfiling() throws Exception {
        MongoDatabase db = FerretDb.database("fault_kill9");
        String database = db.getName();
        Flow flow = Flows.load(Path.of("conversation-flows", SURVEY + ".yaml"));
        try (AppProcess app = AppProcess.on("kill9", Map.of(
                "spring.mongodb.uri", FerretDb.uri(database),
                "peilbot.flows.directory", Path.of("conversation-flows").toAbsolutePath().toString(),
                "peilbot.organiser.password", PASSWORD,
                "peilbot.analyst.password", PASSWORD + "-analyst")).start()) {

            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < RESPONDENTS; i++) {
                tokens.add(Invitations.invite(json, app.port(), PASSWORD, i));
            }
            List<RespondentClient> respondents = new ArrayList<>();
            List<QuestionnaireWalker> walkers = new ArrayList<>();
            for (String token : tokens) {
                QuestionnaireWalker walker = new QuestionnaireWalker(flow);
                walkers.add(walker);
                respondents.add(new RespondentClient(json, app.port(), token, walker));
            }

            long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
            ExecutorService pool = Executors.newFixedThreadPool(RESPONDENTS);
            try {
                for (int round = 0; round <= KILLS; round++) {
                    boolean last = round == KILLS;
                    List<Future<?>> running = new ArrayList<>();
                    for (RespondentClient respondent : respondents) {
                        running.add(pool.submit(() -> {
                            respondent.answer(last ? Integer.MAX_VALUE : STEPS_BETWEEN_KILLS, deadline);
                            return null;
                        }));
                    }
                    if (!last) {
                        // Kill while the respondents are mid-turn: once some, not all, have done their steps.
                        awaitSome(running);
                        app.kill9();
                        app.start();
                    }
                    for (Future<?> future : running) {
                        future.get();
                    }
                }
            } finally {
                pool.shutdownNow();
            }

            int lost = 0;
            int misfiled = 0;
            int doubled = 0;
            int sent = 0;
            int resent = 0;
            int applied = 0;
            int duplicates = 0;
            int conflicts = 0;
            for (int i = 0; i < RESPONDENTS; i++) {
                RespondentClient.Counts counts = respondents.get(i).counts();
                sent += counts.sent;
                resent += counts.resent;
                applied += counts.applied;
                duplicates += counts.duplicate;
                conflicts += counts.conflict;
                assertThat(respondents.get(i).completed()).as("respondent %d completed", i).isTrue();
                Document stored = db.getCollection("responses")
                        .find(Filters.eq("_id", Invitations.responseId(tokens.get(i)))).first();
                assertThat(stored).as("response of respondent %d", i).isNotNull();
                assertThat(stored.getString("status")).isEqualTo("completed");
                Document answers = stored.get("answers", Document.class);
                for (Map.Entry<String, QuestionnaireWalker.Expected> entry : walkers.get(i).expected().entrySet()) {
                    Document answer = answers.get(entry.getKey(), Document.class);
                    switch (compare(entry.getValue(), answer, walkers.get(i), entry.getKey())) {
                        case LOST -> lost++;
                        case DOUBLED -> doubled++;
                        case MISFILED -> misfiled++;
                        case SAME -> {
                        }
                    }
                }
            }
            System.out.printf("kill -9 fault suite: %d respondents, %d kills, %d messages sent, %d re-sent, %d applied, "
                    + "%d duplicate, %d conflict; lost %d, doubled %d, misfiled %d%n", RESPONDENTS, KILLS, sent, resent,
                    applied, duplicates, conflicts, lost, doubled, misfiled);
            assertThat(lost).as("answers lost").isZero();
            assertThat(doubled).as("answers doubled").isZero();
            assertThat(misfiled).as("answers misfiled").isZero();
            assertThat(conflicts).as("conflicts: one client per respondent never races itself").isZero();
        }
    }

    enum Verdict { SAME, LOST, DOUBLED, MISFILED }

    static Verdict compare(QuestionnaireWalker.Expected expected, Document answer, QuestionnaireWalker walker,
                                   String question) {
        if (answer == null) {
            return Verdict.LOST;
        }
        if (expected.skipped()) {
            return Boolean.TRUE.equals(answer.getBoolean("skipped")) ? Verdict.SAME : Verdict.MISFILED;
        }
        if (!expected.codes().isEmpty()) {
            List<String> codes = answer.getList("choices", Document.class, List.of()).stream()
                    .map(choice -> choice.getString("code")).toList();
            if (codes.size() > expected.codes().size() && codes.containsAll(expected.codes())) {
                return Verdict.DOUBLED;
            }
            return codes.equals(expected.codes()) && java.util.Objects.equals(expected.otherText(),
                    answer.getString("otherText")) ? Verdict.SAME : Verdict.MISFILED;
        }
        if (expected.text() != null) {
            return expected.text().equals(answer.getString("text")) ? Verdict.SAME : Verdict.MISFILED;
        }
        if (!expected.entries().isEmpty()) {
            List<Map<String, String>> entries = answer.getList("entries", Document.class, List.of()).stream()
                    .map(entry -> {
                        Map<String, String> values = new java.util.LinkedHashMap<>();
                        entry.forEach((key, value) -> values.put(key, String.valueOf(value)));
                        return values;
                    }).toList();
            if (entries.size() > expected.entries().size()) {
                return Verdict.DOUBLED;
            }
            return entries.equals(expected.entries()) ? Verdict.SAME
                    : entries.size() < expected.entries().size() ? Verdict.LOST : Verdict.MISFILED;
        }
        if (!expected.parts().isEmpty()) {
            Document parts = answer.get("parts", Document.class);
            return parts != null && expected.parts().equals(new java.util.LinkedHashMap<>(parts))
                    ? Verdict.SAME : Verdict.MISFILED;
        }
        return Verdict.SAME;
    }

    /** Waits until at least one respondent finished its steps of this round and at least one has not. */
    private static void awaitSome(List<Future<?>> running) {
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(10))
                .until(() -> running.stream().anyMatch(Future::isDone));
    }



}
