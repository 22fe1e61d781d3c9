package nl.peilbot.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/** The fault tests' invitations, made as an organiser's script does, and the response id a token leads to. */
final class Invitations {

    static final String SURVEY = "ai-in-hospitals-2020";

    private Invitations() {
    }

    /** A new invitation through {@code POST /api/invitations}; returns its token. */
    static String invite(JsonMapper json, int port, String organiserPassword, int number) throws Exception {
        Map<String, Object> body = Map.of("survey", SURVEY, "profile", Map.of(
                "hospital", "Ziekenhuis " + number, "hospitalType", "topklinisch", "role", "cmio"));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/invitations"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("organiser:" + organiserPassword).getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return json.readTree(response.body()).get("token").stringValue();
    }

    /** The id of the response a token leads to (docs/storage.md). */
    static String responseId(String token) {
        return "r_" + sha256("response:" + sha256(token)).substring(0, 24);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
