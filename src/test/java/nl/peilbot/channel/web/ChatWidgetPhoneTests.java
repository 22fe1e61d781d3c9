package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.QuestionKind;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.HeadlessChromium;

/**
 * The chat as a new respondent sees it on a phone (390 × 844) in headless Chromium, in Dutch and in English, through
 * the real questionnaire: at every question the whole question and its first options are in view, hints and the
 * privacy text are folded, the header names the survey and its organiser, and axe-core finds no serious or critical
 * accessibility violation. Screenshots of every step land in {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.organiser.password=" + Invitations.PASSWORD,
        "peilbot.brand.name=Testbureau",
        "peilbot.brand.logo=" + ChatWidgetPhoneTests.LOGO})
class ChatWidgetPhoneTests {

    static final String LOGO = "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' width='40' height='20'%3E"
            + "%3Crect width='40' height='20' fill='%23c33'/%3E%3C/svg%3E";
    private static final String DATABASE = FerretDb.uniqueDatabase("chat_widget_phone");
    private static final Path AXE = Path.of(".local/axe-core/node_modules/axe-core/axe.min.js");
    private static final Path SCREENSHOTS = Path.of("target/screenshots");
    private static final Flow FLOW = Flows.load(Path.of("conversation-flows/ai-in-hospitals-2020.yaml"));
    private static final Flow GP_FLOW = Flows.load(Path.of("conversation-flows/digital-maturity-gp-practices-2021.yaml"));

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    private static String axe;

    @LocalServerPort
    int port;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;
    /** The questionnaire being walked. */
    private Flow flow = FLOW;

    @BeforeAll
    static void loadAxe() throws IOException {
        assertThat(AXE).as("axe-core (scripts/install-axe-core)").isRegularFile();
        axe = Files.readString(AXE);
        Files.createDirectories(SCREENSHOTS);
    }

    private void open(String path) {
        chromium = HeadlessChromium.start(390, 844, null);
        browser = chromium.driver();
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        // Headless Chromium keeps windows at least 500 pixels wide: emulate the phone's viewport instead.
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride",
                Map.of("width", 390, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
        browser.get("http://127.0.0.1:" + port + path);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void shouldShowEveryQuestionWholeAndPassAxeAtPhoneWidth(String language) throws IOException {
        open("/chat/" + Invitations.SURVEY + "?lang=" + language);
        awaitAsk();
        if (language.equals("en")) {
            type("language en");
            wait.until(page -> FLOW.consent().in("en").equals(ask().get("text")));
        }
        assertConsentScreen(language);

        Set<String> kinds = new LinkedHashSet<>();
        List<String> violations = new ArrayList<>();
        int shot = 0;
        Set<String> seen = new LinkedHashSet<>();
        for (int turn = 0; turn < 60; turn++) {
            Map<String, Object> ask = awaitAsk();
            String step = (String) ask.get("step");
            if (seen.add(step + "|" + ask.get("text"))) {
                kinds.add(kind(step, (String) ask.get("input")));
                assertWholeQuestionInView(step);
                violations.addAll(axeViolations(language + " " + step));
                screenshot(String.format("widget-%s-%02d-%s.png", language, shot++, step.replace("#", "")));
            }
            if (step.equals("#summary")) {
                break;
            }
            answer(step, (String) ask.get("input"));
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
        assertThat(kinds).as("question kinds walked").contains("single_choice", "multiple_choice", "open-text",
                "open-list", "open-parts", "#summary");
    }

    @ParameterizedTest
    @ValueSource(strings = {"nl", "en"})
    void shouldShowRatingScalesAndNumberEntriesWholeAndPassAxeAtPhoneWidth(String language) {
        flow = GP_FLOW;
        open("/chat/" + GP_FLOW.id() + "?lang=" + language);
        awaitAsk();
        if (language.equals("en")) {
            type("language en");
            wait.until(page -> GP_FLOW.consent().in("en").equals(ask().get("text")));
        }
        Set<String> kinds = new LinkedHashSet<>();
        List<String> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (int turn = 0; turn < 60; turn++) {
            Map<String, Object> ask = awaitAsk();
            String step = (String) ask.get("step");
            if (seen.add(step + "|" + ask.get("text"))) {
                String kind = kind(step, (String) ask.get("input"));
                kinds.add(kind);
                assertWholeQuestionInView(step);
                if (kind.equals("rating")) {
                    assertWholeScale(step, language);
                } else if (kind.equals("number")) {
                    assertNumberEntry(step, language);
                } else {
                    assertThat(shadow().findElement(By.cssSelector("textarea")).getDomAttribute("inputmode"))
                            .as("no numeric keyboard at %s", step).isNull();
                }
                if (kind.equals("rating") || kind.equals("number")) {
                    violations.addAll(axeViolations(language + " " + step));
                    screenshot("widget-" + language + "-" + kind + "-" + step + ".png");
                }
            }
            if (step.equals("#summary")) {
                break;
            }
            answer(step, (String) ask.get("input"));
        }
        assertThat(violations).as("serious or critical axe-core violations").isEmpty();
        assertThat(kinds).as("question kinds walked").contains("rating", "number", "#summary");
    }

    @Test
    void shouldShowTheListEntriesAlreadyGivenAfterAReload() {
        open("/chat/" + Invitations.SURVEY);
        awaitAsk();
        for (int turn = 0; turn < 30 && !"experiments".equals(ask().get("step")); turn++) {
            String step = (String) awaitAsk().get("step");
            if (step.equals("policy")) {
                clickAndAwaitChange("no");
            } else if (step.equals("scale")) {
                toggle("experimenting");
                clickAndAwaitChange("#done");
            } else {
                answer(step, (String) ask().get("input"));
            }
        }
        assertThat(ask().get("step")).isEqualTo("experiments");
        typeAndAwaitChange("Radiologie: beeldherkenning");
        typeAndAwaitChange("Cardiologie: ECG-analyse");
        browser.navigate().refresh();
        wait.until(page -> shadow().findElements(By.cssSelector(".bubble.respondent.earlier")).stream()
                .map(WebElement::getText).filter(text -> text.contains("Radiologie: beeldherkenning")
                        || text.contains("Cardiologie: ECG-analyse")).count() == 2);
        assertThat(awaitAsk().get("step")).isEqualTo("experiments");
    }

    @Test
    void shouldLetTheHostPageThemeTheWidget() {
        open("/chat/" + Invitations.SURVEY);
        awaitAsk();
        String before = sendButtonColour();
        script("document.querySelector('peilbot-chat').style.setProperty('--peilbot-accent', 'rgb(107, 44, 145)')");
        wait.until(page -> sendButtonColour().equals("rgb(107, 44, 145)"));
        assertThat(before).isNotEqualTo("rgb(107, 44, 145)");
        assertThat(shadow().findElement(By.cssSelector(".header")).getCssValue("background-color")).isEqualTo("rgba(107, 44, 145, 1)");
    }

    private String sendButtonColour() {
        return (String) script("return getComputedStyle(document.querySelector('peilbot-chat').shadowRoot"
                + ".querySelector('.send')).backgroundColor");
    }

    // --- what a respondent sees -------------------------------------------------------------------------------------

    private void assertConsentScreen(String language) {
        assertThat(shadow().findElement(By.cssSelector(".title")).getText()).isEqualTo(FLOW.title().in(language));
        assertThat(shadow().findElement(By.cssSelector(".organiser")).getText()).isEqualTo("Testbureau");
        assertThat(shadow().findElement(By.cssSelector(".logo")).isDisplayed()).isTrue();
        WebElement details = lastPrompt().findElement(By.cssSelector("details"));
        assertThat(details.getDomAttribute("open")).as("the privacy text is folded").isNull();
        assertThat(details.findElement(By.cssSelector("summary")).getText())
                .isEqualTo(language.equals("nl") ? "Meer over privacy" : "More about privacy");
        assertThat(buttons()).extracting(b -> b.getDomAttribute("data-code")).containsExactly("#yes", "#no");
        screenshot("widget-" + language + "-consent-folded.png");
        details.findElement(By.cssSelector("summary")).click();
        wait.until(page -> details.getDomAttribute("open") != null);
        assertThat(details.getText()).contains(FLOW.privacy().in(language).substring(0, 40));
        assertThat(axeViolations(language + " consent with privacy open")).isEmpty();
        screenshot("widget-" + language + "-consent-privacy-open.png");
        details.findElement(By.cssSelector("summary")).click();
        wait.until(page -> details.getDomAttribute("open") == null);
    }

    /** The question's bubble lies wholly inside the visible log, and the first option wholly on screen. */
    @SuppressWarnings("unchecked")
    private void assertWholeQuestionInView(String step) {
        try {
            // The log scrolls smoothly: wait for it to come to the question.
            wait.until(page -> {
                Map<String, Object> box = measure();
                return number(box, "promptTop") >= number(box, "logTop") - 1
                        && number(box, "promptBottom") <= number(box, "logBottom") + 1;
            });
        } catch (org.openqa.selenium.TimeoutException e) {
            // reported with the figures below
        }
        Map<String, Object> box = measure();
        double promptTop = number(box, "promptTop");
        double promptBottom = number(box, "promptBottom");
        assertThat(promptTop).as("top of the question %s in view: %s", step, box).isGreaterThanOrEqualTo(number(box, "logTop") - 1);
        assertThat(promptBottom).as("end of the question %s in view: %s", step, box).isLessThanOrEqualTo(number(box, "logBottom") + 1);
        assertThat(number(box, "width")).isEqualTo(390);
        int buttons = (int) number(box, "buttons");
        assertThat((int) number(box, "shown")).as("options of %s wholly in view: %s", step, box)
                .isGreaterThanOrEqualTo(Math.min(buttons, 3));
        if ((int) number(box, "shown") < buttons) {
            assertThat(box.get("scrolls")).as("the other options of %s scroll in their own area", step).isEqualTo(true);
        }
        List<WebElement> folded = lastPrompt().findElements(By.cssSelector("details"));
        flow.step(step).filter(q -> q.hint() != null).ifPresent(q ->
                assertThat(folded).as("the hint of %s is folded", step).singleElement()
                        .satisfies(d -> assertThat(d.getDomAttribute("open")).isNull()));
    }

    /** Every point of the scale on screen side by side in at most two rows, the named ends shown, as a radio group. */
    @SuppressWarnings("unchecked")
    private void assertWholeScale(String step, String language) {
        QuestionKind.Rating rating = (QuestionKind.Rating) flow.step(step).orElseThrow().kind();
        Map<String, Object> scale = (Map<String, Object>) script("""
                var root = document.querySelector('peilbot-chat').shadowRoot;
                var group = root.querySelector('.choices [role="radiogroup"]');
                var inView = function (r) {
                  return r.width > 0 && r.left >= 0 && r.right <= window.innerWidth && r.top >= 0
                    && r.bottom <= window.innerHeight;
                };
                var points = Array.prototype.map.call(group.querySelectorAll('button[role="radio"]'), function (b) {
                  var r = b.getBoundingClientRect();
                  return {label: b.textContent, name: b.getAttribute('aria-label') || b.textContent, top: Math.round(r.top),
                          inView: inView(r)};
                });
                var ends = Array.prototype.map.call(root.querySelectorAll('.scale .ends span'), function (s) {
                  return {text: s.textContent, inView: inView(s.getBoundingClientRect())};
                });
                return {points: points, ends: ends};""");
        List<Map<String, Object>> points = (List<Map<String, Object>>) scale.get("points");
        List<String> expected = new ArrayList<>();
        for (int point = rating.min(); point <= rating.max(); point++) {
            expected.add(String.valueOf(point));
        }
        assertThat(points).extracting(p -> p.get("label")).as("the points of %s, lowest first", step).isEqualTo(expected);
        assertThat(points).as("every point of %s wholly on screen: %s", step, points)
                .allSatisfy(p -> assertThat(p.get("inView")).isEqualTo(true));
        assertThat(points.stream().map(p -> p.get("top")).distinct().count()).as("rows of the scale of %s", step)
                .isBetween(1L, 2L);
        assertThat(points.get(0).get("name")).isEqualTo(rating.min() + ", " + rating.minLabel().in(language));
        assertThat(points.get(points.size() - 1).get("name")).isEqualTo(rating.max() + ", " + rating.maxLabel().in(language));
        List<Map<String, Object>> ends = (List<Map<String, Object>>) scale.get("ends");
        assertThat(ends).extracting(e -> e.get("text")).containsExactly(
                rating.min() + " " + rating.minLabel().in(language), rating.maxLabel().in(language) + " " + rating.max());
        assertThat(ends).as("the named ends of %s on screen", step).allSatisfy(e -> assertThat(e.get("inView")).isEqualTo(true));
    }

    /** A number question brings up a numeric keyboard and shows its unit beside the text box. */
    private void assertNumberEntry(String step, String language) {
        QuestionKind.Numeric number = (QuestionKind.Numeric) flow.step(step).orElseThrow().kind();
        WebElement input = shadow().findElement(By.cssSelector("textarea"));
        assertThat(input.getDomAttribute("inputmode")).as("keyboard of %s", step)
                .isEqualTo(number.decimals() > 0 ? "decimal" : "numeric");
        WebElement unit = shadow().findElement(By.cssSelector(".compose .unit"));
        assertThat(unit.isDisplayed()).as("unit of %s shown", step).isTrue();
        assertThat(unit.getText()).isEqualTo(number.unit().in(language));
        assertThat(lastPrompt().getText()).as("range and unit of %s said in the question", step)
                .contains(number.unit().in(language) + ".");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> measure() {
        return (Map<String, Object>) script("""
                var root = document.querySelector('peilbot-chat').shadowRoot;
                var prompts = root.querySelectorAll('.bubble.prompt');
                var prompt = prompts[prompts.length - 1].getBoundingClientRect();
                var log = root.querySelector('.log').getBoundingClientRect();
                var choices = root.querySelector('.choices');
                var area = choices.getBoundingClientRect();
                var buttons = choices.querySelectorAll('button');
                var shown = 0;
                buttons.forEach(function (b) {
                  var r = b.getBoundingClientRect();
                  if (r.top >= area.top - 1 && r.bottom <= area.bottom + 1 && r.bottom <= window.innerHeight) { shown++; }
                });
                return {promptTop: prompt.top, promptBottom: prompt.bottom, logTop: log.top, logBottom: log.bottom,
                        buttons: buttons.length, shown: shown, scrolls: choices.scrollHeight > choices.clientHeight,
                        width: window.innerWidth, viewport: window.innerHeight};""");
    }

    private List<String> axeViolations(String where) {
        script(axe);
        Object result = browser.executeAsyncScript("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations']}).then(function (r) {
                  done(r.violations.filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
                    .map(function (v) {
                      return v.impact + ' ' + v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) {
                        return JSON.stringify(n.target); }).join(', ');
                    }));
                }).catch(function (e) { done(['axe failed: ' + e]); });""");
        List<String> violations = new ArrayList<>();
        ((List<?>) result).forEach(v -> violations.add(where + ": " + v));
        System.out.println("axe-core at " + where + ": " + violations.size() + " serious or critical violations");
        return violations;
    }

    private void screenshot(String name) {
        try {
            Files.write(SCREENSHOTS.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    // --- answering ----------------------------------------------------------------------------------------------------

    private String kind(String step, String input) {
        return flow.step(step).map(q -> q.kind().isChoice() ? input : q.kind().yamlName()).orElse(step);
    }

    private void answer(String step, String input) {
        List<String> codes = buttons().stream().map(b -> b.getDomAttribute("data-code")).toList();
        switch (input) {
            case "single_choice" -> clickAndAwaitChange(codes.contains("#yes") ? "#yes" : codes.get(0));
            case "rating" -> clickAndAwaitChange(codes.get(codes.size() / 2));
            case "multiple_choice" -> {
                toggle(codes.get(0));
                clickAndAwaitChange("#done");
            }
            default -> {
                if (codes.contains("#done")) {
                    clickAndAwaitChange("#done");
                } else {
                    typeAndAwaitChange(flow.step(step).map(q -> q.kind() instanceof QuestionKind.Numeric ? "12"
                            : q.fields().size() > 1 && q.kind().yamlName().equals("open-list") ? "Radiologie: beeldherkenning"
                            : "Beslissingsondersteuning").orElse("Beslissingsondersteuning"));
                }
            }
        }
    }

    private void clickAndAwaitChange(String code) {
        String before = askKey();
        wait.until(page -> buttons().stream().filter(b -> code.equals(b.getDomAttribute("data-code")) && b.isEnabled())
                .findFirst().orElse(null)).click();
        wait.until(page -> !before.equals(askKey()));
    }

    private void toggle(String code) {
        wait.until(page -> buttons().stream().filter(b -> code.equals(b.getDomAttribute("data-code")) && b.isEnabled())
                .findFirst().orElse(null)).click();
        wait.until(page -> buttons().stream().anyMatch(b -> code.equals(b.getDomAttribute("data-code"))
                && "true".equals(b.getDomAttribute("aria-pressed")))
                && ((List<?>) ask().get("selected")).contains(code));
    }

    private void typeAndAwaitChange(String text) {
        String before = askKey();
        type(text);
        wait.until(page -> !before.equals(askKey()));
    }

    private void type(String text) {
        WebElement input = shadow().findElement(By.cssSelector("textarea"));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
    }

    // --- reading the widget -----------------------------------------------------------------------------------------

    private SearchContext shadow() {
        return browser.findElement(By.cssSelector("peilbot-chat")).getShadowRoot();
    }

    private WebElement lastPrompt() {
        List<WebElement> prompts = shadow().findElements(By.cssSelector(".bubble.prompt"));
        return prompts.get(prompts.size() - 1);
    }

    private List<WebElement> buttons() {
        return shadow().findElements(By.cssSelector(".choices button"));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> ask() {
        Object ask = script("return document.querySelector('peilbot-chat').ask");
        return ask == null ? Map.of() : (Map<String, Object>) ask;
    }

    private Map<String, Object> awaitAsk() {
        return wait.until(page -> {
            Map<String, Object> ask = ask();
            return ask.isEmpty() || buttons().stream().anyMatch(b -> !b.isEnabled()) ? null : ask;
        });
    }

    private String askKey() {
        Map<String, Object> ask = ask();
        return ask.get("step") + "|" + ask.get("ask") + "|" + ask.get("text");
    }

    private Object script(String code) {
        return ((JavascriptExecutor) browser).executeScript(code);
    }

    private static double number(Map<String, Object> box, String key) {
        return ((Number) box.get(key)).doubleValue();
    }
}
