package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.peilbot.testsupport.FerretDb;

/** Without a token the application starts without the bot, says so once, and its health has no bot component. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peilbot.telegram.token=", "peilbot.telegram.username=off_test_bot"})
class TelegramOffTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("telegram_off");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    ApplicationContext context;

    @LocalServerPort
    int port;

    @Test
    void shouldStartWithoutTheBotAndSaySo(CapturedOutput output) {
        assertThat(context.getBeanNamesForType(UpdateHandler.class)).isEmpty();
        assertThat(context.getBeanNamesForType(UpdatePoller.class)).isEmpty();
        assertThat(context.getBeanNamesForType(TelegramWebhookController.class)).isEmpty();
        assertThat(output.getAll()).containsOnlyOnce("Telegram bot is off: TELEGRAM_BOT_TOKEN is not set");
    }

    @Test
    void shouldLeaveTheBotOutOfTheHealth() throws Exception {
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                        .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mongo\"").doesNotContain("telegram");
    }
}
