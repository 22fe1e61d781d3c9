package nl.peilbot.results;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxMessage;
import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseView;

/**
 * Queues each completed response, pseudonymised, for the configured webhook in the durable outbox;
 * {@link WebhookSender} POSTs it.
 *
 * <p>One delivery per stored version of a completed response: its id {@code webhook:<pseudonym>:<version>} is the
 * outbox message id (so a repeated completion event queues nothing new) and the {@code X-Peilbot-Delivery} header
 * (so a receiver can drop the repeats that at-least-once delivery allows). The pseudonym, not the response id,
 * because the receiver must not learn response ids. The body is built here, once, so every try sends the same
 * bytes; deliveries of one response go in version order.
 */
@Component
@EnableConfigurationProperties(WebhookProperties.class)
class ResultsWebhook {

    static final String KIND = "webhook";
    static final String BODY = "body";

    private static final Logger log = LoggerFactory.getLogger(ResultsWebhook.class);

    private final WebhookProperties settings;
    private final ResponseReader responses;
    private final Results results;
    private final Pseudonyms pseudonyms;
    private final JsonMapper json;
    private final Clock clock;
    private final Outbox outbox;

    ResultsWebhook(WebhookProperties settings, ResponseReader responses, Results results, Pseudonyms pseudonyms,
                   JsonMapper json, Clock clock, Outbox outbox) {
        this.settings = settings;
        this.responses = responses;
        this.results = results;
        this.pseudonyms = pseudonyms;
        this.json = json;
        this.clock = clock;
        this.outbox = outbox;
        if (settings.url() != null && !settings.url().isBlank() && !settings.configured()) {
            log.warn("A results webhook URL is configured without PEILBOT_RESULTS_WEBHOOK_SECRET: nothing will be sent");
        }
    }

    @EventListener
    void on(ResponseCompleted completed) {
        if (!settings.configured()) {
            return;
        }
        try {
            OutboxMessage message = message(completed.responseId());
            if (message != null) {
                outbox.enqueue(message);
            }
        } catch (RuntimeException e) {
            // the response is stored; the completion event is published again for it (repair), so do not fail the turn
            log.error("webhook: could not queue the delivery of a completed response ({})", e.getClass().getSimpleName());
        }
    }

    /** The delivery of the response as it is stored now, or null when it is not completed (re-opened since). */
    private OutboxMessage message(String responseId) {
        ResponseView stored = responses.find(responseId).filter(ResponseView::completed).orElse(null);
        if (stored == null) {
            return null;
        }
        WaveId wave = new WaveId(stored.survey(), stored.wave());
        String pseudonym = pseudonyms.of(responseId);
        String delivery = KIND + ":" + pseudonym + ":" + stored.version();
        try {
            PseudonymousResponse response = PseudonymousResponse.of(stored, results.flow(wave), pseudonyms);
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("event", "response.completed");
            payload.put("delivery", delivery);
            payload.put("sentAt", clock.instant().toString());
            payload.put("response", response);
            return OutboxMessage.of(delivery, KIND, KIND + ":" + pseudonym,
                    Map.of(BODY, json.writeValueAsString(payload)));
        } catch (UnknownResultException e) {
            log.warn("webhook delivery {}: no flow for the response's wave {}", delivery, wave.survey() + "/" + wave.wave());
            return null;
        }
    }
}
