package nl.peilbot.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

import nl.peilbot.aggregation.ReportFixture;
import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.StoredResponse;
import nl.peilbot.testsupport.FerretDb;

/**
 * The report's rating and number blocks on generated answers stored in a real FerretDB: the GP practices' flow (two
 * numbers, a 1–5 rating and a 0–10 rating with its Net Promoter split) and the 2021 hospital flow's 1–5 rating.
 * Every expected figure is worked out here from the generated answers; the PDF is read back as text and its first
 * pages kept as PNG in {@code target/report-screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingAndNumberBlocksTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("rating_number_blocks");
    private static final int PRACTICES = 41;
    private static final int HOSPITALS = 23;
    private static final WaveId GP = new WaveId("digital-maturity-gp-practices-2021", "2021");
    private static final WaveId HOSPITALS_2021 = new WaveId("ai-in-hospitals-2021", "2021");

    @DynamicPropertySource
    static void mongo(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    ResponseStore responses;

    @Autowired
    FlowSnapshots snapshots;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    Results results;

    @Autowired
    Reports reports;

    private final List<Long> listSizes = new ArrayList<>();
    private final List<BigDecimal> fte = new ArrayList<>();
    private final List<Integer> maturity = new ArrayList<>();
    private final List<Integer> recommend = new ArrayList<>();
    private final List<Integer> aiMaturity = new ArrayList<>();

    @BeforeAll
    void storeGeneratedAnswers(@TempDir Path folder) throws Exception {
        Random random = new Random(20211);
        List<Map<String, Object>> practices = new ArrayList<>();
        for (int i = 1; i <= PRACTICES; i++) {
            Map<String, Object> practice = new LinkedHashMap<>();
            practice.put("key", "P" + i);
            practice.put("practice", "Praktijk " + i);
            long size = 800 + random.nextInt(5200);
            practice.put("listSize", size);
            listSizes.add(size);
            if (i % 7 != 0) { // some leave the FTE out: its n differs from the list size's
                BigDecimal gpFte = BigDecimal.valueOf(5 + random.nextInt(56), 1);
                practice.put("gpFte", gpFte.toPlainString());
                fte.add(gpFte);
            }
            int point = 1 + Math.min(4, (int) Math.abs(random.nextGaussian() * 1.2 + 2.5));
            practice.put("digitalMaturity", point);
            maturity.add(point);
            int score = random.nextInt(11);
            practice.put("recommendSystem", score);
            recommend.add(score);
            practices.add(practice);
        }
        List<Map<String, Object>> hospitals = new ArrayList<>();
        for (int i = 1; i <= HOSPITALS; i++) {
            int point = 1 + random.nextInt(5);
            hospitals.add(new LinkedHashMap<>(Map.of("key", "H" + i, "hospital", "Ziekenhuis " + i, "aiMaturity", point)));
            aiMaturity.add(point);
        }
        store(new ReportFixture(Path.of("conversation-flows/digital-maturity-gp-practices-2021.yaml"),
                write(folder.resolve("gp.yaml"), practices)));
        store(new ReportFixture(Path.of("conversation-flows/ai-in-hospitals-2021.yaml"),
                write(folder.resolve("hospitals.yaml"), hospitals)));
        await().atMost(Duration.ofMinutes(2)).ignoreExceptions().until(() ->
                results.overview(GP).respondents() == PRACTICES
                        && results.overview(HOSPITALS_2021).respondents() == HOSPITALS);
    }

    @Test
    void shouldGiveTheNumbersCountMeanMedianAndQuartiles() {
        String html = render(GP, "{{question listSize}}\n\n{{question gpFte}}\n");
        List<BigDecimal> sizes = listSizes.stream().map(BigDecimal::valueOf).toList();

        assertThat(html).contains(cell("antwoorden", Integer.toString(PRACTICES)),
                cell("gemiddelde", dutch(mean(sizes, 2)) + " patiënten"),
                cell("mediaan", dutch(quartile(sizes, 2)) + " patiënten"),
                cell("1e kwartiel", dutch(quartile(sizes, 1)) + " patiënten"),
                cell("3e kwartiel", dutch(quartile(sizes, 3)) + " patiënten"),
                cell("laagste", dutch(quartile(sizes, 0)) + " patiënten"),
                cell("hoogste", dutch(quartile(sizes, 4)) + " patiënten"));
        assertThat(html).contains(cell("antwoorden", Integer.toString(fte.size())),
                cell("gemiddelde", dutch(mean(fte, 3)) + " fte"), cell("mediaan", dutch(quartile(fte, 2)) + " fte"));
        assertThat(html.split("<polygon", -1)).as("a box plot with its mean per number question").hasSize(3);
    }

    @Test
    void shouldGiveARatingsPointsMeanAndTopScoresWithLabelledEnds() {
        String html = render(GP, "{{question digitalMaturity}}\n");

        for (int point = 1; point <= 5; point++) {
            int p = point;
            int count = (int) maturity.stream().filter(v -> v == p).count();
            String label = point == 1 ? "1 – Nog op papier" : point == 5 ? "5 – Volledig digitaal" : Integer.toString(point);
            assertThat(html).contains("<td>" + label + "</td><td class=\"number\">" + count + "</td><td class=\"number\">"
                    + percent(count, PRACTICES) + "%</td>");
        }
        int top = (int) maturity.stream().filter(v -> v >= 4).count();
        assertThat(html).contains("Schaal: 1 (Nog op papier) – 5 (Volledig digitaal)", "← Nog op papier</text>",
                "Volledig digitaal →</text>", "gemiddelde " + dutch(mean(maturity.stream().map(BigDecimal::valueOf).toList(), 2)),
                "topscores (4–5): " + top + " (" + percent(top, PRACTICES) + "%)").doesNotContain("NPS");
    }

    @Test
    void shouldSplitTheZeroToTenRatingIntoPromotersPassivesAndDetractors() {
        String html = render(GP, "{{question recommendSystem}}\n");

        int promoters = (int) recommend.stream().filter(v -> v >= 9).count();
        int passives = (int) recommend.stream().filter(v -> v == 7 || v == 8).count();
        int detractors = PRACTICES - promoters - passives;
        long score = Math.round(100.0 * (promoters - detractors) / PRACTICES);
        assertThat(html).contains("promotors (9–10): " + promoters + " (" + percent(promoters, PRACTICES) + "%)",
                "passief (7–8): " + passives + " (" + percent(passives, PRACTICES) + "%)",
                "criticasters (0–6): " + detractors + " (" + percent(detractors, PRACTICES) + "%)",
                "NPS " + (score > 0 ? "+" : "") + score);
    }

    @Test
    void shouldDrawThe2021HospitalRating() {
        String html = render(HOSPITALS_2021, "{{question aiMaturity}}\n");

        int top = (int) aiMaturity.stream().filter(v -> v >= 4).count();
        assertThat(html).contains("In de kinderschoenen", "Volwassen en breed ingebed",
                "n = " + HOSPITALS + " respondenten", "topscores (4–5): " + top + " (" + percent(top, HOSPITALS) + "%)");
    }

    @Test
    void shouldPrintTheBlocksInThePdf() throws Exception {
        Reports.Page page = reports.render(GP, "# Cijfers\n\n{{question listSize}}\n\n{{question recommendSystem}}\n");
        assertThat(page.report().problems()).isEmpty();
        try (PDDocument document = Loader.loadPDF(reports.pdf(page))) {
            String text = new PDFTextStripper().getText(document).replaceAll("\\s+", " ");
            List<BigDecimal> sizes = listSizes.stream().map(BigDecimal::valueOf).toList();
            assertThat(text).contains("mediaan " + dutch(quartile(sizes, 2)) + " patiënten", "Zeker niet", "Zeker wel", "NPS");
            Path folder = Files.createDirectories(Path.of("target/report-screenshots"));
            PDFRenderer renderer = new PDFRenderer(document);
            for (int i = 0; i < document.getNumberOfPages(); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, 60);
                ImageIO.write(image, "png", folder.resolve("rating-and-number-blocks-" + (i + 1) + ".png").toFile());
            }
        }
    }

    private String render(WaveId wave, String template) {
        Reports.Page page = reports.render(wave, template);
        assertThat(page.report().problems()).isEmpty();
        return page.report().body();
    }

    private void store(ReportFixture fixture) {
        snapshots.saveIfAbsent(fixture.flow, fixture.flowYaml, ReportFixture.SUBMITTED);
        for (StoredResponse response : fixture.responses) {
            assertThat(responses.insert(response, fixture.flow)).isTrue();
            events.publishEvent(new ResponseCompleted(response.id(), response.survey(), response.wave(), response.version()));
        }
    }

    private static Path write(Path file, List<Map<String, Object>> respondents) throws Exception {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
        Files.writeString(file, new Yaml(options).dump(Map.of("respondents", respondents)), StandardCharsets.UTF_8);
        return file;
    }

    private static String cell(String head, String value) {
        return "<td>" + head + "</td><td class=\"number\">" + value + "</td>";
    }

    private static BigDecimal mean(List<BigDecimal> values, int scale) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(values.size()), scale, RoundingMode.HALF_UP);
    }

    /** QUARTILE.INC: position (n - 1) * q / 4 of the sorted values, interpolated linearly. */
    private static BigDecimal quartile(List<BigDecimal> values, int q) {
        List<BigDecimal> sorted = values.stream().sorted().toList();
        BigDecimal position = BigDecimal.valueOf((long) (sorted.size() - 1) * q).divide(BigDecimal.valueOf(4));
        int below = position.intValue();
        BigDecimal fraction = position.subtract(BigDecimal.valueOf(below));
        BigDecimal low = sorted.get(below);
        BigDecimal high = fraction.signum() == 0 ? low : sorted.get(below + 1);
        return low.add(high.subtract(low).multiply(fraction));
    }

    private static int percent(int count, int base) {
        return BigDecimal.valueOf(100L * count).divide(BigDecimal.valueOf(base), 0, RoundingMode.HALF_UP).intValue();
    }

    private static String dutch(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        return (plain.scale() < 0 ? plain.setScale(0) : plain).toPlainString().replace('.', ',');
    }
}
