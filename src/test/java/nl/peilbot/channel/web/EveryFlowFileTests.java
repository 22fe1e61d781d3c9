package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
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
 * Every file in {@code conversation-flows/}, found at run time, end to end: it loads and validates, one respondent
 * walks it completely through its open link over the WebSocket protocol (giving a valid answer of every kind), and
 * the analysts' API then shows that response in the table of every question and in every export. A new flow file
 * is covered without a line of test; a new question kind does not compile here until its table is checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peilbot.organiser.password=" + Invitations.PASSWORD, "peilbot.analyst.password=" + EveryFlowFileTests.ANALYST})
class EveryFlowFileTests {

    static final String ANALYST = "test-analyst-password";
    private static final Path FLOWS = Path.of("conversation-flows");
    private static final String DATABASE = FerretDb.uniqueDatabase("every_flow_file");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Stream<Path> flowFiles() {
        List<Path> files = Flows.files(FLOWS);
        assertThat(files).as("flow files in " + FLOWS).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowFiles")
    void shouldRunEveryFlowFileFromChatToExports(Path file) throws Exception {
        Flow flow = Flows.load(file);
        QuestionnaireWalker walker = OpenLinkRespondent.walk(json, port, flow);
        assertThat(walker.expected().keySet()).as("every question of %s was asked", file)
                .containsAll(flow.questions().stream().map(Question::id).toList());

        String wave = "/api/results/" + flow.id() + "/" + flow.wave();
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get(wave)).get("respondents").intValue() == 1);

        JsonNode report = json.readTree(get(wave + "/report"));
        for (Question question : flow.questions()) {
            QuestionnaireWalker.Expected expected = walker.expected().get(question.id());
            question.kind().match(new TableShowsTheAnswer(report, question, expected));
        }
        exportsHoldTheResponse(flow, wave, walker);
    }

    /** The question's table in the report counts the walked answer (or, when skipped, nothing). */
    private record TableShowsTheAnswer(JsonNode report, Question question, QuestionnaireWalker.Expected expected)
            implements QuestionKind.Cases<Void> {

        private boolean skipped() {
            return expected.skipped();
        }

        @Override
        public Void singleChoice(QuestionKind.SingleChoice kind) {
            return choice();
        }

        @Override
        public Void multipleChoice(QuestionKind.MultipleChoice kind) {
            return choice();
        }

        private Void choice() {
            JsonNode table = report.get("respondents").get(question.id());
            assertThat(table).as(question.id()).isNotNull();
            assertThat(table.get("base").intValue()).as(question.id()).isEqualTo(skipped() ? 0 : 1);
            for (JsonNode count : table.get("counts")) {
                boolean chosen = !skipped() && expected.codes().contains(count.get("code").stringValue());
                assertThat(count.get("count").intValue()).as(question.id() + " " + count).isEqualTo(chosen ? 1 : 0);
            }
            return null;
        }

        @Override
        public Void openText(QuestionKind.OpenText kind) {
            JsonNode table = report.get("coded").get(question.id());
            assertThat(table.get("answered").intValue()).as(question.id()).isEqualTo(skipped() ? 0 : 1);
            assertThat(table.get("uncoded")).as(question.id()).hasSize(skipped() ? 0 : 1);
            return null;
        }

        @Override
        public Void openList(QuestionKind.OpenList kind) {
            JsonNode table = report.get("counted").get(question.id());
            assertThat(table.get("entries").intValue()).as(question.id()).isEqualTo(skipped() ? 0 : expected.entries().size());
            return null;
        }

        @Override
        public Void openParts(QuestionKind.OpenParts kind) {
            question.fields().forEach(part -> assertThat(report.get("coded").get(question.id() + ":" + part.id())
                    .get("answered").intValue()).as(question.id() + ":" + part.id()).isEqualTo(skipped() ? 0 : 1));
            return null;
        }

        @Override
        public Void rating(QuestionKind.Rating kind) {
            JsonNode table = report.get("ratings").get(question.id());
            assertThat(table.get("answered").intValue()).as(question.id()).isEqualTo(skipped() ? 0 : 1);
            assertThat(table.get("points")).as(question.id()).hasSize(kind.points());
            if (!skipped()) {
                assertThat(table.get("mean").decimalValue()).as(question.id()).isEqualByComparingTo(expected.value());
                for (JsonNode point : table.get("points")) {
                    boolean given = expected.value().intValue() == point.get("value").intValue();
                    assertThat(point.get("count").intValue()).as(question.id() + " " + point).isEqualTo(given ? 1 : 0);
                }
                assertThat(table.get("promoters").isNull()).as(question.id()).isEqualTo(!kind.netPromoter());
            }
            return null;
        }

        @Override
        public Void number(QuestionKind.Numeric kind) {
            JsonNode table = report.get("numbers").get(question.id());
            assertThat(table.get("answered").intValue()).as(question.id()).isEqualTo(skipped() ? 0 : 1);
            if (!skipped()) {
                for (String statistic : List.of("mean", "min", "lowerQuartile", "median", "upperQuartile", "max")) {
                    assertThat(table.get(statistic).decimalValue()).as(question.id() + " " + statistic)
                            .isEqualByComparingTo(expected.value());
                }
            }
            return null;
        }
    }

    /** The raw CSV has the response with a column per answer, and every other export and table download is served. */
    private void exportsHoldTheResponse(Flow flow, String wave, QuestionnaireWalker walker) throws Exception {
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(get(wave + "/export/responses.csv").replace("\uFEFF", ""))).getRecords();
        assertThat(rows).as("one response").hasSize(1);
        List<String> header = rows.get(0).getParser().getHeaderNames();
        for (Question question : flow.questions()) {
            assertThat(header).as("columns of " + question.id()).anyMatch(h -> h.startsWith(question.id()));
            QuestionnaireWalker.Expected expected = walker.expected().get(question.id());
            if (question.kind().isNumber() && !expected.skipped()) {
                assertThat(new BigDecimal(rows.get(0).get(question.id()))).as(question.id())
                        .isEqualByComparingTo(expected.value());
            }
        }
        assertThat(bytes(wave + "/export/responses.xlsx")).startsWith((byte) 'P', (byte) 'K');
        assertThat(bytes(wave + "/export/tables.xlsx")).startsWith((byte) 'P', (byte) 'K');
        String sps = get(wave + "/export/responses.sps");
        for (Question question : flow.questions()) {
            assertThat(sps).as("SPSS syntax names " + question.id()).contains(question.id());
            assertThat(get(wave + "/export/tables/" + question.id() + ".csv")).as(question.id()).isNotBlank();
        }
    }

    private String get(String path) throws Exception {
        return new String(bytes(path), StandardCharsets.UTF_8);
    }

    private byte[] bytes(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("analyst:" + ANALYST).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).as(path + ": " + new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        return response.body();
    }
}
