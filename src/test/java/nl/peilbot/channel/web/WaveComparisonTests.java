package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;
import nl.peilbot.testsupport.FerretDb;

/**
 * The 2020 and 2021 waves of the hospital survey compared by code: one respondent per wave answers over the web
 * chat, then every question the two flows share is compared through {@code /api/results/compare}, and each code the
 * respondents gave counts once in each wave, under the label of the latest wave.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.analyst.password=" + WaveComparisonTests.ANALYST)
class WaveComparisonTests {

    static final String ANALYST = "test-analyst-password";
    private static final String DATABASE = FerretDb.uniqueDatabase("wave_comparison");
    private static final Flow WAVE_2020 = Flows.load(Path.of("conversation-flows", "ai-in-hospitals-2020.yaml"));
    private static final Flow WAVE_2021 = Flows.load(Path.of("conversation-flows", "ai-in-hospitals-2021.yaml"));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldCompareEverySharedQuestionOf2020And2021ByCode() throws Exception {
        QuestionnaireWalker in2020 = OpenLinkRespondent.walk(json, port, WAVE_2020);
        QuestionnaireWalker in2021 = OpenLinkRespondent.walk(json, port, WAVE_2021);
        for (Flow flow : List.of(WAVE_2020, WAVE_2021)) {
            String overview = "/api/results/" + flow.id() + "/" + flow.wave();
            await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get(overview).body()).get("respondents").intValue() == 1);
        }

        List<Question> shared = WAVE_2021.steps().stream()
                .filter(q -> WAVE_2020.step(q.id()).filter(old -> old.kind().equals(q.kind())).isPresent())
                .filter(q -> !q.kind().isNumber() && !(WAVE_2021.isProfileField(q.id()) && q.kind() instanceof QuestionKind.OpenText))
                .toList();
        assertThat(shared).extracting(Question::id).contains("familiarity", "policy", "scale", "experiments",
                "expectedSupport", "concerns", "hospitalType").doesNotContain("workloadReduction", "aiMaturity");

        for (Question question : shared) {
            HttpResponse<String> response = get("/api/results/compare?question=" + question.id()
                    + "&wave=ai-in-hospitals-2020/2020&wave=ai-in-hospitals-2021/2021");
            assertThat(response.statusCode()).as(question.id() + ": " + response.body()).isEqualTo(200);
            JsonNode comparison = json.readTree(response.body());
            assertThat(comparison.get("waves")).as(question.id()).hasSize(2);
            List<String> rows = comparison.get("rows").valueStream().map(r -> r.get("code").stringValue()).toList();
            assertThat(rows).as("every code %s shares between the waves is a row of its comparison", question.id())
                    .containsAll(sharedCodes(WAVE_2020.step(question.id()).orElseThrow(), question));
            for (String code : given(question, in2020)) {
                assertThat(counts(comparison, code)).as(question.id() + " " + code).containsExactly(1, 1);
            }
        }

        JsonNode policy = json.readTree(get("/api/results/compare?question=policy"
                + "&wave=ai-in-hospitals-2020/2020&wave=ai-in-hospitals-2021/2021").body());
        assertThat(row(policy, "soon").get("label").stringValue())
                .as("a reworded option keeps its code and shows the latest wave's label")
                .isEqualTo("Nog niet, maar het is in voorbereiding");

        assertThat(get("/api/results/compare?question=workloadReduction"
                + "&wave=ai-in-hospitals-2020/2020&wave=ai-in-hospitals-2021/2021").statusCode())
                .as("a question dropped in 2021 cannot be compared").isEqualTo(404);
    }

    /**
     * The codes both waves' flows define for a question: its options, its coding categories (per part for open
     * parts), the points of its scale. An open list's rows are the values respondents gave, checked by {@link #given}.
     */
    private static Set<String> sharedCodes(Question in2020, Question in2021) {
        Set<String> codes = codes(in2021);
        codes.retainAll(codes(in2020));
        return codes;
    }

    private static Set<String> codes(Question question) {
        Set<String> codes = new LinkedHashSet<>();
        question.options().forEach(o -> codes.add(o.code()));
        if (question.kind() instanceof QuestionKind.OpenParts) {
            question.fields().forEach(part -> question.coding().forEach(c -> codes.add(part.id() + ":" + c.code())));
        } else {
            question.coding().forEach(c -> codes.add(c.code()));
        }
        if (question.kind() instanceof QuestionKind.Rating rating) {
            IntStream.rangeClosed(rating.min(), rating.max()).forEach(point -> codes.add(String.valueOf(point)));
        }
        return codes;
    }

    /** The codes the walker's answer to {@code question} counts under: options, or the counted field of each entry. */
    private static List<String> given(Question question, QuestionnaireWalker walker) {
        QuestionnaireWalker.Expected expected = walker.expected().get(question.id());
        if (expected == null || expected.skipped()) {
            return List.of();
        }
        if (question.kind() instanceof QuestionKind.OpenList) {
            String field = WAVE_2021.analysis().countedField().orElseThrow().field();
            return expected.entries().stream().map(e -> e.get(field).toLowerCase()).distinct().toList();
        }
        return expected.codes();
    }

    private static JsonNode row(JsonNode comparison, String code) {
        for (JsonNode row : comparison.get("rows")) {
            if (row.get("code").stringValue().equals(code)) {
                return row;
            }
        }
        throw new AssertionError("no row " + code + " in " + comparison);
    }

    private static List<Integer> counts(JsonNode comparison, String code) {
        return row(comparison, code).get("perWave").valueStream().map(c -> c.get("count").intValue()).toList();
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("analyst:" + ANALYST).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
