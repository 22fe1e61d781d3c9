package nl.peilbot.results;

import static nl.peilbot.results.AnalystClient.Who.ANALYST;
import static nl.peilbot.results.AnalystClient.Who.NOBODY;
import static nl.peilbot.results.AnalystClient.Who.ORGANISER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.aggregation.ReportFixture;
import nl.peilbot.aggregation.Results;
import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ChosenOption;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.engine.Stage;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.FerretDb;

/**
 * The analysts' API on the 2020 report's 35 respondents in a real FerretDB, plus one response still in progress:
 * who may call each route, the tables, filters, coding, comparison, raw responses and problem details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {AnalystClient.PROPERTIES_ANALYST, AnalystClient.PROPERTIES_ORGANISER})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsApiTests {

    static final String BASE = "/api/results/ai-in-hospitals-2020/2020";
    private static final String DATABASE = FerretDb.uniqueDatabase("results_api");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    ResponseStore responses;

    @Autowired
    FlowSnapshots snapshots;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Results results;

    @Autowired
    Pseudonyms pseudonyms;

    AnalystClient client;
    ReportFixture fixture;
    StoredResponse inProgress;

    @BeforeAll
    void storeTheReport() {
        client = new AnalystClient(port);
        fixture = ReportData.load(responses, snapshots, events, results);
        Map<String, Answer> answers = new LinkedHashMap<>();
        answers.put("hospital", new Answer("hospital", null, null, "Ziekenhuis Onderweg", null, null, false, "invitation",
                ReportFixture.SUBMITTED, 0));
        answers.put("role", new Answer("role", List.of(new ChosenOption("cio", "CIO")), null, null, null, null, false,
                "invitation", ReportFixture.SUBMITTED, 0));
        answers.put("familiarity", new Answer("familiarity", List.of(new ChosenOption("neutral", "Neutraal")), null, null,
                null, null, false, "chat", ReportFixture.SUBMITTED, 4));
        ConversationState state = new ConversationState(fixture.flow.id(), fixture.flow.version(), "nl", Stage.ASKING,
                "followsDevelopments", answers, null, Instant.parse("2020-03-02T10:05:00Z"), false, null);
        inProgress = StoredResponse.begin(ReportFixture.responseId("results-api", "in-progress"), "2020", state, "telegram",
                ReportFixture.SUBMITTED);
        assertThat(responses.insert(inProgress, fixture.flow)).isTrue();
    }

    JsonNode get(String path) throws Exception {
        return json.readTree(client.text(path));
    }

    @Nested
    class Access {

        @ParameterizedTest
        @ValueSource(strings = {"/api/results/waves", BASE, BASE + "/report", BASE + "/questions/familiarity",
                BASE + "/questions/familiarity?unit=units", BASE + "/questions/scale/units",
                BASE + "/questions/concerns/coded", BASE + "/questions/experiments/counted",
                BASE + "/crosstab?row=familiarity&column=role", BASE + "/crosstab?row=familiarity&column=role&filter.role=cio",
                "/api/results/compare?question=scale&unit=units&wave=ai-in-hospitals-2019/2019&wave=ai-in-hospitals-2020/2020",
                BASE + "/responses", BASE + "/export/responses.csv", BASE + "/export/responses.xlsx",
                BASE + "/export/responses.sps", BASE + "/export/tables.xlsx", BASE + "/export/tables/familiarity.csv",
                BASE + "/export/tables/familiarity.xlsx", "/api/results/openapi", "/api/results/openapi.yaml"})
        void shouldLetOnlyTheAnalystRead(String path) throws Exception {
            assertThat(client.get(path, NOBODY).statusCode()).as("no credentials").isEqualTo(401);
            assertThat(client.get(path, ORGANISER).statusCode()).as("organiser").isEqualTo(403);
            assertThat(client.get(path, ANALYST).statusCode()).as("analyst").isEqualTo(200);
        }

        @Test
        void shouldShowTheApiDocumentationToTheAnalyst() throws Exception {
            var redirect = client.get("/api/results/docs/swagger-ui.html", ANALYST);
            String location = redirect.headers().firstValue("Location").orElseThrow();
            String path = java.net.URI.create(location).getRawPath();

            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(path).startsWith("/api/results/");
            assertThat(client.get(path, NOBODY).statusCode()).isEqualTo(401);
            assertThat(client.get(path, ORGANISER).statusCode()).isEqualTo(403);
            assertThat(client.get(path, ANALYST).statusCode()).as(location).isEqualTo(200);
            assertThat(client.get("/api/results/docs/swagger-ui.html", NOBODY).statusCode()).isEqualTo(401);
        }

        @Test
        void shouldLetOnlyTheAnalystSubscribeToLiveChanges() throws Exception {
            assertThat(client.get(BASE + "/events", NOBODY).statusCode()).isEqualTo(401);
            assertThat(client.get(BASE + "/events", ORGANISER).statusCode()).isEqualTo(403);
        }

        @Test
        void shouldLetOnlyTheAnalystCode() throws Exception {
            ReportFixture.Coded coded = fixture.codings.stream().filter(c -> c.part() == null).findFirst().orElseThrow();
            String path = BASE + "/questions/" + coded.questionId() + "/codings/" + pseudonyms.of(coded.responseId());
            String body = json.writeValueAsString(Map.of("categories", coded.categories()));

            assertThat(client.put(path, body, NOBODY).statusCode()).isEqualTo(401);
            assertThat(client.put(path, body, ORGANISER).statusCode()).isEqualTo(403);
            assertThat(client.put(path, body, ANALYST).statusCode()).isEqualTo(204);
        }
    }

    @Nested
    class Tables {

        @Test
        void shouldListBothWavesWithTheirRespondents() throws Exception {
            JsonNode waves = get("/api/results/waves");

            assertThat(StreamSupport.stream(waves.spliterator(), false)
                    .map(w -> w.get("survey").stringValue() + "/" + w.get("respondents").intValue()))
                    .contains("ai-in-hospitals-2020/35");
        }

        @Test
        void shouldListTheFourteenQuestionsInFlowOrder() throws Exception {
            JsonNode overview = get(BASE);

            assertThat(overview.get("respondents").intValue()).isEqualTo(35);
            assertThat(overview.get("units").intValue()).isEqualTo(29);
            assertThat(StreamSupport.stream(overview.get("questions").spliterator(), false)
                    .filter(q -> q.get("number").intValue() > 0)).hasSize(14)
                    .first().satisfies(q -> assertThat(q.get("id").stringValue()).isEqualTo("familiarity"));
        }

        @Test
        void shouldGiveFamiliarityPerRespondentWithCountsAndWholePercents() throws Exception {
            JsonNode familiarity = get(BASE + "/questions/familiarity");

            assertThat(familiarity.get("base").intValue()).isEqualTo(35);
            assertThat(counts(familiarity)).containsEntry("familiar", "13/37").containsEntry("fairlyFamiliar", "19/54")
                    .containsEntry("neutral", "3/9");
        }

        @Test
        void shouldGivePolicyPerUnitOfAnalysis() throws Exception {
            JsonNode policy = get(BASE + "/questions/policy?unit=units");

            assertThat(policy.get("unit").stringValue()).isEqualTo("units");
            assertThat(counts(policy).get("yes")).startsWith("3/");
        }

        @Test
        void shouldGiveTheOtherTextsByPseudonymOnly() throws Exception {
            JsonNode known = get(BASE + "/questions/knownApplications");

            assertThat(known.get("otherTexts")).hasSize(2).allSatisfy(o -> {
                assertThat(o.get("respondent").stringValue()).matches("R-[0-9a-f]{32}");
                assertThat(o.has("responseId")).isFalse();
            });
        }

        @Test
        void shouldGiveEveryTableAtOnceAsTheSingleTablesDo() throws Exception {
            JsonNode report = get(BASE + "/report");

            assertThat(report.get("respondents").get("familiarity")).isEqualTo(get(BASE + "/questions/familiarity"));
            assertThat(report.get("units").get("policy")).isEqualTo(get(BASE + "/questions/policy?unit=units"));
            assertThat(report.get("combinations").get("scale")).isEqualTo(get(BASE + "/questions/scale/units"));
            assertThat(report.get("coded").get("expectedSupport:longTerm"))
                    .isEqualTo(get(BASE + "/questions/expectedSupport/coded?part=longTerm"));
            assertThat(report.get("counted").get("implementations"))
                    .isEqualTo(get(BASE + "/questions/implementations/counted"));
            assertThat(report.get("coded").has("hospital")).as("hospital names are never listed").isFalse();
        }

        @Test
        void shouldCountUnitsByTheirCombinedScale() throws Exception {
            JsonNode scale = get(BASE + "/questions/scale/units");

            assertThat(scale.get("units").intValue()).isEqualTo(29);
            assertThat(scale.get("active").intValue()).isEqualTo(19);
        }

        @Test
        void shouldGiveTheCodedConcernsAndSpecialisms() throws Exception {
            JsonNode concerns = get(BASE + "/questions/concerns/coded");
            JsonNode experiments = get(BASE + "/questions/experiments/counted");
            JsonNode shortTerm = get(BASE + "/questions/expectedSupport/coded?part=shortTerm");

            assertThat(concerns.get("answered").intValue()).isEqualTo(35);
            assertThat(StreamSupport.stream(concerns.get("categories").spliterator(), false)
                    .mapToInt(c -> c.get("count").intValue()).max().orElse(0)).isEqualTo(10);
            assertThat(experiments.get("entries").intValue()).isEqualTo(28);
            assertThat(shortTerm.get("part").stringValue()).isEqualTo("shortTerm");
        }

        @Test
        void shouldCompareTheWaves() throws Exception {
            JsonNode comparison = get("/api/results/compare?question=scale&wave=ai-in-hospitals-2019/2019"
                    + "&wave=ai-in-hospitals-2020/2020&unit=units");

            assertThat(comparison.get("waves")).hasSize(2);
            JsonNode smallScale = StreamSupport.stream(comparison.get("rows").spliterator(), false)
                    .filter(r -> r.get("code").stringValue().equals("smallScale")).findFirst().orElseThrow();
            assertThat(smallScale.get("perWave").get(0).get("percent").intValue()).isEqualTo(24);
            assertThat(smallScale.get("perWave").get(1).get("percent").intValue()).isEqualTo(41);
        }

        /**
         * The 2020 report (section 4.3): "24% van de ziekenhuizen AI kleinschalig had geïmplementeerd, tegenover 41%
         * nu". 2019 is read from its published figures (conversation-flows/published), the figures of record, even
         * though this fixture also stores a stand-in 2019 wave: only what 2019 published has a count.
         */
        @Test
        void shouldCompareThePublished2019FiguresWithThe2020AnswersByCode() throws Exception {
            JsonNode comparison = get("/api/results/compare?question=scale&unit=units"
                    + "&wave=ai-in-hospitals-2019/2019&wave=ai-in-hospitals-2020/2020");

            JsonNode published = comparison.get("waves").get(0);
            JsonNode counted = comparison.get("waves").get(1);
            assertThat(published.get("source").stringValue()).isEqualTo("published");
            assertThat(published.get("publication").stringValue()).contains("M&I/Partners (2019)");
            assertThat(published.get("base").intValue()).isEqualTo(17);
            assertThat(counted.get("source").stringValue()).isEqualTo("answers");
            assertThat(counted.get("publication").isNull()).isTrue();
            assertThat(counted.get("base").intValue()).isEqualTo(29);

            JsonNode smallScale = row(comparison, "smallScale");
            assertThat(smallScale.get("label").stringValue()).as("labelled by the counted wave's flow")
                    .isEqualTo("Op kleine schaal geïmplementeerd");
            assertThat(smallScale.get("perWave").get(0).get("count").intValue()).isEqualTo(4);
            assertThat(smallScale.get("perWave").get(0).get("percent").intValue()).isEqualTo(24);
            assertThat(smallScale.get("perWave").get(1).get("count").intValue()).isEqualTo(12);
            assertThat(smallScale.get("perWave").get(1).get("percent").intValue()).isEqualTo(41);
            JsonNode experimenting = row(comparison, "experimenting");
            assertThat(experimenting.get("perWave").get(0).get("count").isNull()).as("not published: unknown, not zero")
                    .isTrue();
            assertThat(experimenting.get("perWave").get(0).get("percent").isNull()).isTrue();
            assertThat(experimenting.get("perWave").get(1).get("count").intValue()).isPositive();
        }

        @Test
        void shouldRefuseAPublishedFigureThatWasNotPublished() throws Exception {
            var perRespondent = client.get("/api/results/compare?question=scale&unit=respondents"
                    + "&wave=ai-in-hospitals-2019/2019&wave=ai-in-hospitals-2020/2020", ANALYST);
            assertThat(perRespondent.statusCode()).isEqualTo(404);
            assertThat(json.readTree(perRespondent.body()).get("detail").stringValue()).contains("not per respondent");

            var unpublishedQuestion = client.get("/api/results/compare?question=familiarity"
                    + "&wave=ai-in-hospitals-2019/2019&wave=ai-in-hospitals-2020/2020", ANALYST);
            assertThat(unpublishedQuestion.statusCode()).isEqualTo(404);
            assertThat(json.readTree(unpublishedQuestion.body()).get("detail").stringValue())
                    .contains("published figures", "familiarity");
        }

        private JsonNode row(JsonNode comparison, String code) {
            return StreamSupport.stream(comparison.get("rows").spliterator(), false)
                    .filter(r -> r.get("code").stringValue().equals(code)).findFirst().orElseThrow();
        }
    }

    @Nested
    class Filters {

        @Test
        void shouldGiveTheMaterialisedCrossTabWhenUnfiltered() throws Exception {
            JsonNode crossTab = get(BASE + "/crosstab?row=familiarity&column=role");

            assertThat(crossTab.get("base").intValue()).isEqualTo(35);
        }

        @Test
        void shouldCountTheSameFromRawResponsesAsTheMaterialisedTables() throws Exception {
            JsonNode materialised = get(BASE + "/crosstab?row=familiarity&column=hospitalType");
            JsonNode raw = get(BASE + "/crosstab?row=familiarity&column=hospitalType&channel=web");

            assertThat(raw).isEqualTo(materialised);
        }

        @Test
        void shouldCountOnlyTheRoleAskedFor() throws Exception {
            long cios = fixture.responses.stream()
                    .filter(r -> r.state().answers().get("role").choices().get(0).code().equals("cio")).count();

            JsonNode crossTab = get(BASE + "/crosstab?row=familiarity&column=hospitalType&filter.role=cio");

            assertThat(cios).isBetween(1L, 34L);
            assertThat(crossTab.get("base").intValue()).isEqualTo((int) cios);
        }

        @Test
        void shouldFilterOnAnyChoiceQuestionAsOnADimension() throws Exception {
            long familiar = fixture.responses.stream().filter(r -> r.state().answers().get("familiarity").choices()
                    .get(0).code().equals("familiar")).count();

            JsonNode crossTab = get(BASE + "/crosstab?row=role&column=hospitalType&filter.familiarity=familiar");
            JsonNode page = get(BASE + "/responses?filter.familiarity=familiar&filter.role=cio&limit=500");

            assertThat(familiar).isBetween(1L, 34L);
            assertThat(crossTab.get("base").intValue()).isEqualTo((int) familiar);
            assertThat(page.get("total").intValue()).isEqualTo((int) fixture.responses.stream()
                    .filter(r -> r.state().answers().get("familiarity").choices().get(0).code().equals("familiar"))
                    .filter(r -> r.state().answers().get("role").choices().get(0).code().equals("cio")).count());
        }

        @ParameterizedTest
        @ValueSource(strings = {"/crosstab?row=familiarity&column=role&filter.hospital=x",
                "/crosstab?row=familiarity&column=role&filter.concerns=x", "/responses?filter.role=nurse",
                "/export/responses.csv?filter.nope=1"})
        void shouldRefuseAFilterOnWhatIsNoDimensionOrChoiceWithABadRequest(String path) throws Exception {
            var response = client.get(BASE + path, ANALYST);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json.readTree(response.body()).get("detail").stringValue()).containsAnyOf("cannot filter", "no option");
        }

        @Test
        void shouldIncludeResponsesInProgressWhenAskedForAll() throws Exception {
            JsonNode all = get(BASE + "/crosstab?row=familiarity&column=role&status=all");
            JsonNode telegram = get(BASE + "/crosstab?row=familiarity&column=role&status=all&channel=telegram");

            assertThat(all.get("base").intValue()).isEqualTo(36);
            assertThat(telegram.get("base").intValue()).isEqualTo(1);
            assertThat(telegram.get("rows").get(2).get("cells").get(0).get("count").intValue()).isEqualTo(1);
        }
    }

    @Nested
    class RawResponses {

        @Test
        void shouldPageThroughTheCompletedResponsesPseudonymised() throws Exception {
            JsonNode first = get(BASE + "/responses?limit=20");
            JsonNode second = get(BASE + "/responses?limit=20&skip=20");

            assertThat(first.get("total").longValue()).isEqualTo(35);
            assertThat(first.get("responses")).hasSize(20);
            assertThat(second.get("responses")).hasSize(15);
            String body = client.text(BASE + "/responses?limit=500");
            fixture.responses.forEach(r -> assertThat(body).doesNotContain(r.id()));
            JsonNode one = first.get("responses").get(0);
            assertThat(one.get("respondent").stringValue()).matches("R-[0-9a-f]{32}");
            assertThat(one.get("profile").get("hospital").stringValue()).isNotBlank();
            assertThat(one.get("answers").get("familiarity").get("choices").get(0).stringValue()).isNotBlank();
            assertThat(one.has("conversation")).isFalse();
        }

        @Test
        void shouldFilterRawResponsesByStatusAndChannel() throws Exception {
            JsonNode telegram = get(BASE + "/responses?status=all&channel=telegram");

            assertThat(telegram.get("total").longValue()).isEqualTo(1);
            JsonNode response = telegram.get("responses").get(0);
            assertThat(response.get("status").stringValue()).isEqualTo("in_progress");
            assertThat(response.get("respondent").stringValue()).isEqualTo(pseudonyms.of(inProgress.id()));
        }
    }

    @Nested
    class Coding {

        @Test
        void shouldCodeAnAnswerByPseudonymAndUncodeIt() throws Exception {
            ReportFixture.Coded coded = fixture.codings.stream().filter(c -> c.questionId().equals("potential"))
                    .findFirst().orElseThrow();
            String path = BASE + "/questions/potential/codings/" + pseudonyms.of(coded.responseId());
            int codedBefore = get(BASE + "/questions/potential/coded").get("coded").intValue();

            assertThat(client.put(path, "{\"categories\":[]}", ANALYST).statusCode()).isEqualTo(204);
            JsonNode uncoded = get(BASE + "/questions/potential/coded");
            assertThat(client.put(path, json.writeValueAsString(Map.of("categories", coded.categories())), ANALYST)
                    .statusCode()).isEqualTo(204);

            assertThat(uncoded.get("coded").intValue()).isEqualTo(codedBefore - 1);
            assertThat(uncoded.get("uncoded").get(0).get("respondent").stringValue()).isEqualTo(pseudonyms.of(coded.responseId()));
            assertThat(get(BASE + "/questions/potential/coded").get("coded").intValue()).isEqualTo(codedBefore);
        }

        @Test
        void shouldRefuseAnUnknownCategory() throws Exception {
            ReportFixture.Coded coded = fixture.codings.get(0);
            String path = BASE + "/questions/" + coded.questionId() + "/codings/" + pseudonyms.of(coded.responseId())
                    + (coded.part() == null ? "" : "?part=" + coded.part());

            var response = client.put(path, "{\"categories\":[\"noSuchCategory\"]}", ANALYST);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(new String(response.body(), StandardCharsets.UTF_8)).contains("noSuchCategory");
        }
    }


    @Nested
    class Exports {

        private static final String EXPORT = BASE + "/export/";

        private List<List<String>> csv(String path) throws Exception {
            var response = client.get(path, ANALYST);
            assertThat(response.statusCode()).isEqualTo(200);
            return Csv.parse(response.body());
        }

        private List<String> column(List<List<String>> rows, String name) {
            int index = rows.get(0).indexOf(name);
            assertThat(index).as("column " + name).isNotNegative();
            return rows.subList(1, rows.size()).stream().map(r -> r.get(index)).toList();
        }

        @Test
        void shouldExportOneCsvRowPerRespondentWithOneColumnPerAnswer() throws Exception {
            var response = client.get(EXPORT + "responses.csv", ANALYST);
            List<List<String>> rows = Csv.parse(response.body());

            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/csv"));
            assertThat(response.headers().firstValue("Content-Disposition")).hasValueSatisfying(d ->
                    assertThat(d).contains("attachment").contains("peilbot-ai-in-hospitals-2020-2020-responses.csv"));
            assertThat(rows).hasSize(36);
            assertThat(rows.get(0)).startsWith("respondent", "status", "language", "channels", "startedAt", "completedAt",
                    "hospital", "hospitalType", "role", "familiarity").contains(
                    "knownApplications_machineLearning", "knownApplications_other", "knownApplications_otherText",
                    "policyTopics", "scale_notApplied", "experiments_1_specialism", "experiments_3_description",
                    "expectedSupport_shortTerm", "expectedSupport_longTerm", "concerns");
            assertThat(column(rows, "familiarity")).filteredOn("1"::equals).hasSize(13);
            assertThat(column(rows, "familiarity")).filteredOn("2"::equals).hasSize(19);
            assertThat(column(rows, "knownApplications_machineLearning")).filteredOn("1"::equals).hasSize(34);
            assertThat(column(rows, "knownApplications_otherText")).filteredOn(t -> !t.isEmpty())
                    .containsExactlyInAnyOrder("Eigen ontwikkeling", "Robotic Process Automation");
            assertThat(column(rows, "experiments_1_specialism")).filteredOn(t -> !t.isEmpty()).hasSize(15);
        }

        @Test
        void shouldPseudonymiseTheExportButKeepTheHospital() throws Exception {
            String body = client.text(EXPORT + "responses.csv");
            List<List<String>> rows = Csv.parse(body.getBytes(StandardCharsets.UTF_8));

            fixture.responses.forEach(r -> assertThat(body).doesNotContain(r.id()));
            assertThat(column(rows, "respondent")).allMatch(p -> p.matches("R-[0-9a-f]{32}")).doesNotHaveDuplicates()
                    .contains(pseudonyms.of(fixture.responses.get(0).id()));
            assertThat(column(rows, "hospital")).contains("Ziekenhuis Aalsmeer");
            assertThat(column(rows, "hospitalType")).allMatch(v -> v.matches("\\d+"));
        }

        @Test
        void shouldExportTheSameColumnsAndValuesAsXlsx() throws Exception {
            List<List<String>> csv = csv(EXPORT + "responses.csv");
            var response = client.get(EXPORT + "responses.xlsx", ANALYST);

            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.body()))) {
                var sheet = workbook.getSheetAt(0);
                assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(36);
                var header = sheet.getRow(0);
                for (int c = 0; c < csv.get(0).size(); c++) {
                    assertThat(header.getCell(c).getStringCellValue()).isEqualTo(csv.get(0).get(c));
                }
                int familiarity = csv.get(0).indexOf("familiarity");
                int respondent = csv.get(0).indexOf("respondent");
                for (int r = 1; r < csv.size(); r++) {
                    var row = sheet.getRow(r);
                    assertThat(row.getCell(respondent).getStringCellValue()).isEqualTo(csv.get(r).get(respondent));
                    assertThat(row.getCell(familiarity).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.NUMERIC);
                    assertThat(String.valueOf((int) row.getCell(familiarity).getNumericCellValue()))
                            .isEqualTo(csv.get(r).get(familiarity));
                }
            }
        }

        @Test
        void shouldWriteSpssSyntaxThatReadsTheCsvWithDutchLabels() throws Exception {
            String sps = client.text(EXPORT + "responses.sps");
            List<String> header = csv(EXPORT + "responses.csv").get(0);

            assertThat(sps).contains("GET DATA\n  /TYPE=TXT\n  /FILE='peilbot-ai-in-hospitals-2020-2020-responses.csv'",
                    "/ENCODING='UTF8'", "/DELIMITERS=\",\"", "/FIRSTCASE=2",
                    "VARIABLE LABELS\n  respondent 'Pseudonym'",
                    "/familiarity 'In hoeverre bent u bekend met de mogelijkheden van AI in de zorg?'",
                    "/familiarity 1 'Bekend' 2 'Redelijk bekend' 3 'Neutraal'",
                    "/knownApplications_machineLearning 0 'Niet gekozen' 1 'Gekozen' -1 'Overgeslagen'",
                    "    familiarity F3.0\n", "EXECUTE.");
            String variables = sps.substring(sps.indexOf("/VARIABLES=") + 11, sps.indexOf("\n.\n"));
            assertThat(variables.strip().lines().map(String::strip).map(l -> l.split(" ")[0]).toList()).isEqualTo(header);
        }

        @Test
        void shouldExportAQuestionsTableWithCountsBesidePercents() throws Exception {
            List<List<String>> familiarity = csv(EXPORT + "tables/familiarity.csv");
            List<List<String>> concerns = csv(EXPORT + "tables/concerns.csv?lang=en");

            assertThat(familiarity.get(0)).containsExactly("Code", "Antwoord", "Respondenten", "% respondenten",
                    "Ziekenhuizen", "% ziekenhuizen");
            assertThat(familiarity.get(1)).startsWith("familiar", "Bekend", "13", "37");
            assertThat(familiarity.get(familiarity.size() - 1)).startsWith("", "Totaal (n)", "35", "", "29");
            assertThat(concerns.get(0)).containsExactly("Part", "Code", "Category", "Count", "Percent");
            assertThat(concerns).anySatisfy(r -> assertThat(r.subList(3, 5)).containsExactly("10", "29"));
        }

        @Test
        void shouldSpeakTheLanguageTheClientPrefersUnlessLangChoosesOne() throws Exception {
            String table = EXPORT + "tables/familiarity.csv";
            List<String> dutch = List.of("Code", "Antwoord", "Respondenten", "% respondenten", "Ziekenhuizen",
                    "% ziekenhuizen");
            List<String> english = csv(table + "?lang=en").get(0);

            assertThat(english).doesNotContainAnyElementsOf(List.of("Antwoord", "Respondenten"));
            assertThat(Csv.parse(client.get(table, ANALYST, "en-GB,en;q=0.8").body()).get(0)).isEqualTo(english);
            assertThat(Csv.parse(client.get(table + "?lang=NL", ANALYST, "en-GB").body()).get(0)).isEqualTo(dutch);
            assertThat(Csv.parse(client.get(table, ANALYST, "de-DE").body()).get(0)).isEqualTo(dutch);
            assertThat(Csv.parse(client.get(table + "?lang=fr", ANALYST, "en").body()).get(0))
                    .as("a language we do not speak is Dutch, as on the pages").isEqualTo(dutch);
            assertThat(client.text(EXPORT + "responses.sps?lang=en-GB"))
                    .contains("/familiarity 'How familiar are you");
        }

        @Test
        void shouldExportEveryTableAsOneWorkbook() throws Exception {
            var response = client.get(EXPORT + "tables.xlsx", ANALYST);

            try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(response.body()))) {
                List<String> names = new java.util.ArrayList<>();
                workbook.forEach(sheet -> names.add(sheet.getSheetName()));
                assertThat(names).startsWith("hospitalType", "role", "familiarity").contains("scale", "scale Ziekenhuizen",
                        "experiments", "expectedSupport", "concerns").doesNotContain("hospital");
                var combinations = workbook.getSheet("scale Ziekenhuizen");
                List<String> counts = new java.util.ArrayList<>();
                combinations.forEach(row -> counts.add(row.getCell(0) == null ? "" : row.getCell(0).toString()));
                assertThat(counts).contains("experimenting", "smallScale", "notApplied");
            }
        }
    }

    @Nested
    class Problems {

        @ParameterizedTest
        @ValueSource(strings = {"/api/results/ai-in-hospitals-2020/1999", "/api/results/no-survey/2020/questions/familiarity",
                BASE + "/questions/noSuchQuestion", BASE + "/questions/noSuchQuestion/coded",
                BASE + "/questions/familiarity/counted", BASE + "/crosstab?row=familiarity&column=nope&filter.role=cio",
                "/api/results/ai-in-hospitals-2020/1999/responses", "/api/results/ai-in-hospitals-2020/1999/export/responses.csv",
                BASE + "/export/tables/noSuchQuestion.csv"})
        void shouldAnswerUnknownWavesAndQuestionsWithAProblemDetail(String path) throws Exception {
            var response = client.get(path, ANALYST);

            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                    assertThat(type).startsWith("application/problem+json"));
            JsonNode problem = json.readTree(response.body());
            assertThat(problem.get("status").intValue()).isEqualTo(404);
            assertThat(problem.get("detail").stringValue()).isNotBlank();
        }

        @Test
        void shouldAnswerABadUnitOrStatusWith400() throws Exception {
            assertThat(client.get(BASE + "/questions/familiarity?unit=beds", ANALYST).statusCode()).isEqualTo(400);
            assertThat(client.get(BASE + "/responses?status=maybe", ANALYST).statusCode()).isEqualTo(400);
        }

        @Test
        void shouldAnswerAComparisonWithoutAWaveWith400() throws Exception {
            var empty = client.get("/api/results/compare?question=familiarity&wave=", ANALYST);
            var notAWave = client.get("/api/results/compare?question=familiarity&wave=2020", ANALYST);

            assertThat(empty.statusCode()).isEqualTo(400);
            assertThat(json.readTree(empty.body()).get("detail").stringValue()).contains("at least one wave=survey/wave");
            assertThat(notAWave.statusCode()).isEqualTo(400);
        }

        @Test
        void shouldDescribeTheApiInOpenApi() throws Exception {
            JsonNode openApi = get("/api/results/openapi");

            assertThat(openApi.get("openapi").stringValue()).startsWith("3.");
            assertThat(openApi.get("paths").propertyNames()).contains("/api/results/waves",
                    "/api/results/{survey}/{wave}/crosstab").noneMatch(p -> p.startsWith("/api/invitations"));
            JsonNode csv = openApi.get("paths").get("/api/results/{survey}/{wave}/export/responses.csv").get("get");
            assertThat(csv.get("parameters").findValues("name").stream().map(JsonNode::asString)).as("the export's language is documented")
                    .contains("lang").doesNotContain("locale");
            openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
                JsonNode parameters = operation.getValue().get("parameters");
                if (parameters != null) {
                    parameters.forEach(parameter -> assertThat(parameter.has("schema") || parameter.has("content"))
                            .as("a client can generate %s of %s %s", parameter.get("name"), operation.getKey(), path.getKey())
                            .isTrue());
                }
            }));
        }

        @Test
        void shouldDocumentAndAnswerProblemDetailsOnEveryOperation() throws Exception {
            JsonNode openApi = get("/api/results/openapi");
            int operations = 0;
            for (JsonNode path : openApi.get("paths")) {
                for (JsonNode operation : path) {
                    operations++;
                    for (String status : List.of("400", "401", "403", "404")) {
                        assertThat(operation.get("responses").get(status)).as(operation.get("operationId") + " " + status)
                                .isNotNull();
                        assertThat(operation.get("responses").get(status).get("content").has("application/problem+json"))
                                .isTrue();
                    }
                }
            }
            assertThat(operations).isGreaterThan(15);

            var unauthorised = client.get(BASE, NOBODY);
            assertThat(unauthorised.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
            assertThat(unauthorised.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Basic");
            assertThat(json.readTree(unauthorised.body()).get("status").intValue()).isEqualTo(401);
            var forbidden = client.get(BASE, ORGANISER);
            assertThat(json.readTree(forbidden.body()).get("status").intValue()).isEqualTo(403);
            var notANumber = client.get(BASE + "/responses?limit=many", ANALYST);
            assertThat(notANumber.statusCode()).isEqualTo(400);
            assertThat(notANumber.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        }

        @Test
        void shouldDocumentWhereAComparedWavesFiguresComeFrom() throws Exception {
            JsonNode schemas = get("/api/results/openapi").get("components").get("schemas");

            assertThat(schemas.get("ComparedWave").get("properties").get("source").toString())
                    .contains("answers", "published");
            assertThat(schemas.get("ComparedWave").get("properties").get("publication").toString()).contains("null");
            assertThat(schemas.get("ComparedCount").get("properties").get("count").toString()).contains("null");
            assertThat(schemas.get("ComparisonRow").get("properties").get("perWave").toString()).contains("ComparedCount");
        }

        @Test
        void shouldDocumentThatACodedTableWithoutPartsHasNoPart() throws Exception {
            JsonNode part = get("/api/results/openapi").get("components").get("schemas").get("CodedView")
                    .get("properties").get("part");

            assertThat(part.toString()).contains("null");
            assertThat(get(BASE + "/questions/concerns/coded").get("part").isNull()).isTrue();
        }
    }

    private static Map<String, String> counts(JsonNode distribution) {
        Map<String, String> counts = new LinkedHashMap<>();
        distribution.get("counts").forEach(c -> counts.put(c.get("code").stringValue(),
                c.get("count").intValue() + "/" + c.get("percent").intValue()));
        return counts;
    }
}
