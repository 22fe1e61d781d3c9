package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
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
@AutoConfigureMockMvc
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

    @Autowired
    MockMvc mvc;

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

    /**
     * An organiser imports invitations from a CSV whose columns are the flow's own profile fields (the unit and the
     * dimensions headed by their labels, other fields by id) through the console, and the dashboard counts them per
     * unit of analysis: two invitees of one unit, one of another.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("flowFiles")
    void shouldImportInvitationsWithTheFlowsProfileColumnsAndCountThemPerUnit(Path file) throws Exception {
        Flow flow = Flows.load(file);
        Question unit = flow.unitField().orElse(null);
        List<String> header = new ArrayList<>();
        List<Question> fields = flow.profile();
        for (Question field : fields) {
            header.add(field == unit ? flow.analysis().unitOfAnalysis().orElseThrow().label().in("nl")
                    : flow.analysis().dimensions().stream().filter(d -> d.field().equals(field.id())).findFirst()
                    .map(d -> d.label().in("en")).orElse(field.id()));
        }
        header.add("name");
        String first = "Eerste " + flow.id();
        String second = "Tweede " + flow.id();
        StringBuilder csv = new StringBuilder(String.join(";", header.stream().map(EveryFlowFileTests::quoted).toList())).append('\n');
        String[][] invitees = {{first, "An"}, {first, "Bo"}, {second, "Cor"}};
        for (String[] invitee : invitees) {
            List<String> cells = new ArrayList<>();
            for (Question field : fields) {
                cells.add(field == unit ? invitee[0]
                        : field.options().isEmpty() ? "Tekst " + invitee[1] : field.options().get(0).code());
            }
            cells.add(invitee[1]);
            csv.append(String.join(";", cells.stream().map(EveryFlowFileTests::quoted).toList())).append('\n');
        }

        String console = "/console/api/waves/" + flow.id();
        MockHttpServletResponse upload = mvc.perform(multipart(console + "/invitations/upload")
                        .file(new MockMultipartFile("file", "invitations.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)))
                        .with(user("olga").roles("ORGANISER")).with(csrf()))
                .andReturn().getResponse();
        assertThat(upload.getStatus()).as(csv + "\n" + upload.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(201);
        assertThat(json.readTree(upload.getContentAsString(StandardCharsets.UTF_8)).get("created")).hasSize(invitees.length);

        Map<String, Integer> expected = unit == null ? Map.of() : Map.of(first, 2, second, 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode dashboard = json.readTree(mvc.perform(MockMvcRequestBuilders.get(console + "/dashboard").with(user("olga").roles("ORGANISER")))
                    .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
            expected.forEach((name, invited) -> {
                JsonNode row = null;
                for (JsonNode candidate : dashboard.get("units")) {
                    if (candidate.get("unit").stringValue().equals(name)) {
                        row = candidate;
                    }
                }
                assertThat(row).as(name + " in " + dashboard.get("units")).isNotNull();
                assertThat(row.get("invited").intValue()).as(name).isEqualTo(invited);
                assertThat(row.get("started").intValue()).as(name).isZero();
            });
            assertThat(dashboard.get("overall").get("invited").intValue()).as("overall").isGreaterThanOrEqualTo(invitees.length);
        });
    }

    private static String quoted(String cell) {
        return "\"" + cell.replace("\"", "\"\"") + "\"";
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
