package nl.peilbot.results;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.peilbot.aggregation.Results;
import nl.peilbot.conversation.Access;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.engine.Outbound;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.ShortestWalk;
import nl.peilbot.testsupport.HeadlessChromium;

/**
 * The results page in Debian's headless Chromium with the analyst's credentials: the report's familiarity chart is
 * drawn, and a response completed through the conversation service shows up in it without a reload.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {AnalystClient.PROPERTIES_ANALYST, AnalystClient.PROPERTIES_ORGANISER})
class ResultsPageBrowserTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("results_page_browser");

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

    @Autowired
    Conversations conversations;

    @Autowired
    Invitations invitations;

    private HeadlessChromium chromium;
    private ChromeDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() throws Exception {
        if (results.waves().isEmpty()) {
            ReportData.load(responses, snapshots, events, results);
        }
        chromium = HeadlessChromium.start(1280, 1000, null);
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        wait.ignoring(StaleElementReferenceException.class);
    }

    /** Logs in with the form, as an analyst does; the page and its API calls then go with the session. */
    private void logIn() {
        chromium.logIn(port, "analyst", AnalystClient.ANALYST_PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void shouldShowTheFamiliarityChartAndAResponseCompletedInTheChatWithoutReload() {
        logIn();
        browser.get("http://127.0.0.1:" + port + "/results?wave=ai-in-hospitals-2020/2020");

        wait.until(page -> bar("familiar") != null && "true".equals(body().getAttribute("data-live")));
        assertThat(bar("familiar").getAttribute("data-count")).isEqualTo("13");
        assertThat(browser.findElements(By.cssSelector("svg.pie-chart[data-question='familiarity'] path"))).hasSize(3);
        assertThat(browser.findElement(By.cssSelector("#q-familiarity")).getText()).contains("Bekend", "13", "37%");
        assertThat(browser.findElement(By.cssSelector("table.combinations[data-question='scale']")).getText())
                .contains("19");
        assertThat(browser.findElement(By.id("summary")).getText()).contains("35", "29");
        ((JavascriptExecutor) browser).executeScript("window.notReloaded = true");

        completeAResponseInTheChat();
        long completedAt = System.nanoTime();

        new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(20))
                .ignoring(StaleElementReferenceException.class)
                .until(page -> "14".equals(bar("familiar").getAttribute("data-count")));
        // A figure, not an assertion: speed is measured, never asserted by a timed test.
        System.out.printf("results page: completed response shown after %d ms%n",
                Duration.ofNanos(System.nanoTime() - completedAt).toMillis());
        assertThat(((JavascriptExecutor) browser).executeScript("return window.notReloaded")).isEqualTo(true);
        assertThat(browser.findElement(By.id("summary")).getText()).contains("36", "30");
    }

    private WebElement body() {
        return browser.findElement(By.tagName("body"));
    }

    private WebElement bar(String code) {
        List<WebElement> bars = browser.findElements(By.cssSelector(
                "svg.bar-chart[data-question='familiarity'] rect[data-code='" + code + "']"));
        return bars.isEmpty() ? null : bars.get(0);
    }

    private void completeAResponseInTheChat() {
        String token = invitations.create("ai-in-hospitals-2020", Map.of("hospital", "Ziekenhuis Live",
                "hospitalType", "algemeen", "role", "cmio"));
        Session session = conversations.open(new Access(token, null), "web");
        List<Outbound> messages = session.messages();
        Reply reply = null;
        for (int turn = 0; turn < 40 && (reply == null || !reply.completed()); turn++) {
            Outbound.Ask ask = (Outbound.Ask) messages.get(messages.size() - 1);
            reply = conversations.handle(session.responseId(), "live-" + turn, ShortestWalk.answerTo(ask), "web");
            assertThat(reply.outcome()).as("answer to %s", ask.stepId()).isEqualTo(Reply.Outcome.APPLIED);
            messages = reply.messages();
        }
        assertThat(reply.completed()).isTrue();
    }
}
