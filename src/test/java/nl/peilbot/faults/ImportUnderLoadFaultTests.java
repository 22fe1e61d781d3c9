package nl.peilbot.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.channel.web.QuestionnaireWalker;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.testsupport.FerretDb;

/**
 * A 5,000-row invitation import through the console while 20 respondents answer over WebSockets: no respondent gets
 * an error or loses an answer, and the import is complete. The respondents' turn latencies during the import are
 * printed, not asserted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        // the respondents answer without think time: the per-connection rate limit (not under test here) is lifted, as
        // in the benchmark, so a "retry" can only come from the import's effect on the database
        properties = {"peilbot.organiser.password=" + ImportUnderLoadFaultTests.PASSWORD,
                "peilbot.web.rate-limit.burst=1000000", "peilbot.web.rate-limit.per-second=1000000"})
@AutoConfigureMockMvc
class ImportUnderLoadFaultTests {

    static final String PASSWORD = "import-fault-organiser";
    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final String DATABASE = FerretDb.uniqueDatabase("fault_import");
    private static final int RESPONDENTS = 20;
    private static final int ROWS = 5_000;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    MockMvc mvc;

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void respondentsAnswerOnUnharmedWhileFiveThousandInvitationsAreImported() throws Exception {
        Flow flow = Flows.load(Path.of("conversation-flows", SURVEY + ".yaml"));
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < RESPONDENTS; i++) {
            tokens.add(invite(i));
        }
        List<RespondentClient> respondents = new ArrayList<>();
        List<QuestionnaireWalker> walkers = new ArrayList<>();
        for (String token : tokens) {
            QuestionnaireWalker walker = new QuestionnaireWalker(flow);
            walkers.add(walker);
            respondents.add(new RespondentClient(json, port, token, walker));
        }
        // Everyone is mid-survey when the import starts.
        long deadline = System.nanoTime() + Duration.ofMinutes(8).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(RESPONDENTS);
        try {
            runAll(pool, respondents, 3, deadline);
            respondents.forEach(respondent -> respondent.counts().latencies.clear());

            long importStarted = System.nanoTime();
            CompletableFuture<MockHttpServletResponse> imported = CompletableFuture.supplyAsync(this::importRows);
            List<Future<?>> answering = new ArrayList<>();
            for (RespondentClient respondent : respondents) {
                answering.add(pool.submit(() -> {
                    respondent.answer(Integer.MAX_VALUE, deadline);
                    return null;
                }));
            }
            MockHttpServletResponse response = imported.get();
            long importMillis = (System.nanoTime() - importStarted) / 1_000_000;
            List<Long> during = new ArrayList<>();
            respondents.forEach(respondent -> during.addAll(List.copyOf(respondent.counts().latencies)));
            for (Future<?> future : answering) {
                future.get();
            }
            assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);

            MongoClient client = MongoClients.create(FerretDb.uri(DATABASE));
            MongoDatabase db = client.getDatabase(DATABASE);
            int wrong = 0;
            int retryable = 0;
            Map<String, Integer> retryableCodes = new java.util.TreeMap<>();
            for (int i = 0; i < RESPONDENTS; i++) {
                retryable += respondents.get(i).counts().retryable;
                respondents.get(i).counts().retryableCodes.forEach((code, n) -> retryableCodes.merge(code, n, Integer::sum));
                Document stored = db.getCollection("responses")
                        .find(Filters.eq("_id", Invitations.responseId(tokens.get(i)))).first();
                assertThat(stored.getString("status")).as("respondent %d completed", i).isEqualTo("completed");
                Document answers = stored.get("answers", Document.class);
                for (Map.Entry<String, QuestionnaireWalker.Expected> entry : walkers.get(i).expected().entrySet()) {
                    if (KillNineFaultTests.compare(entry.getValue(), answers.get(entry.getKey(), Document.class),
                            walkers.get(i), entry.getKey()) != KillNineFaultTests.Verdict.SAME) {
                        wrong++;
                    }
                }
            }
            long invitations = db.getCollection("invitations").countDocuments(Filters.eq("survey", SURVEY));
            during.sort(null);
            System.out.printf("import under load: %d rows imported in %d ms while %d respondents answered; %d answers "
                            + "acknowledged during the import, latency p50 %d ms, p99 %d ms, max %d ms; retryable errors %d %s, "
                            + "answers lost or misfiled %d%n", ROWS, importMillis, RESPONDENTS, during.size(),
                    percentile(during, 50), percentile(during, 99), percentile(during, 100), retryable, retryableCodes,
                    wrong);
            assertThat(retryable).as("respondents told to retry during the import: %s", retryableCodes).isZero();
            assertThat(wrong).as("answers lost or misfiled").isZero();
            client.close();
            assertThat(invitations).as("every row imported, plus the respondents' own").isEqualTo(ROWS + RESPONDENTS);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void runAll(ExecutorService pool, List<RespondentClient> respondents, int steps, long deadline)
            throws Exception {
        List<Future<?>> running = new ArrayList<>();
        for (RespondentClient respondent : respondents) {
            running.add(pool.submit(() -> {
                respondent.answer(steps, deadline);
                return null;
            }));
        }
        for (Future<?> future : running) {
            future.get();
        }
    }

    private MockHttpServletResponse importRows() {
        StringBuilder csv = new StringBuilder("hospital;hospitalType;role;name;email;telegram\n");
        for (int row = 0; row < ROWS; row++) {
            csv.append("Ziekenhuis ").append(row).append(";topklinisch;cmio;Invitee ").append(row)
                    .append(";invitee").append(row).append("@example.org;\n");
        }
        MockMultipartFile file = new MockMultipartFile("file", "invitations.csv", "text/csv",
                csv.toString().getBytes(StandardCharsets.UTF_8));
        try {
            return mvc.perform(multipart("/console/api/waves/" + SURVEY + "/invitations/upload").file(file)
                    .with(user("olga").roles("ORGANISER")).with(csrf())).andReturn().getResponse();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String invite(int number) throws Exception {
        MockMultipartFile file = new MockMultipartFile("file", "one.csv", "text/csv",
                ("hospital;hospitalType;role\nRespondent " + number + ";topklinisch;cmio\n").getBytes(StandardCharsets.UTF_8));
        MockHttpServletResponse response = mvc.perform(multipart("/console/api/waves/" + SURVEY + "/invitations/upload")
                .file(file).with(user("olga").roles("ORGANISER")).with(csrf())).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString()).isEqualTo(201);
        String link = json.readTree(response.getContentAsString(StandardCharsets.UTF_8)).get("created").get(0)
                .get("webLink").stringValue();
        return link.substring(link.indexOf("#t=") + 3);
    }

    private static long percentile(List<Long> sorted, int percent) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
