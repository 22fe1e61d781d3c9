package nl.peilbot.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import nl.peilbot.testsupport.FerretDb;

/** The running application against clients that misbehave or sit behind a proxy, over real HTTP. */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"peilbot.organiser.password=org-secret", "peilbot.analyst.password=ana-secret"})
class HardeningTests {

    private static final String DATABASE = FerretDb.uniqueDatabase("hardening");

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
    }

    @Autowired
    WebServerApplicationContext server;

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getWebServer().getPort() + path));
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    @Nested
    class MalformedRequests {

        @Test
        void shouldAnswerAnUnreadableQueryWith400AndNoStackTrace(CapturedOutput output) throws Exception {
            int before = output.getAll().length();

            HttpResponse<String> response = send(request("/chat/ai-in-hospitals-2020?=x"));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(logSince(output, before)).doesNotContain("\tat ", "Exception");
        }

        @Test
        void shouldAnswerMultipartWithoutBoundaryWith400AndNoStackTrace(CapturedOutput output) throws Exception {
            int before = output.getAll().length();
            for (String path : new String[] {"/chat/ai-in-hospitals-2020", "/api/invitations", "/telegram/webhook",
                    "/console/api/waves/ai-in-hospitals-2020/invitations/upload"}) {
                HttpResponse<String> response = send(request(path)
                        .header("Authorization", basic("organiser", "org-secret"))
                        .header("Content-Type", "multipart/form-data")
                        .POST(HttpRequest.BodyPublishers.ofString("abc")));

                assertThat(response.statusCode()).as(path).isBetween(400, 499);
            }
            assertThat(logSince(output, before)).doesNotContain("\tat ", "Exception");
        }

        private static String logSince(CapturedOutput output, int before) {
            return output.getAll().substring(before);
        }
    }

    @Nested
    class Headers {

        @Test
        void shouldSendAPolicyThatAllowsNoInlineScriptOrStyle() throws Exception {
            for (String path : new String[] {"/chat/ai-in-hospitals-2020", "/login", "/api/invitations"}) {
                HttpResponse<String> response = send(request(path));

                assertThat(response.headers().firstValue("Content-Security-Policy")).as(path)
                        .hasValue(ContentSecurityPolicy.APP);
                assertThat(response.headers().firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
                assertThat(response.headers().firstValue("Permissions-Policy")).as(path)
                        .hasValue(SecurityConfiguration.PERMISSIONS_POLICY);
                assertThat(response.headers().firstValue("Strict-Transport-Security")).as("plain http: " + path).isEmpty();
            }
        }

        @Test
        void shouldServePagesWhoseScriptsAndStylesAllComeFromFiles() throws Exception {
            for (String path : new String[] {"/chat/ai-in-hospitals-2020", "/login"}) {
                String page = send(request(path)).body();

                assertThat(page).as(path).doesNotContain("<style", " style=", "<script>", "javascript:")
                        .doesNotContainPattern("<script(?![^>]*(src=|type=\"application/json\"))");
            }
        }
    }

    @Nested
    class BehindATlsProxy {

        @Test
        void shouldRedirectToHttpsSendHstsAndMakeSecureCookies() throws Exception {
            HttpResponse<String> redirect = send(request("/console").header("X-Forwarded-Proto", "https"));
            HttpResponse<String> login = send(request("/login").header("X-Forwarded-Proto", "https"));

            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(redirect.headers().firstValue("Location")).hasValueSatisfying(location ->
                    assertThat(location).matches("(https://.*)?/login"));
            assertThat(redirect.headers().firstValue("Strict-Transport-Security")).hasValueSatisfying(hsts ->
                    assertThat(hsts).contains("max-age=31536000"));
            assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                    .allSatisfy(cookie -> assertThat(cookie).contains("Secure").contains("HttpOnly"));
        }

        @Test
        void shouldNotMarkPlainHttpCookiesSecure() throws Exception {
            HttpResponse<String> login = send(request("/login"));

            assertThat(login.headers().allValues("Set-Cookie")).isNotEmpty()
                    .allSatisfy(cookie -> assertThat(cookie).doesNotContain("Secure"));
        }
    }

    @Nested
    class Actuator {

        @Autowired
        nl.peilbot.conversation.Conversations conversations;

        @Test
        void shouldTellAnyoneTheHealthWithTheDatabaseButNoDetails() throws Exception {
            HttpResponse<String> health = send(request("/actuator/health"));

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"UP\"").contains("\"mongo\"").contains("\"outbox\"")
                    .doesNotContain("maxWireVersion", "127.0.0.1", "pending");
        }

        @Test
        void shouldShowOrganisersTheOutboxBacklogInTheHealth() throws Exception {
            HttpResponse<String> health = send(request("/actuator/health")
                    .header("Authorization", basic("organiser", "org-secret")));

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"outbox\"").contains("\"pending\"").contains("\"givenUp\"")
                    .contains("\"oldestPendingSeconds\"");
        }

        @Test
        void shouldShowMetricsToMetricsReadersOnly() throws Exception {
            assertThat(send(request("/actuator/prometheus")).statusCode()).isEqualTo(401);
            assertThat(send(request("/actuator/prometheus").header("Authorization", basic("analyst", "ana-secret")))
                    .statusCode()).isEqualTo(403);
            assertThat(send(request("/actuator/env").header("Authorization", basic("organiser", "org-secret")))
                    .statusCode()).isIn(403, 404);
        }

        @Test
        void shouldCountTimeAndGaugeTheTurns() throws Exception {
            var session = conversations.open(new nl.peilbot.conversation.Access(null, "ai-in-hospitals-2020"), "web");
            conversations.handle(session.responseId(), "m1", new nl.peilbot.engine.Inbound.Text("ja"), "web");
            conversations.handle(session.responseId(), "m1", new nl.peilbot.engine.Inbound.Text("ja"), "web");

            HttpResponse<String> metrics = send(request("/actuator/prometheus")
                    .header("Authorization", basic("organiser", "org-secret")));

            assertThat(metrics.statusCode()).isEqualTo(200);
            assertThat(metrics.body()).containsPattern("peilbot_turns_total\\{channel=\"web\",outcome=\"duplicate\"} 1\\.0")
                    .contains("peilbot_turn_latency_seconds_count{channel=\"web\"")
                    .contains("peilbot_completions_total");
            System.out.println(metrics.body().lines().filter(line -> line.startsWith("peilbot_")
                    && !line.contains("_bucket")).collect(java.util.stream.Collectors.joining("\n")));
        }

        @Test
        void shouldGaugeTheChatConnectionsOpenOnThisInstance() throws Exception {
            double before = openChats();
            URI chat = URI.create("ws://127.0.0.1:" + server.getWebServer().getPort() + "/ws/chat");
            WebSocket socket = http.newWebSocketBuilder().buildAsync(chat, new WebSocket.Listener() {
            }).get(10, TimeUnit.SECONDS);

            await().atMost(Duration.ofSeconds(10)).until(this::openChats, open -> open == before + 1);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).until(this::openChats, open -> open == before);
        }

        private double openChats() throws Exception {
            HttpResponse<String> metrics = send(request("/actuator/prometheus")
                    .header("Authorization", basic("organiser", "org-secret")));
            Matcher open = Pattern.compile("peilbot_conversations_open\\{channel=\"web\"} ([0-9.]+)").matcher(metrics.body());
            assertThat(open.find()).as("peilbot_conversations_open in %s", metrics.body()).isTrue();
            return Double.parseDouble(open.group(1));
        }
    }
}
