package nl.peilbot.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Conditional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.telegram.telegrambots.meta.api.objects.Update;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Receives updates in webhook mode. Only requests carrying the configured secret in
 * {@code X-Telegram-Bot-Api-Secret-Token} are read; the update is handled before the answer, and a failure
 * answers 500 so that Telegram delivers the update again.
 */
@Controller
@Conditional(TelegramConditions.Webhook.class)
class TelegramWebhookController {

    static final String PATH = "/telegram/webhook";
    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    private static final Logger log = LoggerFactory.getLogger(TelegramWebhookController.class);

    // The library's Update is a Jackson 2 type; this mapper reads nothing else.
    private final ObjectMapper updates = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
    private final UpdateHandler handler;
    private final byte[] secret;

    TelegramWebhookController(UpdateHandler handler, TelegramProperties properties) {
        String configured = properties.webhookSecret();
        if (configured == null || configured.isBlank()) {
            throw new IllegalStateException("peilbot.telegram.mode=webhook needs TELEGRAM_WEBHOOK_SECRET");
        }
        this.handler = handler;
        this.secret = configured.strip().getBytes(StandardCharsets.UTF_8);
    }

    @PostMapping(PATH)
    ResponseEntity<Void> receive(@RequestHeader(name = SECRET_HEADER, required = false) String given,
                                 @RequestBody(required = false) String body) {
        if (given == null) {
            return ResponseEntity.status(HttpStatus.UNAUTHORIZED).build();
        }
        if (!MessageDigest.isEqual(secret, given.getBytes(StandardCharsets.UTF_8))) {
            return ResponseEntity.status(HttpStatus.FORBIDDEN).build();
        }
        Update update;
        try {
            update = updates.readValue(body == null ? "" : body, Update.class);
        } catch (JsonProcessingException e) {
            return ResponseEntity.badRequest().build();
        }
        try {
            handler.handle(update);
        } catch (RuntimeException e) {
            log.error("Telegram update {} failed ({}); Telegram will deliver it again", update.getUpdateId(),
                    e.getClass().getName());
            return ResponseEntity.status(HttpStatus.INTERNAL_SERVER_ERROR).build();
        }
        return ResponseEntity.ok().build();
    }
}
