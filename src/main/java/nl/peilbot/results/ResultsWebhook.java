package nl.peilbot.results;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import jakarta.annotation.PreDestroy;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.response.ResponseCompleted;

/**
 * POSTs each completed response, pseudonymised, to the configured webhook, signed with an HMAC of the body.
 *
 * <p>The completion event arrives in the respondent's thread, so everything (reading the response, sending,
 * waiting to retry) happens on a scheduler thread of its own. A try fails on a network error, a timeout, 5xx, 408
 * or 429 and is repeated after a wait that doubles each time, up to the configured number of tries; any other
 * answer ends the delivery. Logs name the delivery id and status only, never the payload.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class ResultsWebhook {

    private static final Logger log = LoggerFactory.getLogger(ResultsWebhook.class);

    private final WebhookProperties settings;
    private final RawResponses responses;
    private final Results results;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            ResultsEvents.daemon("results-webhook"));

    ResultsWebhook(WebhookProperties settings, RawResponses responses, Results results, Pseudonyms pseudonyms,
                   JsonMapper json, Clock clock) {
        this.settings = settings;
        this.responses = responses;
        this.results = results;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        if (settings.url() != null && !settings.url().isBlank() && !settings.configured()) {
            log.warn("A results webhook URL is configured without PEILBOT_RESULTS_WEBHOOK_SECRET: nothing will be sent");
        }
    }

    @EventListener
    void on(ResponseCompleted completed) {
        if (settings.configured()) {
            scheduler.execute(() -> deliver(completed.responseId()));
        }
    }

    private void deliver(String responseId) {
        byte[] body;
        String delivery = UUID.randomUUID().toString();
        try {
            body = payload(responseId, delivery);
        } catch (RuntimeException e) {
            log.error("webhook delivery {}: could not build the payload ({})", delivery, e.getClass().getSimpleName());
            return;
        }
        if (body != null) {
            attempt(delivery, body, 1);
        }
    }

    /** The response as the API shows it, or null when it is no longer completed (re-opened since). */
    private byte[] payload(String responseId, String delivery) {
        Document document = responses.find(responseId);
        if (document == null || !"completed".equals(document.getString("status"))) {
            return null;
        }
        WaveId wave = new WaveId(document.getString("survey"), document.getString("wave"));
        try {
            PseudonymousResponse response = PseudonymousResponse.of(document, results.flow(wave), pseudonyms);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "response.completed");
            payload.put("delivery", delivery);
            payload.put("sentAt", clock.instant().toString());
            payload.put("response", response);
            return json.writeValueAsBytes(payload);
        } catch (UnknownResultException e) {
            log.warn("webhook delivery {}: no flow for the response's wave {}", delivery, wave.survey() + "/" + wave.wave());
            return null;
        }
    }

    private void attempt(String delivery, byte[] body, int attempt) {
        boolean retry;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Peilbot-Event", "response.completed")
                    .header("X-Peilbot-Delivery", delivery)
                    .header(WebhookSignature.HEADER, WebhookSignature.of(body, settings.secret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status >= 200 && status < 300) {
                return;
            }
            retry = status >= 500 || status == 408 || status == 429;
            log.warn("webhook delivery {} try {}: HTTP {}", delivery, attempt, status);
        } catch (IOException | IllegalArgumentException e) {
            retry = true;
            log.warn("webhook delivery {} try {}: {}", delivery, attempt, e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (!retry || attempt >= settings.attempts()) {
            log.error("webhook delivery {} given up after {} tries", delivery, attempt);
            return;
        }
        long wait = settings.initialBackoff().toMillis() << Math.min(attempt - 1, 20);
        scheduler.schedule(() -> attempt(delivery, body, attempt + 1), wait, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }
}
