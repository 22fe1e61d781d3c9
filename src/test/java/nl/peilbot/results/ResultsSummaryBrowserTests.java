package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.peilbot.aggregation.Results;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.HeadlessChromium;

/**
 * A reader who is no analyst, on a phone-sized headless Chromium: logs in, reads the summary, follows a headline
 * down to its question, switches to the 2019 wave by its title and logs out.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {AnalystClient.PROPERTIES_ANALYST, AnalystClient.PROPERTIES_ORGANISER})
class ResultsSummaryBrowserTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("results_summary_browser");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
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

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        if (results.waves().isEmpty()) {
            ReportData.load(responses, snapshots, events, results);
        }
        chromium = HeadlessChromium.start(390, 844, "nl,en");
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldLeadFromTheSummaryToAQuestionToAnotherWaveByTitleAndOut() {
        chromium.logIn(port, "analyst", AnalystClient.ANALYST_PASSWORD);

        // an analyst lands on the results page, which shows the latest wave
        wait.until(page -> page.getCurrentUrl().contains("/results") && !page.findElements(By.id("respondents")).isEmpty());
        assertThat(text("respondents")).isEqualTo("35");
        assertThat(text("units")).isEqualTo("29");
        assertThat(text("title")).isEqualTo("AI in Nederlandse ziekenhuizen 2020");
        assertThat(browser.findElement(By.cssSelector("ol.headlines li[data-question='familiarity']")).getText())
                .contains("Redelijk bekend: 54% (19 van 35)");
        assertThat(browser.findElement(By.id("report-pdf")).getAttribute("href"))
                .endsWith("/api/results/ai-in-hospitals-2020/2020/report.pdf?lang=nl");
        // readable on a phone: the summary and the contents fit the screen's width
        assertThat((Boolean) script("return ['summary', 'contents'].every(function (id) {"
                + " var e = document.getElementById(id); return e.scrollWidth <= e.clientWidth; })"
                + " && document.documentElement.scrollWidth <= window.innerWidth")).isTrue();

        // a headline leads down to its question's charts and tables, which the script draws below the summary
        wait.until(page -> !page.findElements(By.cssSelector("#q-workloadReduction svg.bar-chart")).isEmpty());
        assertThat(onScreen("q-workloadReduction")).isFalse();
        browser.findElement(By.cssSelector("ol.headlines li[data-question='workloadReduction'] a")).click();
        wait.until(page -> page.getCurrentUrl().endsWith("#q-workloadReduction") && onScreen("q-workloadReduction"));
        assertThat(browser.findElement(By.id("q-workloadReduction")).getText()).contains("Niet, neemt alleen maar toe", "40%");

        // the wave picker names waves by title; choosing one loads its page
        Select picker = new Select(browser.findElement(By.id("wave")));
        assertThat(picker.getOptions()).extracting(o -> o.getText())
                .containsExactlyInAnyOrder("AI in Nederlandse ziekenhuizen 2019", "AI in Nederlandse ziekenhuizen 2020");
        picker.selectByVisibleText("AI in Nederlandse ziekenhuizen 2019");
        wait.until(page -> page.getCurrentUrl().contains("wave=ai-in-hospitals-2019%2F2019")
                && text("title").equals("AI in Nederlandse ziekenhuizen 2019"));
        assertThat(text("respondents")).isEqualTo("17");
        wait.until(page -> !page.findElements(By.cssSelector("svg.bar-chart[data-question='policy']")).isEmpty());
        assertThat(new Select(browser.findElement(By.id("wave"))).getFirstSelectedOption().getText())
                .isEqualTo("AI in Nederlandse ziekenhuizen 2019");

        // logging out ends the session: the page asks for a login again
        browser.findElement(By.cssSelector("#logout button")).click();
        wait.until(page -> page.getCurrentUrl().contains("/login?logout"));
        browser.get(url("/results"));
        wait.until(page -> page.getCurrentUrl().endsWith("/login"));
        assertThat(browser.findElements(By.id("password"))).hasSize(1);
    }

    private String url(String path) {
        return "http://127.0.0.1:" + port + path;
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText().strip();
    }

    private Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** Whether the element's top is within the window: where a followed link has scrolled it to. */
    private boolean onScreen(String id) {
        return (Boolean) script("var r = document.getElementById('" + id + "').getBoundingClientRect();"
                + " return r.top >= -1 && r.top < window.innerHeight;");
    }
}
