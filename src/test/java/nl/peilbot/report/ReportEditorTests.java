package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.aggregation.ReportFixture;
import nl.peilbot.aggregation.Results;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.results.ReportData;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.HeadlessChromium;

/**
 * The report editor on the 35-respondent fixture in a real FerretDB, with the flows in a copy of
 * conversation-flows so the test can edit the template file: file edits without a restart, saving and reverting a
 * template for the wave, refused uploads and bodies, and the editor page in headless Chromium.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peilbot.analyst.password=" + ReportEditorTests.ANALYST_PASSWORD,
                "peilbot.organiser.password=" + ReportEditorTests.ORGANISER_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportEditorTests {

    static final String ANALYST_PASSWORD = "editor-analyst-password";
    static final String ORGANISER_PASSWORD = "editor-organiser-password";
    private static final String BASE = "/api/results/ai-in-hospitals-2020/2020";
    private static final String DATABASE = FerretDb.uniqueDatabase("report_editor");
    private static final Path FLOWS = copyOfTheFlows();
    private static final Path TEMPLATE = FLOWS.resolve("reports/ai-in-hospitals-2020.md");
    private static final String WORKLOAD = "{{percent workloadReduction=pct10+pct20+moreThan30}}";

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
        registry.add("peilbot.flows.directory", FLOWS::toString);
    }

    private static Path copyOfTheFlows() {
        try {
            Path copy = Files.createTempDirectory("peilbot-editor-flows-");
            FileSystemUtils.copyRecursively(Path.of("conversation-flows"), copy);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(copy.toFile())));
            return copy;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    ResponseStore responses;

    @Autowired
    FlowSnapshots snapshots;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Results results;

    @Autowired
    JsonMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String original;

    @BeforeAll
    void storeTheAnswers() throws Exception {
        original = Files.readString(TEMPLATE);
        ReportFixture fixture2020 = ReportData.load(responses, snapshots, events, results);
        results.rebuild(ReportData.WAVE_2020);
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> {
            results.aggregate(fixture2020.responses.get(0).id());
            return results.overview(ReportData.WAVE_2020).respondents() == 35
                    && results.report(ReportData.WAVE_2020).coded().values().stream()
                    .allMatch(table -> table.uncoded().isEmpty());
        });
    }

    /** Each test starts from the file as it came, and the wave using it. */
    @BeforeEach
    void backToTheFile() throws Exception {
        Files.writeString(TEMPLATE, original);
        JsonNode stored = stored();
        if (stored.get("saved").asBoolean()) {
            assertThat(send("DELETE", BASE + "/report/template?revision=" + stored.get("revision").asLong(), null, null)
                    .statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class TheTemplateFile {

        @Test
        void shouldShowAnEditOfTheFileInTheNextReportWithoutARestart() throws Exception {
            assertThat(html(BASE + "/report.html")).doesNotContain("Een alinea die zojuist in het bestand kwam.");
            Files.writeString(TEMPLATE, original + "\n\nEen alinea die zojuist in het bestand kwam.\n");
            assertThat(html(BASE + "/report.html")).contains("Een alinea die zojuist in het bestand kwam.");
            assertThat(preview("").get("html").asString()).contains("Een alinea die zojuist in het bestand kwam.");
            assertThat(stored().get("template").asString()).endsWith("Een alinea die zojuist in het bestand kwam.\n");
        }
    }

    @Nested
    class SavingForTheWave {

        @Test
        void shouldUseTheSavedTemplateInHtmlAndPdfUntilItIsRevertedToTheFile() throws Exception {
            long revision = stored().get("revision").asLong();
            String edited = original + "\n\nDeze alinea is in de editor opgeslagen.\n";
            HttpResponse<String> saved = send("PUT", BASE + "/report/template?revision=" + revision, edited, "text/plain");
            assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
            assertThat(json.readTree(saved.body()).get("saved").asBoolean()).isTrue();
            assertThat(json.readTree(saved.body()).get("savedBy").asString()).isEqualTo("analyst");

            assertThat(html(BASE + "/report.html")).contains("Deze alinea is in de editor opgeslagen.");
            assertThat(pdfText()).contains("Deze alinea is in de editor opgeslagen.");
            Files.writeString(TEMPLATE, original + "\n\nEen bestandswijziging onder een opgeslagen versie.\n");
            assertThat(html(BASE + "/report.html")).as("the saved copy counts, not the file")
                    .contains("Deze alinea is in de editor opgeslagen.")
                    .doesNotContain("Een bestandswijziging onder een opgeslagen versie.");

            HttpResponse<String> reverted = send("DELETE", BASE + "/report/template?revision=" + (revision + 1), null, null);
            assertThat(reverted.statusCode()).as(reverted.body()).isEqualTo(200);
            assertThat(json.readTree(reverted.body()).get("saved").asBoolean()).isFalse();
            assertThat(html(BASE + "/report.html")).doesNotContain("Deze alinea is in de editor opgeslagen.")
                    .contains("Een bestandswijziging onder een opgeslagen versie.");
        }

        @Test
        void shouldRefuseASaveOnTopOfARevisionSomeoneElseReplacedAndKeepTheirs() throws Exception {
            long revision = stored().get("revision").asLong();
            assertThat(send("PUT", BASE + "/report/template?revision=" + revision, original + "\n\nVan de eerste.\n",
                    "text/plain").statusCode()).isEqualTo(200);
            HttpResponse<String> late = send("PUT", BASE + "/report/template?revision=" + revision + "&lang=nl",
                    original + "\n\nVan de tweede.\n", "text/plain");
            assertThat(late.statusCode()).isEqualTo(409);
            assertThat(json.readTree(late.body()).get("detail").asString()).contains("iemand anders");
            assertThat(html(BASE + "/report.html")).contains("Van de eerste.").doesNotContain("Van de tweede.");
            assertThat(send("DELETE", BASE + "/report/template?revision=" + revision, null, null).statusCode())
                    .as("a revert on a stale revision").isEqualTo(409);
        }

        @Test
        void shouldNotSaveATemplateWithErrorsAndNameTheirLines() throws Exception {
            long revision = stored().get("revision").asLong();
            HttpResponse<String> refused = send("PUT", BASE + "/report/template?revision=" + revision + "&lang=en",
                    "# Kop\n\nTekst\n{{count nosuchQuestion=x}}\n", "text/plain");
            assertThat(refused.statusCode()).isEqualTo(422);
            JsonNode problem = json.readTree(refused.body());
            assertThat(problem.get("detail").asString()).contains("Not saved", "errors");
            assertThat(problem.get("problems").toString()).contains("\"line\":4", "nosuchQuestion");
            assertThat(stored().get("revision").asLong()).isEqualTo(revision);
            assertThat(send("PUT", BASE + "/report/template?revision=" + revision, "  \n", "text/plain").statusCode())
                    .isEqualTo(422);
        }
    }

    @Nested
    class BadInput {

        @Test
        void shouldRefuseAnUploadThatIsTooLargeWithAClearMessage() throws Exception {
            HttpResponse<String> large = upload("groot.md", "# Kop\n".repeat(80_000).getBytes(StandardCharsets.UTF_8), "nl");
            assertThat(large.statusCode()).isEqualTo(413);
            assertThat(json.readTree(large.body()).get("detail").asString()).contains("groter dan 400 KiB");
            HttpResponse<String> huge = upload("enorm.md", new byte[3 * 1024 * 1024], "en");
            assertThat(huge.statusCode()).as("over the server's multipart limit").isEqualTo(413);
            assertThat(huge.body()).doesNotContain("Exception", "at org.");
        }

        @Test
        void shouldRefuseAnUploadThatIsNotTextAndHandBackOneThatIs() throws Exception {
            byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
            HttpResponse<String> binary = upload("plaatje.md", png, "en");
            assertThat(binary.statusCode()).isEqualTo(415);
            assertThat(json.readTree(binary.body()).get("detail").asString()).contains("not text");
            HttpResponse<String> text = upload("rapport.md", "# Kop\n\n{{count respondents}} respondenten\n"
                    .getBytes(StandardCharsets.UTF_8), "nl");
            assertThat(text.statusCode()).isEqualTo(200);
            assertThat(json.readTree(text.body()).get("template").asString()).startsWith("# Kop");
            assertThat(stored().get("saved").asBoolean()).as("an upload is not saved").isFalse();
        }

        @Test
        void shouldRefuseAPreviewOrSaveBodyOverTheLimit() throws Exception {
            String big = "a".repeat(TemplateText.MAX_BYTES + 10);
            assertThat(send("POST", BASE + "/report/preview", big, "text/plain").statusCode()).isEqualTo(413);
            assertThat(send("PUT", BASE + "/report/template?revision=0", big, "text/plain").statusCode()).isEqualTo(413);
        }
    }

    /** The editor in Debian's headless Chromium, as an analyst who logged in with the form (CSRF on every change). */
    @Nested
    class InABrowser {

        @Test
        void shouldPreviewTheEditedTemplateWithItsErrorsAndTypedFigures() {
            try (HeadlessChromium chromium = HeadlessChromium.start(1400, 1000, "nl,en")) {
                ChromeDriver browser = chromium.driver();
                JavascriptExecutor script = browser;
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                chromium.logIn(port, "analyst", ANALYST_PASSWORD);

                browser.get("http://127.0.0.1:" + port + BASE + "/report.html");
                assertThat(browser.findElements(By.cssSelector("svg.chart"))).isNotEmpty();
                assertThat(browser.findElement(By.id("q-familiarity")).getText()).contains("Bekend", "13", "37%");

                browser.get("http://127.0.0.1:" + port + "/results?wave=ai-in-hospitals-2020/2020");
                wait.until(page -> !page.findElements(By.id("report-editor")).isEmpty());
                browser.findElement(By.id("report-editor")).click();
                wait.until(page -> "1".equals(page.findElement(By.tagName("body")).getAttribute("data-rendered")));
                assertThat(browser.findElement(By.id("source")).getText()).contains("reports/ai-in-hospitals-2020.md");
                assertThat(browser.findElement(By.id("problems")).getText()).contains("Geen fouten");
                inThePreview(browser, () -> {
                    assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSizeGreaterThan(10);
                    assertThat(browser.findElement(By.id("q-familiarity")).getText()).contains("37%");
                    assertThat(script.executeScript("return getComputedStyle(document.querySelector('h1')).color"))
                            .as("the report's stylesheet applies in the preview").isEqualTo("rgb(31, 95, 139)");
                });

                WebElement area = browser.findElement(By.id("template"));
                area.sendKeys(Keys.chord(Keys.CONTROL, Keys.END), "\n\nBekendheid: {{percent familiarity=wellKnown}}.");
                long line = (Long) script.executeScript("return document.getElementById('template').value.split('\\n')"
                        + ".findIndex(l => l.includes('wellKnown')) + 1");
                WebElement error = wait.until(page -> page.findElements(By.cssSelector("#problems li.error")).stream()
                        .filter(e -> e.getText().contains("wellKnown")).findFirst().orElse(null));
                assertThat(error.getText()).contains("Fout, regel " + line);
                inThePreview(browser, () -> assertThat(browser.findElement(By.tagName("main")).getText())
                        .contains("Bekendheid: [??]."));

                // Select the workload placeholder of section 2 and type the report's wrong figure over it.
                script.executeScript("const a = document.getElementById('template'); const at = a.value.indexOf(arguments[0]);"
                        + "a.focus(); a.setSelectionRange(at, at + arguments[0].length);", WORKLOAD);
                browser.findElement(By.id("template")).sendKeys("83 %");
                long typedLine = (Long) script.executeScript("return document.getElementById('template').value.split('\\n')"
                        + ".findIndex(l => l.includes('83 %')) + 1");
                WebElement warning = wait.until(page -> page.findElements(By.cssSelector("#problems li.warning")).stream()
                        .filter(e -> e.getText().contains("83 %")).findFirst().orElse(null));
                assertThat(warning.getText()).contains("Waarschuwing, regel " + typedLine);
                assertThat(browser.findElement(By.id("problem-count")).getText()).isEqualTo("(fouten: 1, waarschuwingen: 1)");
                browser.findElement(By.cssSelector("#typed-numbers summary")).click();
                assertThat(browser.findElement(By.cssSelector("#typed li.no-match")).getText())
                        .isEqualTo("regel " + typedLine + ": \u201883 %\u2019 \u2014 geen enkel cijfer in de buurt geeft dit getal");
                assertThat(browser.findElement(By.id("problems")).getText()).contains("wellKnown");
                keepScreenshot(browser, "report-editor.png");

                // A change without the CSRF token is refused, even from the logged-in page.
                Object withoutToken = script.executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('" + BASE + "/report/template?revision=0', {method: 'PUT', body: '# Kop',"
                        + " credentials: 'same-origin'}).then(r => done(r.status));");
                assertThat(withoutToken).isEqualTo(403L);

                // Fix the error, save: report.html uses the saved template; back to the file: it does not.
                script.executeScript("const a = document.getElementById('template');"
                        + "a.value = a.value.replace('Bekendheid: {{percent familiarity=wellKnown}}.', 'Opgeslagen in de browser.')"
                        + ".replace('83 %', arguments[0]); a.dispatchEvent(new Event('input'));", WORKLOAD);
                wait.until(page -> page.findElement(By.id("problems")).getText().contains("Geen fouten"));
                browser.findElement(By.id("save")).click();
                wait.until(page -> page.findElement(By.id("message")).getText().startsWith("Opgeslagen"));
                assertThat(browser.findElement(By.id("source")).getText()).contains("opgeslagen versie", "(analyst, ");
                assertThat(html(BASE + "/report.html")).contains("Opgeslagen in de browser.");
                browser.findElement(By.id("revert")).click();
                wait.until(page -> page.findElement(By.id("message")).getText().contains("weer het bestand"));
                assertThat(html(BASE + "/report.html")).doesNotContain("Opgeslagen in de browser.");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Test
        void shouldTellWhyAnUploadedFileIsRefusedAndShowAnEditOfTheFile() throws Exception {
            Path binary = Files.createTempFile("plaatje", ".md");
            Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13});
            try (HeadlessChromium chromium = HeadlessChromium.start(1200, 900, "nl,en")) {
                ChromeDriver browser = chromium.driver();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(60));
                chromium.logIn(port, "analyst", ANALYST_PASSWORD);
                browser.get("http://127.0.0.1:" + port + "/results/ai-in-hospitals-2020/2020/report-editor");
                wait.until(page -> "1".equals(page.findElement(By.tagName("body")).getAttribute("data-rendered")));
                String before = browser.findElement(By.id("template")).getAttribute("value");
                browser.findElement(By.id("upload")).sendKeys(binary.toString());
                wait.until(page -> page.findElement(By.id("message")).getText().contains("geen tekst"));
                assertThat(browser.findElement(By.id("template")).getAttribute("value")).isEqualTo(before);

                // Nothing edited here: "Voorbeeld" reads the file again, so an edit made on disk shows at once.
                Files.writeString(TEMPLATE, original + "\n\nIn een andere editor aan het bestand toegevoegd.\n");
                browser.findElement(By.id("preview-button")).click();
                wait.until(page -> page.findElement(By.id("template")).getAttribute("value")
                        .contains("In een andere editor aan het bestand toegevoegd."));
                wait.until(page -> {
                    page.switchTo().frame(page.findElement(By.id("preview")));
                    try {
                        return page.findElement(By.tagName("main")).getText()
                                .contains("In een andere editor aan het bestand toegevoegd.");
                    } finally {
                        page.switchTo().defaultContent();
                    }
                });
            } finally {
                Files.delete(binary);
            }
        }
    }

    /** What the analyst saw, in target/report-screenshots, for a person to look at. */
    private static void keepScreenshot(ChromeDriver browser, String name) {
        try {
            Path folder = Files.createDirectories(Path.of("target/report-screenshots"));
            Files.write(folder.resolve(name), browser.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void inThePreview(ChromeDriver browser, Runnable check) {
        browser.switchTo().frame(browser.findElement(By.id("preview")));
        try {
            check.run();
        } finally {
            browser.switchTo().defaultContent();
        }
    }

    private JsonNode stored() throws Exception {
        HttpResponse<String> response = send("GET", BASE + "/report/stored", null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private JsonNode preview(String template) throws Exception {
        HttpResponse<String> response = send("POST", BASE + "/report/preview", template, "text/plain; charset=utf-8");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private String html(String path) throws Exception {
        HttpResponse<String> response = send("GET", path, null, null);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private String pdfText() throws Exception {
        HttpRequest request = authorised(BASE + "/report.pdf").GET().build();
        byte[] pdf = http.send(request, HttpResponse.BodyHandlers.ofByteArray()).body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
        }
    }

    private HttpResponse<String> upload(String name, byte[] content, String lang) throws Exception {
        String boundary = "peilbot-editor-boundary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(content);
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = authorised(BASE + "/report/upload?lang=" + lang)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String type) throws Exception {
        HttpRequest.Builder request = authorised(path);
        if (type != null) {
            request.header("Content-Type", type);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder authorised(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        ("analyst:" + ANALYST_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }
}
