package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import nl.peilbot.invitation.IssuedInvitation;

import nl.peilbot.testsupport.HeadlessChromium;

/**
 * The live dashboard in Debian's headless Chromium: an organiser logs in and opens the wave while a respondent
 * answers over the WebSocket; the counts move without a reload.
 */
class DashboardBrowserTests extends ConsoleTestBase {

    private HeadlessChromium chromium;
    private WebDriver browser;
    private WebDriverWait wait;

    @BeforeEach
    void startBrowser() {
        chromium = HeadlessChromium.start(1280, 1000, "nl,en");
        browser = chromium.driver();
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    private void logInTo(String url) {
        browser.get(url);
        wait.until(page -> page.getCurrentUrl().endsWith("/login"));
        browser.findElement(By.id("username")).sendKeys("organiser");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit]")).click();
        wait.until(page -> page.getCurrentUrl().startsWith(url));
    }

    @Test
    void shouldMakeAnInvitationShowItsLinksOnceAndRevokeIt() {
        logInTo("http://127.0.0.1:" + port + "/console/waves/" + WAVE_2020);
        wait.until(page -> !page.findElements(By.id("f-profile-hospital")).isEmpty());
        browser.findElement(By.id("f-profile-hospital")).sendKeys("Ziekenhuis Formulier");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("f-profile-role"))).selectByValue("cmio");
        browser.findElement(By.id("f-name")).sendKeys("Wim Formulier");
        browser.findElement(By.id("f-email")).sendKeys("wim@example.org");
        browser.findElement(By.cssSelector("#one button[type=submit]")).click();

        wait.until(page -> page.findElement(By.id("links")).getText().contains("/chat/" + WAVE_2020 + "#t="));
        assertThat(browser.findElement(By.id("links")).getText()).contains("https://t.me/PeilTestBot?start=",
                "Links downloaden (CSV)");
        wait.until(page -> page.findElement(By.id("invitations")).getText().contains("Wim Formulier"));
        assertThat(browser.findElement(By.id("invitations")).getText()).contains("niet begonnen").doesNotContain("#t=");

        browser.findElement(By.cssSelector("#invitations button")).click();
        wait.until(org.openqa.selenium.support.ui.ExpectedConditions.alertIsPresent()).accept();
        wait.until(page -> page.findElement(By.id("invitations")).getText().contains("ingetrokken"));
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    @Test
    void shouldMoveTheCountsWhileARespondentAnswers() throws Exception {
        IssuedInvitation issued = invite(WAVE_2020, "Ziekenhuis Live", "Vera Live");
        String base = "http://127.0.0.1:" + port;

        logInTo(base + "/console/waves/" + WAVE_2020);
        wait.until(page -> "true".equals(page.findElement(By.tagName("body")).getAttribute("data-live"))
                && "1".equals(text("invited")));
        assertThat(text("started")).isEqualTo("0");
        assertThat(browser.findElement(By.id("dashboard-heading")).getText()).isEqualTo("Voortgang (live)");
        JavascriptExecutor script = (JavascriptExecutor) browser;
        script.executeScript("window.sameDocument = true");

        try (TestChat chat = new TestChat(json, port)) {
            chat.hello(issued.token());
            chat.choice("#yes");
            wait.until(page -> "1".equals(text("started")));
            assertThat(text("completed")).isEqualTo("0");

            chat.choice("familiar");
            chat.choice("yes");
            chat.text("Niets meer");
            chat.choice("#submit");
        }

        wait.until(page -> "1".equals(text("completed")));
        if (System.getProperty("peilbot.screenshot") != null) {
            java.nio.file.Files.write(Path.of(System.getProperty("peilbot.screenshot")),
                    ((org.openqa.selenium.TakesScreenshot) browser).getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
        }
        assertThat(text("rate")).isEqualTo("100%");
        browser.findElement(By.id("respondents-refresh")).click();
        wait.until(page -> browser.findElement(By.id("respondents")).getText().contains("ingevuld"));
        assertThat(browser.findElement(By.id("respondents")).getText()).contains("Vera Live", "ingevuld");
        assertThat(script.executeScript("return window.sameDocument === true")).as("no reload").isEqualTo(true);
        assertThat(browser.getPageSource()).as("no answers on the organisers' page").doesNotContain("Niets meer");
    }
}
