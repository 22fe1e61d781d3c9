package nl.peilbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

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
}
