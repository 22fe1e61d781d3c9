package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.HeadlessChromium;

/**
 * The chat page in Debian's headless Chromium against the running application, sized like a phone:
 * a respondent clicks and types through the first questions, reloads, and finds the conversation where it was.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "peilbot.organiser.password=" + Invitations.PASSWORD)
class ChatPageBrowserTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("chat_page_browser");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    com.mongodb.client.MongoClient mongo;

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        chromium = HeadlessChromium.start(412, 915, null);
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
    void shouldResumeAtTheSameQuestionWithEarlierAnswersAfterReload() throws Exception {
        Invitations.Invitation invitation = new Invitations(json, port).create();
        browser.get("http://127.0.0.1:" + port + invitation.link());

        clickAndAwaitNextPrompt("#yes");
        String focused = wait.until(page -> focusedCode());
        assertThat(focused).as("focus moves to the new prompt").isNotNull();

        WebElement first = optionButtons().get(0);
        String firstLabel = label(first);
        clickAndAwaitNextPrompt(first.getAttribute("data-code"));

        typeAndAwaitNextPrompt("2");

        List<WebElement> toggles = optionButtons();
        assertThat(toggles).as("a multiple-choice question with toggle buttons").allSatisfy(button ->
                assertThat(button.getAttribute("aria-pressed")).isEqualTo("false"));
        String firstToggle = toggles.get(0).getAttribute("data-code");
        String secondToggle = toggles.get(1).getAttribute("data-code");
        toggle(firstToggle);
        toggle(secondToggle);
        clickAndAwaitNextPrompt("#done");

        String prompt = lastPrompt();
        String progress = progressText();
        assertThat(progress).matches("(vraag|question) \\d+ (van|of) \\d+");
        assertThat(shadow().findElement(By.cssSelector("progress")).getAttribute("value")).isNotBlank();

        browser.navigate().refresh();

        wait.until(page -> !shadow().findElements(By.cssSelector(".bubble.earlier")).isEmpty()
                && !shadow().findElements(By.cssSelector(".bubble.prompt")).isEmpty());
        assertThat(lastPrompt()).isEqualTo(prompt);
        assertThat(progressText()).isEqualTo(progress);
        assertThat(shadow().findElements(By.cssSelector(".bubble.respondent.earlier")))
                .extracting(WebElement::getText).anySatisfy(text -> assertThat(text).contains(firstLabel));
    }

    @Test
    void shouldKeepTheOpenLinkVisitorsTokenAcrossReloads() {
        browser.get("http://127.0.0.1:" + port + "/chat/" + Invitations.SURVEY);
        clickAndAwaitNextPrompt("#yes");
        String storageKey = "peilbot.token." + Invitations.SURVEY;
        Object token = ((JavascriptExecutor) browser).executeScript("return localStorage.getItem(arguments[0])", storageKey);
        assertThat(token).as("the minted token is kept").isInstanceOf(String.class);

        typeAndAwaitNextPrompt("Ziekenhuis Open Link");
        String prompt = lastPrompt();

        browser.navigate().refresh();

        wait.until(page -> shadow().findElements(By.cssSelector(".bubble.respondent.earlier")).stream()
                .anyMatch(bubble -> bubble.getText().contains("Ziekenhuis Open Link")));
        wait.until(page -> prompt.equals(lastPrompt()));
        assertThat(((JavascriptExecutor) browser).executeScript("return localStorage.getItem(arguments[0])", storageKey))
                .isEqualTo(token);
    }

    @Test
    void shouldSendAnAnswerGivenWhileTheConnectionWasLostOnceReconnected() throws Exception {
        Invitations.Invitation invitation = new Invitations(json, port).create();
        browser.get("http://127.0.0.1:" + port + invitation.link());
        clickAndAwaitNextPrompt("#yes");
        WebElement first = optionButtons().get(0);
        String firstLabel = label(first);
        String question = lastPrompt();
        JavascriptExecutor script = (JavascriptExecutor) browser;

        script.executeScript("window.lostSocket = document.querySelector('peilbot-chat').socket; window.lostSocket.close()");
        first.click();

        new WebDriverWait(browser, Duration.ofSeconds(5), Duration.ofMillis(20))
                .until(page -> !shadow().findElement(By.cssSelector(".notice")).getText().isEmpty());
        wait.until(page -> Boolean.TRUE.equals(script.executeScript(
                "var c = document.querySelector('peilbot-chat'); return c.open && c.socket !== window.lostSocket;")));
        wait.until(page -> !question.equals(lastPrompt()));
        assertThat(shadow().findElement(By.cssSelector(".notice")).getText()).isEmpty();
        assertThat(shadow().findElements(By.cssSelector(".bubble.respondent")))
                .extracting(WebElement::getText).anySatisfy(text -> assertThat(text).contains(firstLabel));

        browser.navigate().refresh();
        wait.until(page -> shadow().findElements(By.cssSelector(".bubble.respondent.earlier")).stream()
                .anyMatch(bubble -> bubble.getText().contains(firstLabel)));
    }

    @Test
    void shouldResendTheOfflineAnswerForItsOwnQuestionAndShowTheCurrentOneWhenAnotherTabAnsweredIt() throws Exception {
        Invitations.Invitation invitation = new Invitations(json, port).create();
        browser.get("http://127.0.0.1:" + port + invitation.link());
        clickAndAwaitNextPrompt("#yes");
        String question = lastPrompt();
        JavascriptExecutor script = (JavascriptExecutor) browser;
        try (ChatClient otherTab = ChatClient.connect(json, port)) {
            otherTab.send(java.util.Map.of("type", "hello", "token", invitation.token()));
            otherTab.turn();

            // Offline, and kept offline until the other tab has answered, so the order is certain.
            script.executeScript("var c = document.querySelector('peilbot-chat'); c.connect = function () {};"
                    + " c.socket.close();");
            wait.until(page -> Boolean.FALSE.equals(script.executeScript("return document.querySelector('peilbot-chat').open")));
            button("neutral").click();
            assertThat(script.executeScript("var e = document.querySelector('peilbot-chat').outbox[0].frame;"
                    + " return e.step + ' ' + (e.ask ? 'ask' : 'none');")).isEqualTo("familiarity ask");

            otherTab.message("choice", "code", "familiar");
            List<tools.jackson.databind.JsonNode> answered = otherTab.turn();
            assertThat(answered.get(0).get("outcome").stringValue()).isEqualTo("applied");
            assertThat(ChatClient.last(answered, "ask").get("step").stringValue()).isEqualTo("followsDevelopments");

            script.executeScript("var c = document.querySelector('peilbot-chat'); delete c.connect; c.reconnectNow();");
            wait.until(page -> lastPrompt() != null && lastPrompt().contains("ontwikkelingen op het gebied van AI"));
            wait.until(page -> script.executeScript("return document.querySelector('peilbot-chat').outbox.length")
                    .equals(0L));
        }
        assertThat(question).isNotEqualTo(lastPrompt());
        assertThat(shadow().findElements(By.cssSelector(".bubble.error"))).extracting(WebElement::getText)
                .anySatisfy(text -> assertThat(text).contains("niet opgeslagen"));
        assertThat(shadow().findElements(By.cssSelector(".bubble.respondent"))).extracting(WebElement::getText)
                .as("the stale answer is not shown as given").noneSatisfy(text -> assertThat(text).contains("Neutraal"));
        org.bson.Document answers = mongo.getDatabase(DATABASE).getCollection("responses")
                .find(com.mongodb.client.model.Filters.eq("_id", invitation.responseId())).first()
                .get("answers", org.bson.Document.class);
        assertThat(answers.get("familiarity", org.bson.Document.class).getList("choices", org.bson.Document.class))
                .extracting(choice -> choice.getString("code")).containsExactly("familiar");
        assertThat(answers).doesNotContainKey("followsDevelopments");
    }

    private SearchContext shadow() {
        return browser.findElement(By.cssSelector("peilbot-chat")).getShadowRoot();
    }

    private int prompts() {
        return shadow().findElements(By.cssSelector(".bubble.prompt")).size();
    }

    private String lastPrompt() {
        List<WebElement> prompts = shadow().findElements(By.cssSelector(".bubble.prompt"));
        return prompts.isEmpty() ? null : prompts.get(prompts.size() - 1).getText();
    }

    private String progressText() {
        return shadow().findElement(By.cssSelector(".progress-text")).getText();
    }

    private WebElement button(String code) {
        return wait.until(page -> shadow().findElements(By.cssSelector(".choices button")).stream()
                .filter(button -> code.equals(button.getAttribute("data-code")) && button.isEnabled())
                .findFirst().orElse(null));
    }

    /** The current prompt's answer options (not the engine's own # buttons). */
    private List<WebElement> optionButtons() {
        return wait.until(page -> {
            List<WebElement> options = shadow().findElements(By.cssSelector(".choices button")).stream()
                    .filter(button -> !button.getAttribute("data-code").startsWith("#")).toList();
            return options.isEmpty() ? null : options;
        });
    }

    private static String label(WebElement button) {
        return button.findElement(By.cssSelector(".label")).getText();
    }

    private void clickAndAwaitNextPrompt(String code) {
        int before = prompts();
        click(code);
        wait.until(atLeastPrompts(before + 1));
    }

    /** Clicks the button as it is on screen now: the widget redraws its buttons when a selection is echoed. */
    private void click(String code) {
        wait.until(page -> {
            try {
                button(code).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false;
            }
        });
    }

    private void typeAndAwaitNextPrompt(String text) {
        int before = prompts();
        WebElement input = wait.until(page -> shadow().findElement(By.cssSelector("textarea")));
        input.sendKeys(text);
        input.sendKeys(Keys.ENTER);
        wait.until(atLeastPrompts(before + 1));
    }

    private void toggle(String code) {
        click(code);
        wait.until(page -> "true".equals(button(code).getAttribute("aria-pressed")));
    }

    private Function<WebDriver, Boolean> atLeastPrompts(int count) {
        return page -> prompts() >= count;
    }

    private String focusedCode() {
        return (String) ((JavascriptExecutor) browser).executeScript(
                "var a = document.querySelector('peilbot-chat').shadowRoot.activeElement;"
                        + " return a && a.dataset ? (a.dataset.code || a.tagName) : null;");
    }
}
