package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import nl.peilbot.channel.telegram.FakeTelegram;
import nl.peilbot.channel.telegram.TelegramWalk;
import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.testsupport.FerretDb;

/**
 * Every file in {@code conversation-flows/}, found at run time, end to end in one application context: it loads and
 * validates; one respondent walks it completely through its open link over the WebSocket protocol and another
 * (picking other options) in Telegram through a fake Bot API, each giving a valid answer of every kind; the stored
 * answers, the table of every question, a filter and a cross-tab on every dimension, every export and the report
 * (its own template or the default one made from the flow) then show exactly those two responses. A new flow file
 * is covered without a line of test; a new question kind does not compile here until its table is checked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peilbot.organiser.password=" + Invitations.PASSWORD, "peilbot.analyst.password=" + EveryFlowFileTests.ANALYST,
                "peilbot.telegram.token=" + FakeTelegram.TOKEN,
                "peilbot.telegram.username=" + FakeTelegram.BOT_USERNAME,
                "peilbot.telegram.poll-timeout=1s",
                "peilbot.telegram.send-timeout=1s",
                "peilbot.telegram.per-chat-interval=0s",
                "peilbot.telegram.per-second=1000"})
@AutoConfigureMockMvc
// its polling bot must stop with its fake Bot API, not log into later tests' output
@DirtiesContext
class EveryFlowFileTests {

    static final String ANALYST = "test-analyst-password";
    private static final Path FLOWS = Path.of("conversation-flows");
    private static final String DATABASE = FerretDb.uniqueDatabase("every_flow_file");
    private static final FakeTelegram telegram = FakeTelegram.startOrFail();
    private static final AtomicLong chats = new AtomicLong(8_000_000_001L);

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
        registry.add("peilbot.telegram.api-url", telegram::url);
    }

    @AfterAll
    static void stopTelegram() {
        telegram.close();
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MockMvc mvc;

    @Autowired
    MongoClient mongo;

    @Autowired
    nl.peilbot.invitation.Invitations invitations;

    @Autowired
    Outbox outbox;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    static Stream<Path> flowFiles() {
        List<Path> files = Flows.files(FLOWS);
        assertThat(files).as("flow files in " + FLOWS).isNotEmpty();
        return files.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("flowFiles")
    void shouldRunEveryFlowFileInTheWebChatAndTelegramToTablesFiltersExportsAndReport(Path file) throws Exception {
        Flow flow = Flows.load(file);
        QuestionnaireWalker onTheWeb = OpenLinkRespondent.walk(json, port, flow, new QuestionnaireWalker(flow, 0));
        QuestionnaireWalker inTelegram = new QuestionnaireWalker(flow, 1);
        String token = invitations.openLink(flow.id());
        String responseId = invitations.find(token).orElseThrow().responseId();
        TelegramWalk.walk(telegram, outbox, responses(), chats.getAndIncrement(), token, responseId, flow, inTelegram);
        List<String> ids = flow.questions().stream().map(Question::id).toList();
        assertThat(onTheWeb.expected().keySet()).as("every question of %s was asked on the web", file).containsAll(ids);
        assertThat(inTelegram.expected().keySet()).as("every question of %s was asked in Telegram", file).containsAll(ids);
        Document stored = responses().find(Filters.eq("_id", responseId)).first();
        assertThat(stored.getList("channels", String.class)).containsExactly("telegram");
        StoredAnswers.check(flow, stored, inTelegram);

        Respondents respondents = new Respondents(flow, List.of(onTheWeb, inTelegram), List.of("web", "telegram"));
        String wave = "/api/results/" + flow.id() + "/" + flow.wave();
        await().atMost(Duration.ofSeconds(30)).until(() -> json.readTree(get(wave)).get("respondents").intValue() == 2);

        JsonNode report = json.readTree(get(wave + "/report"));
        for (Question question : flow.steps()) {
            if (!flow.isProfileField(question.id()) || question.kind().isChoice()) {
                question.kind().match(new TablesShowTheAnswers(report, question, respondents.expected(question.id())));
            }
        }
        filtersAndCrossTabsOnEveryDimension(flow, wave, respondents);
        exportsHoldTheResponses(flow, wave, respondents);
        reportShowsEveryQuestion(flow, wave);
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

    /** What the walked respondents answered, by question, in walking order (web first, then Telegram). */
    private record Respondents(Flow flow, List<QuestionnaireWalker> walkers, List<String> channels) {

        List<QuestionnaireWalker.Expected> expected(String questionId) {
            return walkers.stream().map(w -> w.expected().get(questionId)).toList();
        }

        /** The respondents who chose {@code code} of a choice question. */
        int chose(String questionId, String code) {
            return (int) expected(questionId).stream().filter(e -> chose(e, code)).count();
        }

        static boolean chose(QuestionnaireWalker.Expected expected, String code) {
            return expected != null && !expected.skipped() && expected.codes().contains(code);
        }

        static boolean answered(QuestionnaireWalker.Expected expected) {
            return expected != null && !expected.skipped();
        }
    }

    /** The question's tables in the report count the walked answers (skipped ones nowhere). */
    private record TablesShowTheAnswers(JsonNode report, Question question, List<QuestionnaireWalker.Expected> given)
            implements QuestionKind.Cases<Void> {

        private int answered() {
            return (int) given.stream().filter(Respondents::answered).count();
        }

        private List<BigDecimal> values() {
            return given.stream().filter(Respondents::answered).map(QuestionnaireWalker.Expected::value).sorted().toList();
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
            assertThat(table.get("base").intValue()).as(question.id()).isEqualTo(answered());
            assertThat(table.get("counts")).as(question.id()).hasSize(question.options().size());
            for (JsonNode count : table.get("counts")) {
                String code = count.get("code").stringValue();
                long chosen = given.stream().filter(e -> Respondents.chose(e, code)).count();
                assertThat(count.get("count").intValue()).as(question.id() + " " + count).isEqualTo((int) chosen);
            }
            return null;
        }

        @Override
        public Void openText(QuestionKind.OpenText kind) {
            JsonNode table = report.get("coded").get(question.id());
            assertThat(table.get("answered").intValue()).as(question.id()).isEqualTo(answered());
            assertThat(table.get("uncoded")).as(question.id()).hasSize(answered());
            return null;
        }

        @Override
        public Void openList(QuestionKind.OpenList kind) {
            JsonNode table = report.get("counted").get(question.id());
            int entries = given.stream().filter(Respondents::answered).mapToInt(e -> e.entries().size()).sum();
            assertThat(table.get("entries").intValue()).as(question.id()).isEqualTo(entries);
            assertThat(table.get("respondents").intValue()).as(question.id()).isEqualTo(answered());
            return null;
        }

        @Override
        public Void openParts(QuestionKind.OpenParts kind) {
            question.fields().forEach(part -> assertThat(report.get("coded").get(question.id() + ":" + part.id())
                    .get("answered").intValue()).as(question.id() + ":" + part.id()).isEqualTo(answered()));
            return null;
        }

        @Override
        public Void rating(QuestionKind.Rating kind) {
            JsonNode table = report.get("ratings").get(question.id());
            assertThat(table.get("answered").intValue()).as(question.id()).isEqualTo(answered());
            assertThat(table.get("points")).as(question.id()).hasSize(kind.points());
            for (JsonNode point : table.get("points")) {
                long given = values().stream().filter(v -> v.intValue() == point.get("value").intValue()).count();
                assertThat(point.get("count").intValue()).as(question.id() + " " + point).isEqualTo((int) given);
            }
            if (answered() > 0) {
                assertThat(table.get("mean").decimalValue()).as(question.id()).isEqualByComparingTo(mean(values()));
                assertThat(table.get("promoters").isNull()).as(question.id()).isEqualTo(!kind.netPromoter());
            }
            return null;
        }

        @Override
        public Void number(QuestionKind.Numeric kind) {
            JsonNode table = report.get("numbers").get(question.id());
            assertThat(table.get("answered").intValue()).as(question.id()).isEqualTo(answered());
            List<BigDecimal> values = values();
            if (!values.isEmpty()) {
                assertThat(table.get("mean").decimalValue()).as(question.id() + " mean").isEqualByComparingTo(mean(values));
                assertThat(table.get("min").decimalValue()).as(question.id() + " min").isEqualByComparingTo(values.get(0));
                assertThat(table.get("max").decimalValue()).as(question.id() + " max")
                        .isEqualByComparingTo(values.get(values.size() - 1));
                assertThat(table.get("median").decimalValue()).as(question.id() + " median")
                        .isEqualByComparingTo(quantile(values, new BigDecimal("0.5")));
                assertThat(table.get("lowerQuartile").decimalValue()).as(question.id() + " lower quartile")
                        .isEqualByComparingTo(quantile(values, new BigDecimal("0.25")));
                assertThat(table.get("upperQuartile").decimalValue()).as(question.id() + " upper quartile")
                        .isEqualByComparingTo(quantile(values, new BigDecimal("0.75")));
            }
            return null;
        }

        private static BigDecimal mean(List<BigDecimal> values) {
            return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(values.size()), 10, RoundingMode.HALF_UP);
        }

        /** As spreadsheets' QUARTILE.INC: interpolated between the two nearest of the sorted values. */
        private static BigDecimal quantile(List<BigDecimal> sorted, BigDecimal p) {
            BigDecimal position = p.multiply(BigDecimal.valueOf(sorted.size() - 1));
            int low = position.intValue();
            BigDecimal fraction = position.subtract(BigDecimal.valueOf(low));
            BigDecimal high = sorted.get(Math.min(low + 1, sorted.size() - 1));
            return sorted.get(low).add(high.subtract(sorted.get(low)).multiply(fraction));
        }
    }

    /**
     * Each dimension filtered on each respondent's code (raw responses and the CSV export), and cross-tabulated
     * against every choice question, without a filter (the materialised results) and with one (the raw responses).
     */
    private void filtersAndCrossTabsOnEveryDimension(Flow flow, String wave, Respondents respondents) throws Exception {
        assertThat(flow.dimensions()).as("%s declares dimensions", flow.id()).isNotEmpty();
        List<Question> choices = flow.steps().stream().filter(q -> q.kind().isChoice()).toList();
        for (Question dimension : flow.dimensions()) {
            List<String> codes = respondents.expected(dimension.id()).stream().map(e -> e.codes().get(0)).distinct().toList();
            if (flow.steps().stream().noneMatch(q -> q.condition() != null && q.condition().questionId().equals(dimension.id()))) {
                assertThat(codes).as("the two respondents differ in %s", dimension.id()).hasSize(2);
            }
            for (String code : codes) {
                String filter = "filter." + dimension.id() + "=" + code;
                JsonNode filtered = json.readTree(get(wave + "/responses?" + filter));
                assertThat(filtered.get("total").intValue()).as(filter).isEqualTo(respondents.chose(dimension.id(), code));
                assertThat(csv(get(wave + "/export/responses.csv?" + filter))).as(filter + " in the CSV export")
                        .hasSize(respondents.chose(dimension.id(), code));
                for (Question column : choices) {
                    if (!column.id().equals(dimension.id())) {
                        crossTabCounts(json.readTree(get(wave + "/crosstab?row=" + dimension.id() + "&column=" + column.id()
                                + "&" + filter)), dimension, column, respondents, code);
                    }
                }
            }
            for (Question column : choices) {
                if (!column.id().equals(dimension.id())) {
                    crossTabCounts(json.readTree(get(wave + "/crosstab?row=" + dimension.id() + "&column=" + column.id())),
                            dimension, column, respondents, null);
                }
            }
        }
        assertThat(json.readTree(get(wave + "/responses?channel=telegram")).get("total").intValue()).isEqualTo(1);
    }

    /** Every cell counts the respondents with that row and column option (of those with {@code only}, if given). */
    private static void crossTabCounts(JsonNode table, Question row, Question column, Respondents respondents, String only) {
        String what = row.id() + " x " + column.id() + (only == null ? "" : " where " + row.id() + "=" + only);
        List<QuestionnaireWalker.Expected> rows = respondents.expected(row.id());
        List<QuestionnaireWalker.Expected> columns = respondents.expected(column.id());
        int base = 0;
        for (int r = 0; r < rows.size(); r++) {
            if ((only == null || Respondents.chose(rows.get(r), only)) && Respondents.answered(columns.get(r))) {
                base++;
            }
        }
        assertThat(table.get("base").intValue()).as(what + " base").isEqualTo(base);
        for (AnswerOption rowOption : row.options()) {
            for (AnswerOption columnOption : column.options()) {
                int expected = 0;
                for (int r = 0; r < rows.size(); r++) {
                    if ((only == null || Respondents.chose(rows.get(r), only)) && Respondents.chose(rows.get(r), rowOption.code())
                            && Respondents.chose(columns.get(r), columnOption.code())) {
                        expected++;
                    }
                }
                assertThat(cell(table, rowOption.code(), columnOption.code()))
                        .as(what + " " + rowOption.code() + "/" + columnOption.code()).isEqualTo(expected);
            }
        }
    }

    private static int cell(JsonNode table, String row, String column) {
        int count = 0;
        for (JsonNode r : table.get("rows")) {
            if (r.get("code").stringValue().equals(row)) {
                for (JsonNode c : r.get("cells")) {
                    if (c.get("code").stringValue().equals(column)) {
                        count += c.get("count").intValue();
                    }
                }
            }
        }
        return count;
    }

    /**
     * The raw CSV has a row per respondent whose columns hold exactly the given answers, the XLSX the same values,
     * the SPSS syntax every question, and each question's table (CSV and XLSX) and the workbook of all tables the
     * counts of the choices made.
     */
    private void exportsHoldTheResponses(Flow flow, String wave, Respondents respondents) throws Exception {
        List<CSVRecord> rows = csv(get(wave + "/export/responses.csv"));
        assertThat(rows).as("two responses").hasSize(2);
        List<String> header = rows.get(0).getParser().getHeaderNames();
        for (int r = 0; r < respondents.walkers().size(); r++) {
            String channel = respondents.channels().get(r);
            CSVRecord row = rows.stream().filter(c -> c.get("channels").equals(channel)).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + channel + " row in " + rows));
            for (Question question : flow.questions()) {
                ExportedColumns.check(question, header, row, respondents.walkers().get(r).expected().get(question.id()));
            }
        }

        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(wave + "/export/responses.xlsx")))) {
            Sheet sheet = workbook.getSheetAt(0);
            List<String> heads = new ArrayList<>();
            sheet.getRow(0).forEach(cell -> heads.add(cell.getStringCellValue()));
            assertThat(heads).as("the XLSX columns are the CSV's").isEqualTo(header);
            assertThat(sheet.getLastRowNum()).as("two responses in the XLSX").isEqualTo(2);
            for (int i = 1; i <= 2; i++) {
                Row xlsx = sheet.getRow(i);
                CSVRecord row = rows.stream().filter(c -> c.get("respondent").equals(text(xlsx.getCell(0)))).findFirst()
                        .orElseThrow(() -> new AssertionError("no CSV row for " + text(xlsx.getCell(0))));
                for (int c = 0; c < header.size(); c++) {
                    String head = header.get(c);
                    if (flow.questions().stream().anyMatch(q -> head.equals(q.id()) || head.startsWith(q.id() + "_"))) {
                        assertThat(same(text(xlsx.getCell(c)), row.get(c))).as(head + ": XLSX " + text(xlsx.getCell(c))
                                + ", CSV " + row.get(c)).isTrue();
                    }
                }
            }
        }

        String sps = get(wave + "/export/responses.sps");
        Set<String> sheets = new HashSet<>();
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes(wave + "/export/tables.xlsx")))) {
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
        }
        for (Question question : flow.steps()) {
            if (flow.isProfileField(question.id()) && !question.kind().isChoice()) {
                continue;
            }
            assertThat(sps).as("SPSS syntax names " + question.id()).contains(question.id());
            assertThat(sheets).as("a sheet of tables.xlsx for " + question.id()).anyMatch(name -> name.startsWith(question.id()));
            String table = get(wave + "/export/tables/" + question.id() + ".csv");
            byte[] tableXlsx = bytes(wave + "/export/tables/" + question.id() + ".xlsx");
            if (question.kind().isChoice()) {
                List<CSVRecord> lines = CSVFormat.DEFAULT.parse(new StringReader(table.replace("\uFEFF", ""))).getRecords();
                try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(tableXlsx))) {
                    Sheet first = workbook.getSheetAt(0);
                    for (AnswerOption option : question.options()) {
                        int chose = respondents.chose(question.id(), option.code());
                        CSVRecord line = lines.stream().filter(l -> l.get(0).equals(option.code())).findFirst()
                                .orElseThrow(() -> new AssertionError(question.id() + ": no row " + option.code() + " in " + table));
                        assertThat(Integer.parseInt(line.get(2))).as(question.id() + " " + option.code() + " in its CSV table")
                                .isEqualTo(chose);
                        Row xlsx = null;
                        for (Row candidate : first) {
                            if (text(candidate.getCell(0)).equals(option.code())) {
                                xlsx = candidate;
                            }
                        }
                        assertThat(xlsx).as(question.id() + ": no row " + option.code() + " in its XLSX table").isNotNull();
                        assertThat(text(xlsx.getCell(2))).as(question.id() + " " + option.code() + " in its XLSX table")
                                .isEqualTo(String.valueOf(chose));
                    }
                }
            } else {
                assertThat(table).as(question.id()).isNotBlank();
                assertThat(tableXlsx).as(question.id()).startsWith((byte) 'P', (byte) 'K');
            }
        }
    }

    /** A cell as text, numbers without a trailing ".0". */
    private static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        return cell.getStringCellValue();
    }

    private static boolean same(String xlsx, String csv) {
        try {
            return new BigDecimal(xlsx).compareTo(new BigDecimal(csv)) == 0;
        } catch (NumberFormatException e) {
            return xlsx.equals(csv);
        }
    }

    private static List<CSVRecord> csv(String text) throws java.io.IOException {
        return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.replace("\uFEFF", ""))).getRecords();
    }

    /**
     * The report as HTML and as PDF, from the survey's template or, without one, the default made from the flow:
     * the HTML shows every question's text, the PDF (read back as text) the first and the last question's.
     */
    private void reportShowsEveryQuestion(Flow flow, String wave) throws Exception {
        String html = plain(get(wave + "/report.html").replaceAll("<[^>]+>", " "));
        for (Question question : flow.questions()) {
            assertThat(html).as("report.html of %s shows %s", flow.id(), question.id())
                    .contains(plain(question.text().in(flow.defaultLanguage())));
        }
        byte[] pdf = bytes(wave + "/report.pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            text = plain(new PDFTextStripper().getText(document).replaceAll("(?<=\\p{L})-\\s*\\n\\s*", "-"));
        }
        for (Question question : List.of(flow.questions().get(0), flow.questions().get(flow.questions().size() - 1))) {
            assertThat(text).as("report.pdf of %s shows %s", flow.id(), question.id())
                    .contains(plain(question.text().in(flow.defaultLanguage())));
        }
    }

    /** Text with entities read and all white space as one space, so wrapping and escaping do not matter. */
    private static String plain(String text) {
        return text.replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&amp;", "&").replaceAll("\\s+", " ").strip();
    }

    private MongoCollection<Document> responses() {
        return mongo.getDatabase(DATABASE).getCollection("responses");
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
