package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

import nl.peilbot.aggregation.ReportFixture;
import nl.peilbot.engine.Answer;
import nl.peilbot.engine.ConversationState;
import nl.peilbot.response.BulkResponses;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.AppProcess;
import nl.peilbot.testsupport.FerretDb;

/**
 * The raw-response exports of a big wave from an application whose heap is far smaller than the wave: the 2020
 * report's 35 respondents, each with the longest answers the chat takes to its three open questions and stored
 * {@value #COPIES} times ({@value #RESPONSES} responses of some 8 KB each as BSON, twice that as Java strings). An
 * export that held every response, row or the file in memory runs out of heap (the code before streaming answered
 * 500 after an OutOfMemoryError); one that streams answers every file whole, every response in its own row and every
 * value in its own column.
 */
class StreamingExportTests {

    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final int TEMPLATES = 35;
    private static final int COPIES = 229;
    /** Several batches and some 30 MB of CSV: more than the connection's buffers hold before the client reads. */
    private static final int OUTAGE_RESPONSES = TEMPLATES * 120;
    private static final int RESPONSES = TEMPLATES * COPIES;
    /** Enough for the application to start and serve; the wave as objects alone would need several times more. */
    private static final String HEAP = "128m";
    private static final String EXPORT = "/api/results/" + SURVEY + "/2020/export/";
    private static final List<String> OPEN_QUESTIONS = List.of("policyTopics", "potential", "concerns");
    /** The most a respondent may type in one answer (the engine's free-text limit). */
    private static final int LONGEST_ANSWER = 2000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void shouldExportAWaveManyTimesTheHeapWholeWithEveryValueInItsColumn() throws Exception {
        MongoDatabase database = FerretDb.database("export_memory");
        ReportFixture fixture = new ReportFixture(Path.of("conversation-flows/" + SURVEY + ".yaml"),
                Path.of("conversation-flows/examples/" + SURVEY + "-respondents.yaml"));
        assertThat(fixture.responses).hasSize(TEMPLATES);
        List<StoredResponse> templates = new ArrayList<>();
        for (int i = 0; i < TEMPLATES; i++) {
            templates.add(withLongestAnswers(fixture.responses.get(i), i));
        }
        Path files = Files.createDirectories(Path.of("target", "streaming-export"));
        try (AppProcess app = AppProcess.on("streaming-export", Map.of(
                "spring.mongodb.uri", FerretDb.uri(database.getName()),
                "peilbot.flows.directory", Path.of("conversation-flows").toAbsolutePath().toString(),
                "peilbot.organiser.password", AnalystClient.ORGANISER_PASSWORD,
                "peilbot.analyst.password", AnalystClient.ANALYST_PASSWORD)).maxHeap(HEAP).start()) {
            BulkResponses.store(database, fixture.flow, templates);
            List<List<String>> small = Csv.parse(Files.readAllBytes(download(app, "responses.csv", files)));
            BulkResponses.copy(database, templates, RESPONSES);

            List<List<String>> csv = Csv.parse(Files.readAllBytes(download(app, "responses.csv", files)));

            assertThat(csv).hasSize(RESPONSES + 1);
            assertThat(csv.get(0)).as("the same columns as the templates' own export").isEqualTo(small.get(0));
            assertThat(csv.subList(1, csv.size())).as("every row as wide as the header")
                    .allSatisfy(row -> assertThat(row).hasSize(csv.get(0).size()));
            assertThat(new HashSet<>(column(csv, 0))).as("a pseudonym per response").hasSize(RESPONSES);
            for (int c = 1; c < csv.get(0).size(); c++) {
                assertThat(counts(column(csv, c))).as(csv.get(0).get(c) + ": every template's value, once per copy")
                        .isEqualTo(times(counts(column(small, c)), COPIES));
            }

            assertThat(xlsxRows(download(app, "responses.xlsx", files))).as("the workbook's rows, the header first")
                    .isEqualTo(RESPONSES + 1);

            String sps = Files.readString(download(app, "responses.sps", files));
            for (int c = 0; c < csv.get(0).size(); c++) {
                Matcher text = Pattern.compile("\n    " + csv.get(0).get(c) + " A(\\d+)\n").matcher(sps);
                if (text.find()) {
                    int widest = column(csv, c).stream().mapToInt(v -> v.getBytes(StandardCharsets.UTF_8).length)
                            .max().orElse(0);
                    assertThat(Integer.parseInt(text.group(1))).as("the SPSS width of " + csv.get(0).get(c)
                            + " is its longest value in the CSV").isEqualTo(Math.max(8, widest));
                }
            }

            assertThat(app.alive()).isTrue();
            String log = Files.readString(app.log());
            assertThat(log.substring(log.lastIndexOf("=== start"))).doesNotContain("OutOfMemoryError");
        }
    }

