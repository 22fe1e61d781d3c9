package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Makes the Bot API call for one {@link Outgoing} and says what should happen next. Remembers, per chat, the
 * last message it sent with a keyboard, which {@code Keyboard} edits without a message id address.
 * Used by the queue's one worker thread only.
 */
final class OutgoingSender {

    /** What came of one call. */
    sealed interface Result {

        /** Sent, or dropped for good: on to the next message. */
        record Done() implements Result {
        }

        /** Try the same message again after the pause. */
        record Retry(Duration pause) implements Result {
        }
    }

    private static final Logger log = LoggerFactory.getLogger(OutgoingSender.class);
    private static final int MAX_FAILURES = 6;

    private final TelegramClient telegram;
    private final Map<Long, Integer> lastKeyboard = new HashMap<>();
    private int failures;

    OutgoingSender(TelegramClient telegram) {
        this.telegram = telegram;
    }

    /** Whether the message needs no call at all: an edit of the last keyboard when there is none. */
    boolean nothingToDo(Outgoing message) {
        return message instanceof Outgoing.Keyboard keyboard && target(keyboard) == null;
    }

    Result send(Outgoing message) {
        try {
            execute(message);
            failures = 0;
            return new Result.Done();
        } catch (TelegramApiRequestException e) {
            Integer code = e.getErrorCode();
            if (code != null && code == 429) {
                Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
                return new Result.Retry(Duration.ofSeconds(retryAfter == null ? 1 : Math.max(1, retryAfter)));
            }
            if (code != null && code >= 400 && code < 500) {
                log.warn("Telegram refused a {} ({} {}); dropped", kind(message), code, e.getApiResponse());
                forgetKeyboard(message);
                return new Result.Done();
            }
            return failed(message, "error " + code);
        } catch (TelegramApiException e) {
            return failed(message, e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName());
        }
    }

    private Result failed(Outgoing message, String why) {
        failures++;
        if (failures >= MAX_FAILURES) {
            log.error("Telegram unreachable ({}) for {} tries; a {} was dropped", why, failures, kind(message));
            failures = 0;
            return new Result.Done();
        }
        return new Result.Retry(Duration.ofMillis(500L << failures));
    }

    private void execute(Outgoing message) throws TelegramApiException {
        if (message instanceof Outgoing.Text text) {
            Message sent = telegram.execute(SendMessage.builder().chatId(text.chatId()).text(text.text())
                    .replyMarkup(text.keyboard()).build());
            if (text.keyboard() != null && sent != null) {
                lastKeyboard.put(text.chatId(), sent.getMessageId());
            }
        } else if (message instanceof Outgoing.Answered answered) {
            telegram.execute(EditMessageText.builder().chatId(answered.chatId()).messageId(answered.messageId())
                    .text(answered.text()).build());
            forgetKeyboard(message);
        } else {
            Outgoing.Keyboard keyboard = (Outgoing.Keyboard) message;
            telegram.execute(EditMessageReplyMarkup.builder().chatId(keyboard.chatId()).messageId(target(keyboard))
                    .replyMarkup(keyboard.keyboard()).build());
            forgetKeyboard(message);
        }
    }

    /** After the message's keyboard is gone (or the message is), no later edit should address it. */
    private void forgetKeyboard(Outgoing message) {
        if (message instanceof Outgoing.Answered answered) {
            lastKeyboard.remove(answered.chatId(), answered.messageId());
        } else if (message instanceof Outgoing.Keyboard keyboard && keyboard.keyboard() == null) {
            Integer target = target(keyboard);
            if (target != null) {
                lastKeyboard.remove(keyboard.chatId(), target);
            }
        }
    }

    private Integer target(Outgoing.Keyboard keyboard) {
        return keyboard.messageId() != null ? keyboard.messageId() : lastKeyboard.get(keyboard.chatId());
    }

    private static String kind(Outgoing message) {
        return message instanceof Outgoing.Text ? "message" : "message edit";
    }
}
