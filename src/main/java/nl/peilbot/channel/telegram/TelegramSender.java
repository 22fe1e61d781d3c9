package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.AnswerCallbackQuery;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import nl.peilbot.outbox.Delivery;
import nl.peilbot.outbox.OutboxHandler;
import nl.peilbot.outbox.OutboxMessage;

/**
 * Delivers the outbox's {@code telegram} messages: the calls one update (or reminder) leads to, in order, within
 * {@link SendPacer}'s limits, through a client with a short time-out.
 *
 * <p>After each call Telegram confirmed, the chat's {@link ChatLedger} records how far the message got and which
 * message carries the live keyboard, so a retry after a failure or a crash goes on after the last confirmed call
 * instead of sending it again, and a new keyboard first takes the previous one away: the chat never shows two.
 * Only a call whose answer was lost (a time-out, a kill between Telegram's answer and the record) can reach the
 * chat twice.
 */
final class TelegramSender implements OutboxHandler {

    static final String KIND = "telegram";
    static final String CALLBACK = "callback";

    private static final Logger log = LoggerFactory.getLogger(TelegramSender.class);

    private final TelegramClient telegram;
    private final SendPacer pacer;
    private final ChatLedger ledger;
    private final TelegramPulse pulse;

    /** @param telegram a client whose time-out is short: a call that hangs holds up its own chat only */
    TelegramSender(TelegramClient telegram, SendPacer pacer, ChatLedger ledger, TelegramPulse pulse) {
        this.telegram = telegram;
        this.pacer = pacer;
        this.ledger = ledger;
        this.pulse = pulse;
    }

    @Override
    public String kind() {
        return KIND;
    }

    /** A reply should follow soon after an outage: retry after a second, then back off. */
    @Override
    public Duration initialBackoff() {
        return Duration.ofSeconds(1);
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        Map<String, Object> payload = message.payload();
        try {
            if (payload.containsKey(CALLBACK)) {
                telegram.execute(AnswerCallbackQuery.builder().callbackQueryId((String) payload.get(CALLBACK))
                        .text((String) payload.get("text")).build());
            } else {
                deliverParts(message.id(), OutgoingCodec.chat(payload), OutgoingCodec.parts(payload));
            }
            pulse.sent();
            return Delivery.sent();
        } catch (TelegramApiRequestException e) {
            return failed(e, payload.containsKey(CALLBACK));
        } catch (TelegramApiException e) {
            return Delivery.retry(e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        }
    }

    private void deliverParts(String id, long chat, List<Outgoing> parts) throws TelegramApiException, InterruptedException {
        ChatLedger.Delivered delivered = ledger.delivered(chat);
        for (int i = delivered.doneOf(id); i < parts.size(); i++) {
            Integer keyboard = call(chat, parts.get(i), delivered.keyboard());
            delivered = new ChatLedger.Delivered(id, i + 1, keyboard);
            ledger.save(chat, delivered);
        }
    }

    /** Makes the part's call(s); returns the message with the live keyboard afterwards. */
    private Integer call(long chat, Outgoing part, Integer live) throws TelegramApiException, InterruptedException {
        if (part instanceof Outgoing.Text text) {
            if (text.keyboard() != null && live != null) {
                removeKeyboard(chat, live);
            }
            pace(chat);
            Message sent = telegram.execute(SendMessage.builder().chatId(chat).text(text.text())
                    .replyMarkup(text.keyboard()).build());
            return text.keyboard() != null && sent != null ? sent.getMessageId() : text.keyboard() != null ? null : live;
        }
        if (part instanceof Outgoing.Answered answered) {
            pace(chat);
            editable(() -> telegram.execute(EditMessageText.builder().chatId(chat).messageId(answered.messageId())
                    .text(answered.text()).build()));
            return answered.messageId() == (live == null ? -1 : live) ? null : live;
        }
        Outgoing.Keyboard keyboard = (Outgoing.Keyboard) part;
        Integer target = keyboard.messageId() != null ? keyboard.messageId() : live;
        if (target == null) {
            return null;
        }
        if (keyboard.keyboard() == null) {
            removeKeyboard(chat, target);
            return target.equals(live) ? null : live;
        }
        pace(chat);
        editable(() -> telegram.execute(EditMessageReplyMarkup.builder().chatId(chat).messageId(target)
                .replyMarkup(keyboard.keyboard()).build()));
        return live;
    }

    private void removeKeyboard(long chat, int message) throws TelegramApiException, InterruptedException {
        pace(chat);
        editable(() -> telegram.execute(EditMessageReplyMarkup.builder().chatId(chat).messageId(message).build()));
    }

    /** Waits for the moment the pacer gives this call. */
    private void pace(long chat) throws InterruptedException {
        long now = System.nanoTime();
        long start = pacer.reserve(chat, now);
        if (start > now) {
            TimeUnit.NANOSECONDS.sleep(start - now);
        }
    }

    private interface Call {
        void run() throws TelegramApiException;
    }

    /**
     * An edit of a message that is gone, too old or already as asked (a retry after a lost answer) is answered
     * 400 by Telegram; no retry could change that, and the chat is as it should be or cannot be helped.
     */
    private static void editable(Call call) throws TelegramApiException {
        try {
            call.run();
        } catch (TelegramApiRequestException e) {
            if (e.getErrorCode() == null || e.getErrorCode() != 400) {
                throw e;
            }
            log.debug("Telegram refused an edit (400); the message is gone or already as asked");
        }
    }

    private Delivery failed(TelegramApiRequestException e, boolean callback) {
        int code = e.getErrorCode() == null ? 0 : e.getErrorCode();
        if (code == 429) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            Duration pause = Duration.ofSeconds(retryAfter == null ? 1 : Math.max(1, retryAfter));
            pacer.pauseUntil(System.nanoTime() + pause.toNanos());
            return Delivery.retryAfter(pause, "429 too many requests");
        }
        if (code >= 400 && code < 500 && code != 408) {
            // A blocked bot (403), a chat that is gone (400), a callback query too old to answer (400).
            if (!callback) {
                log.warn("Telegram refused a message ({}); given up", code);
            }
            return Delivery.giveUp("telegram " + code);
        }
        return Delivery.retry("telegram " + (code == 0 ? "error" : code));
    }
}