    /**
     * A database that stops in the middle of a download must not leave the analyst a shorter file that looks whole:
     * the download ends as incomplete (the connection closes before the chunked body's end), so the client reports
     * an error. Uses its own FerretDB, started and stopped with {@code scripts/start-ferretdb} / {@code stop-ferretdb}.
     */
    @Test
    void shouldBreakOffADownloadWhoseDatabaseStopsHalfway() throws Exception {
        Path data = Files.createTempDirectory("peilbot-export-ferretdb-");
        int databasePort = freePort();
        ferretDb("start-ferretdb", String.valueOf(databasePort), data.toString());
        try (MongoClient mongo = MongoClients.create("mongodb://127.0.0.1:" + databasePort)) {
            MongoDatabase database = mongo.getDatabase("export_outage");
            ReportFixture fixture = new ReportFixture(Path.of("conversation-flows/" + SURVEY + ".yaml"),
                    Path.of("conversation-flows/examples/" + SURVEY + "-respondents.yaml"));
            List<StoredResponse> templates = new ArrayList<>();
            for (int i = 0; i < TEMPLATES; i++) {
                templates.add(withLongestAnswers(fixture.responses.get(i), i));
            }
            BulkResponses.store(database, fixture.flow, templates);
            BulkResponses.copy(database, templates, OUTAGE_RESPONSES);
            try (AppProcess app = AppProcess.on("export-outage", Map.of(
                    "spring.mongodb.uri", "mongodb://127.0.0.1:" + databasePort + "/export_outage",
                    "peilbot.flows.directory", Path.of("conversation-flows").toAbsolutePath().toString(),
                    "peilbot.organiser.password", AnalystClient.ORGANISER_PASSWORD,
                    "peilbot.analyst.password", AnalystClient.ANALYST_PASSWORD)).start()) {
                HttpResponse<InputStream> download = http.send(request(app, "responses.csv"),
                        HttpResponse.BodyHandlers.ofInputStream());
                assertThat(download.statusCode()).isEqualTo(200);
                try (InputStream body = download.body()) {
                    assertThat(body.readNBytes(1 << 16)).as("the download has begun").hasSize(1 << 16);

                    ferretDb("stop-ferretdb", data.toString());

                    assertThatThrownBy(body::readAllBytes).as("the rest of a download the server could not finish")
                            .isInstanceOf(IOException.class);
                }
                assertThat(app.alive()).isTrue();
            }
        } finally {
            ferretDb("stop-ferretdb", data.toString());
            try (Stream<Path> files = Files.walk(data)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    /**
     * The response with answers as long as the chat takes to its open questions, each its own text; one starts like
     * a formula, so the CSV holds it defused (an apostrophe longer), which the SPSS width must count.
     */
    private static StoredResponse withLongestAnswers(StoredResponse response, int index) {
        ConversationState state = response.state();
        Map<String, Answer> answers = new LinkedHashMap<>(state.answers());
        for (String question : OPEN_QUESTIONS) {
            String sentence = (question.equals("concerns") ? "=" : "") + "Respondent " + index + " over " + question
                    + ": geïnteresseerd, \"kritisch\", =niet 100%. ";
            String text = sentence.repeat(LONGEST_ANSWER / sentence.length());
            answers.put(question, new Answer(question, null, null, text, null, null, null, false, "chat",
                    ReportFixture.SUBMITTED, 60));
        }
        return StoredResponse.begin(response.id(), response.wave(), new ConversationState(state.flowId(),
                state.flowVersion(), state.language(), state.stage(), state.currentStep(), answers, state.pending(),
                state.askedAt(), state.returnToSummary(), state.resumeStage()), "web", ReportFixture.SUBMITTED);
    }

    private static HttpRequest request(AppProcess app, String file) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + EXPORT + file))
                .header("Authorization", AnalystClient.basic("analyst", AnalystClient.ANALYST_PASSWORD))
                .timeout(Duration.ofMinutes(10)).GET().build();
    }

    private Path download(AppProcess app, String file, Path directory) throws Exception {
        HttpResponse<Path> response = http.send(request(app, file), HttpResponse.BodyHandlers.ofFile(directory.resolve(file),
                StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE));
        assertThat(response.statusCode()).as(file + " answered; the application's log: " + app.log()).isEqualTo(200);
        return response.body();
    }

    private static void ferretDb(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", Path.of("scripts", script).toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(command + " failed");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static List<String> column(List<List<String>> rows, int column) {
        List<String> values = new ArrayList<>();
        rows.subList(1, rows.size()).forEach(row -> values.add(row.get(column)));
        return values;
    }

    private static Map<String, Integer> counts(List<String> values) {
        Map<String, Integer> counts = new HashMap<>();
        values.forEach(v -> counts.merge(v, 1, Integer::sum));
        return counts;
    }

    private static Map<String, Integer> times(Map<String, Integer> counts, int factor) {
        Map<String, Integer> multiplied = new HashMap<>();
        counts.forEach((value, count) -> multiplied.put(value, count * factor));
        return multiplied;
    }

    /** The rows of the workbook's one sheet, read as a stream (a whole-file XLSX reader would need a big heap). */
    private static int xlsxRows(Path workbook) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(workbook))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (entry.getName().equals("xl/worksheets/sheet1.xml")) {
                    return count(new BufferedInputStream(zip, 1 << 16), "<row ");
                }
            }
        }
        throw new AssertionError("no sheet in " + workbook);
    }

    private static int count(InputStream in, String marker) throws IOException {
        byte[] pattern = marker.getBytes(StandardCharsets.UTF_8);
        int found = 0;
        int matched = 0;
        for (int b = in.read(); b >= 0; b = in.read()) {
            matched = b == pattern[matched] ? matched + 1 : (b == pattern[0] ? 1 : 0);
            if (matched == pattern.length) {
                found++;
                matched = 0;
            }
        }
        return found;
    }
}
