package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
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
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.results.ReportData;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.HeadlessChromium;

/**
 * The 2020 report regenerated from the 35-respondent fixture (and the 2019 wave) in a real FerretDB: the HTML page,
 * the PDF read back as text the way pdftotext does, the preview's problems and who may fetch it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peilbot.analyst.password=" + ReportGenerationTests.ANALYST_PASSWORD,
                "peilbot.organiser.password=" + ReportGenerationTests.ORGANISER_PASSWORD})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReportGenerationTests {

    static final String ANALYST_PASSWORD = "report-analyst-password";
    static final String ORGANISER_PASSWORD = "report-organiser-password";
    private static final String BASE = "/api/results/ai-in-hospitals-2020/2020";
    private static final String DATABASE = FerretDb.uniqueDatabase("report");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
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
    private String pdfText;
    private int pages;

    @BeforeAll
    void storeTheAnswersAndRenderThePdf() throws Exception {
        ReportFixture fixture2020 = ReportData.load(responses, snapshots, events, results);
        ReportFixture fixture2019 = new ReportFixture(Path.of("src/test/resources/aggregation/flow-2019.yaml"),
                Path.of("src/test/resources/aggregation/report-2019.yaml"));
        // A coding made while a completion's fold runs can be consumed by that fold before the coding is stored,
        // and then is never counted (an aggregation race, reported); a rebuild counts the stored codings.
        results.rebuild(ReportData.WAVE_2020);
        await().atMost(Duration.ofMinutes(3)).ignoreExceptions().until(() -> {
            results.aggregate(fixture2020.responses.get(0).id());
            results.aggregate(fixture2019.responses.get(0).id());
            return results.overview(ReportData.WAVE_2019).respondents() == fixture2019.responses.size()
                    && results.overview(ReportData.WAVE_2020).respondents() == 35
                    && results.report(ReportData.WAVE_2020).coded().values().stream()
                    .allMatch(table -> table.uncoded().isEmpty());
        });
        HttpResponse<byte[]> pdf = get(BASE + "/report.pdf", "analyst", ANALYST_PASSWORD);
        assertThat(pdf.statusCode()).as(new String(pdf.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            pages = document.getNumberOfPages();
            pdfText = new PDFTextStripper().getText(document).replaceAll("(?<=\\p{L})-\\s*\\n\\s*", "-")
                    .replaceAll("\\s+", " ");
            keepScreenshots(document);
        }
    }

    /** The first pages as PNG in target/report-screenshots, for a person to look at. */
    private static void keepScreenshots(PDDocument document) throws Exception {
        Path folder = Files.createDirectories(Path.of("target/report-screenshots"));
        PDFRenderer renderer = new PDFRenderer(document);
        for (int page = 0; page < Math.min(4, document.getNumberOfPages()); page++) {
            BufferedImage image = renderer.renderImageWithDPI(page, 60);
            ImageIO.write(image, "png", folder.resolve("report-page-" + (page + 1) + ".png").toFile());
        }
    }

    @Nested
    class ThePdf {

        @Test
        void shouldGiveTheFamiliarityAndFollowingDevelopmentsPercentages() {
            assertThat(pdfText).contains("Bekend 13 37%", "Redelijk bekend 19 54%", "Neutraal 3 9%");
            assertThat(pdfText).contains("Zeer goed 5 14%", "Goed 20 57%", "Neutraal 9 26%", "Beperkt 1 3%");
        }

        @Test
        void shouldCountTheKnownApplications() {
            assertThat(pdfText).contains("Machine Learning 34 ", "Natural Language Processing 33 ", "Vision 25 ",
                    "Robotica 28 ", "Anders 2 ");
        }

        @Test
        void shouldReproduceTheFindingsSentences() {
            assertThat(pdfText).contains(
                    "19 van de 29 ziekenhuizen geven aan actief te zijn met AI binnen het ziekenhuis, en 12 van deze "
                            + "ziekenhuizen hebben al AI-toepassingen geïmplementeerd",
                    "Een ruime meerderheid van de ziekenhuizen is actief bezig met AI (66%)",
                    "6 van de 28 experimenten en 6 van de 16 implementaties");
        }

        @Test
        void shouldStartTheCodedTablesWithTheReportsFirstRows() {
            assertThat(pdfText).contains("Verantwoordelijkheid 7 ", "Beeldherkenning 14 6", "Beeldherkenning 16 ",
                    "Onvoldoende kennis 10 ");
        }

        @Test
        void shouldCompareSmallScaleImplementationsWith2019() {
            assertThat(pdfText).contains(
                    "24% van de ziekenhuizen AI kleinschalig had geïmplementeerd, tegenover 41% nu",
                    "In het vorige AI-onderzoek was dit 1 ziekenhuis");
        }

        @Test
        void shouldMarkThe2019PublishedFiguresInTheComparisonTables() {
            assertThat(pdfText).contains("Antwoord 2019 * 2020", "Op kleine schaal geïmplementeerd 4 (24%) 12 (41%)",
                    "* Gepubliceerde cijfers", "2019 *: n = 17, 2020: n = 29");
        }

        @Test
        void shouldMarkThe2019PublishedFiguresInTheComparisonCharts() throws Exception {
            String html = new String(get(BASE + "/report.html", "analyst", ANALYST_PASSWORD).body(), StandardCharsets.UTF_8);
            String chart = html.substring(html.indexOf("<section class=\"compare\" id=\"compare-scale\">"));
            chart = chart.substring(chart.indexOf("<svg"), chart.indexOf("</svg>"));
            assertThat(chart).contains("(* Gepubliceerde cijfers", "Op kleine schaal geïmplementeerd – 2019 *",
                    "stroke-dasharray", "* gepubliceerde cijfers, geen antwoorden</text>");
        }

        @Test
        void shouldFollowSectionFourFourOnTheWorkload() {
            assertThat(pdfText).contains("De ruime meerderheid van de respondenten (60%)",
                    "17% van de respondenten verwacht zelfs", "Toch denkt ook 40% van de respondenten");
        }

        @Test
        void shouldNumberItsPagesAndListItsContents() {
            assertThat(pages).isGreaterThan(3);
            assertThat(pdfText).contains("1 / " + pages, pages + " / " + pages, "Inhoud", "Bevindingen & conclusies");
        }
    }

    /** {@code scripts/report --png}: report.pdf and its first pages as PNG by pdftoppm, for a person to look at. */
    @Nested
    class ThePages {

        @Test
        void shouldWriteTheFirstPagesAsA4Images() throws Exception {
            assertThat(new ProcessBuilder("scripts/install-poppler").inheritIO().start().waitFor()).isZero();
            Path folder = Path.of("target/report-pages"); // kept, like the screenshots, for a person to look at
            ProcessBuilder script = new ProcessBuilder("scripts/report", "--png", folder.toString(), "--pages", "2")
                    .redirectErrorStream(true);
            script.environment().put("PEILBOT_URL", "http://127.0.0.1:" + port);
            script.environment().put("PEILBOT_API_PASSWORD", ANALYST_PASSWORD);
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as(output).isZero();

            try (var listing = Files.list(folder)) {
                List<Path> images = listing.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
                assertThat(images).as(output).hasSize(2);
                for (Path image : images) {
                    BufferedImage page = ImageIO.read(image.toFile());
                    assertThat((double) page.getHeight() / page.getWidth()).as("A4 upright").isCloseTo(297.0 / 210, within(0.02));
                }
            }
            try (PDDocument document = Loader.loadPDF(Files.readAllBytes(folder.resolve("report.pdf")))) {
                assertThat(document.getNumberOfPages()).isEqualTo(pages);
            }
        }
    }

    @Nested
    class TheHtmlPage {

        @Test
        void shouldBeOneSelfContainedPageWithSvgCharts() throws Exception {
            HttpResponse<byte[]> page = get(BASE + "/report.html", "analyst", ANALYST_PASSWORD);
            String html = new String(page.body(), StandardCharsets.UTF_8);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(html).contains("<svg", "<style>", "@media print", "37%").doesNotContain("<script", "<link");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
                    assertThat(csp).startsWith("default-src 'none'; style-src 'sha256-"));
        }

        @Test
        void shouldBeForAnalystsOnly() throws Exception {
            assertThat(get(BASE + "/report.html", null, null).statusCode()).isEqualTo(401);
            assertThat(get(BASE + "/report.pdf", "organiser", ORGANISER_PASSWORD).statusCode()).isEqualTo(403);
        }

        @Test
        void shouldAnswerAnUnknownWaveWithNotFound() throws Exception {
            assertThat(get("/api/results/no-such-survey/2020/report.html", "analyst", ANALYST_PASSWORD).statusCode())
                    .isEqualTo(404);
        }
    }

    /** The HTML report and the results page's links in Debian's headless Chromium, at a phone's width. */
    @Nested
    class InABrowser {

        @Test
        void shouldDrawTheChartsWithItsOwnStylesheetAndFitAPhone() {
            try (HeadlessChromium chromium = HeadlessChromium.start(390, 844, null)) {
                ChromeDriver browser = chromium.driver();
                WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
                chromium.logIn(port, "analyst", ANALYST_PASSWORD);

                browser.get("http://127.0.0.1:" + port + "/results?wave=ai-in-hospitals-2020/2020");
                wait.until(page -> !page.findElements(By.id("report-pdf")).isEmpty());
                browser.findElement(By.id("report-html")).click();
                wait.until(page -> !page.findElements(By.id("q-familiarity")).isEmpty());

                JavascriptExecutor script = browser;
                assertThat(browser.findElement(By.id("q-familiarity")).getText()).contains("Bekend", "13", "37%");
                assertThat(browser.findElements(By.cssSelector("svg.chart"))).hasSizeGreaterThan(10);
                assertThat(script.executeScript("return getComputedStyle(document.querySelector('h1')).color"))
                        .as("the inline stylesheet is allowed by the page's policy").isEqualTo("rgb(31, 95, 139)");
                long viewport = (Long) script.executeScript("return window.innerWidth");
                assertThat(viewport).isLessThan(640L);
                assertThat((Long) script.executeScript("return document.documentElement.scrollWidth"))
                        .as("no sideways scrolling on a phone; too wide: %s", script.executeScript(
                                "return Array.from(document.querySelectorAll('body *'))"
                                        + ".filter(e => e.getBoundingClientRect().right > window.innerWidth)"
                                        + ".map(e => e.tagName + ' ' + (e.id || '')).slice(0, 8).join(', ')"))
                        .isLessThanOrEqualTo(viewport);
            }
        }
    }

    @Nested
    class ThePreview {

        @Test
        void shouldWarnAboutSectionTwosHandTypedEightyThreePercent() throws Exception {
            String template = Files.readString(Path.of("conversation-flows/reports/ai-in-hospitals-2020.md"));
            String typed = template.replaceFirst("\\{\\{percent workloadReduction=pct10\\+pct20\\+moreThan30}} van de "
                    + "respondenten verwacht dat", "83% van de respondenten verwacht dat");
            assertThat(typed).isNotEqualTo(template);
            JsonNode preview = preview(typed);
            assertThat(preview.get("problems").toString()).contains("83%").contains("workloadReduction");
            assertThat(preview(template).get("problems")).isEmpty();
        }

        @Test
        void shouldFailTheCheckScriptOnTheTypedEightyThreePercentOnly() throws Exception {
            String template = Files.readString(Path.of("conversation-flows/reports/ai-in-hospitals-2020.md"));
            Path typed = Files.createTempFile("report-83", ".md");
            Files.writeString(typed, template.replaceFirst("\\{\\{percent workloadReduction=pct10\\+pct20\\+moreThan30}} "
                    + "van de respondenten verwacht dat", "83% van de respondenten verwacht dat"));
            int line = (int) template.lines().takeWhile(l -> !l.contains("}} van de respondenten verwacht dat")).count() + 1;
            try {
                Check clean = check("conversation-flows/reports/ai-in-hospitals-2020.md");
                assertThat(clean.output()).contains("0 errors, 0 warnings");
                assertThat(clean.exit()).isZero();
                Check flagged = check(typed.toString());
                assertThat(flagged.output()).contains(typed + ":" + line + ": typed 83%: no match",
                        typed + ":" + line + ": warning: '83%'", "0 errors, 1 warnings");
                assertThat(flagged.exit()).isEqualTo(1);
            } finally {
                Files.delete(typed);
            }
        }

        private record Check(int exit, String output) {
        }

        private Check check(String template) throws Exception {
            ProcessBuilder script = new ProcessBuilder("scripts/report", "--check", template).redirectErrorStream(true);
            script.environment().put("PEILBOT_URL", "http://127.0.0.1:" + port);
            script.environment().put("PEILBOT_API_PASSWORD", ANALYST_PASSWORD);
            Process process = script.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Check(process.waitFor(), output);
        }

        @Test
        void shouldNameTheLineOfAnUnknownOption() throws Exception {
            JsonNode preview = preview("# Kop\n\nTekst\n{{percent familiarity=wellKnown}} en {{count nosuchQuestion=x}}\n");
            assertThat(preview.get("problems").toString()).contains("\"line\":4").contains("wellKnown")
                    .contains("nosuchQuestion");
        }
    }

    private JsonNode preview(String template) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + BASE + "/report/preview"))
                .header("Authorization", basic("analyst", ANALYST_PASSWORD))
                .header("Content-Type", "text/plain; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(template)).timeout(Duration.ofSeconds(60)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<byte[]> get(String path, String user, String password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(60));
        if (user != null) {
            request.header("Authorization", basic(user, password));
        }
        return http.send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
