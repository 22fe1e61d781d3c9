package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Creates invitations the way an organiser does, through {@code POST /api/invitations}. */
final class Invitations {

    static final String PASSWORD = "test-organiser-password";
    static final String SURVEY = "ai-in-hospitals-2020";
    static final Map<String, String> PROFILE = Map.of(
            "hospital", "Ziekenhuis Testdam", "hospitalType", "topklinisch", "role", "cmio");

    record Invitation(String token, String link) {

        /** The response id the conversation derives from the token (see DESIGN: MongoDB documents). */
        String responseId() {
            return "r_" + sha256("response:" + sha256(token)).substring(0, 24);
        }
    }

    private final JsonMapper json;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    Invitations(JsonMapper json, int port) {
        this.json = json;
        this.port = port;
    }

    Invitation create() throws Exception {
        HttpResponse<String> response = post(PASSWORD, Map.of("survey", SURVEY, "profile", PROFILE));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode body = json.readTree(response.body());
        return new Invitation(body.get("token").stringValue(), body.get("link").stringValue());
    }

    HttpResponse<String> post(String password, Map<String, ?> body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/invitations"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)));
        if (password != null) {
            String credentials = "organiser:" + password;
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
