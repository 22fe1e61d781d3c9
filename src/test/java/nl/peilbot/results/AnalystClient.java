package nl.peilbot.results;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Calls the running application over loopback as nobody, the organiser or the analyst (HTTP basic). */
final class AnalystClient {

    static final String ANALYST_PASSWORD = "test-analyst-password";
    static final String ORGANISER_PASSWORD = "test-organiser-password";
    static final String PROPERTIES_ANALYST = "peilbot.analyst.password=" + ANALYST_PASSWORD;
    static final String PROPERTIES_ORGANISER = "peilbot.organiser.password=" + ORGANISER_PASSWORD;

    enum Who { NOBODY, ORGANISER, ANALYST }

    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    AnalystClient(int port) {
        this.port = port;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<byte[]> get(String path, Who who) throws Exception {
        return send(request(path, who).GET().build());
    }

    /** A GET whose client prefers these languages (an Accept-Language header). */
    HttpResponse<byte[]> get(String path, Who who, String acceptLanguage) throws Exception {
        return send(request(path, who).header("Accept-Language", acceptLanguage).GET().build());
    }

    HttpResponse<byte[]> put(String path, String json, Who who) throws Exception {
        return send(request(path, who).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    String text(String path) throws Exception {
        HttpResponse<byte[]> response = get(path, Who.ANALYST);
        if (response.statusCode() != 200) {
            throw new AssertionError(path + " gave " + response.statusCode() + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path, Who who) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20));
        switch (who) {
            case ORGANISER -> request.header("Authorization", basic("organiser", ORGANISER_PASSWORD));
            case ANALYST -> request.header("Authorization", basic("analyst", ANALYST_PASSWORD));
            case NOBODY -> { }
        }
        return request;
    }

    private HttpResponse<byte[]> send(HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }
}
