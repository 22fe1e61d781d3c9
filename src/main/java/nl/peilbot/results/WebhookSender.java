package nl.peilbot.results;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.peilbot.outbox.Delivery;
import nl.peilbot.outbox.OutboxHandler;
import nl.peilbot.outbox.OutboxMessage;

/**
 * POSTs one queued webhook delivery, signed with an HMAC of the body. A network error, a time-out, 5xx, 408 and
 * 429 (after its {@code Retry-After} when given in seconds) are tried again by the outbox; any other non-2xx answer
 * gives the delivery up. Logs name the delivery id and status only, never the body.
 */
@Component
class WebhookSender implements OutboxHandler {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

    private final WebhookProperties settings;
    private final HttpClient http;

    WebhookSender(WebhookProperties settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
    }

    @Override
    public String kind() {
        return ResultsWebhook.KIND;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        if (!settings.configured()) {
            return Delivery.giveUp("no webhook URL and secret configured any more");
        }
        byte[] body = String.valueOf(message.payload().get(ResultsWebhook.BODY)).getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.url()))
                    .timeout(settings.timeout())
                    .header("Content-Type", "application/json")
                    .header("X-Peilbot-Event", "response.completed")
                    .header("X-Peilbot-Delivery", message.id())
                    .header(WebhookSignature.HEADER, WebhookSignature.of(body, settings.secret()))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            int status = response.statusCode();
            if (status >= 200 && status < 300) {
                return Delivery.sent();
            }
            log.warn("webhook delivery {}: HTTP {}", message.id(), status);
            if (status == 429) {
                return retryAfter(response).map(after -> Delivery.retryAfter(after, "HTTP 429"))
                        .orElse(Delivery.retry("HTTP 429"));
            }
            if (status >= 500 || status == 408) {
                return Delivery.retry("HTTP " + status);
            }
            return Delivery.giveUp("HTTP " + status);
        } catch (IOException e) {
            log.warn("webhook delivery {}: {}", message.id(), e.getClass().getSimpleName());
            return Delivery.retry(e.getClass().getSimpleName());
        } catch (IllegalArgumentException e) {
            return Delivery.giveUp("invalid webhook URL");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        }
    }

    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException dateOrJunk) {
                return Optional.empty();
            }
        });
    }

    @Override
    public Duration timeout() {
        // the request's own time-out plus the connect time-out, so the outbox only steps in when both failed
        return settings.timeout().multipliedBy(2).plusSeconds(1);
    }

    @Override
    public int maxAttempts() {
        return settings.attempts();
    }

    @Override
    public Duration initialBackoff() {
        return settings.initialBackoff();
    }
}
