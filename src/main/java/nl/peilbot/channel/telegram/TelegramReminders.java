package nl.peilbot.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;

import nl.peilbot.console.ReminderMessenger;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxMessage;

/**
 * Reminders from the organisers' console to respondents whose invitation is bound to a Telegram chat, queued in
 * the durable outbox behind the chat's other messages and so within Telegram's rate limits. The outbox id is
 * {@code telegram:reminder:<hash of response, text and day>}: the same reminder sent twice on one day (a double
 * click, a retry after a crash) reaches the chat once.
 */
final class TelegramReminders implements ReminderMessenger {

    private final Conversations conversations;
    private final Outbox outbox;
    private final Clock clock;

    TelegramReminders(Conversations conversations, Outbox outbox, Clock clock) {
        this.conversations = conversations;
        this.outbox = outbox;
        this.clock = clock;
    }

    @Override
    public String channel() {
        return UpdateHandler.CHANNEL;
    }

    @Override
    public boolean reaches(String responseId) {
        return conversations.channelUser(UpdateHandler.CHANNEL, responseId).isPresent();
    }

    @Override
    public boolean send(String responseId, String text) {
        return conversations.channelUser(UpdateHandler.CHANNEL, responseId).map(chat -> {
            long chatId = Long.parseLong(chat);
            String id = "telegram:reminder:" + hash(responseId + "\n" + LocalDate.now(clock.withZone(ZoneOffset.UTC)) + "\n" + text);
            outbox.enqueue(OutboxMessage.of(id, TelegramSender.KIND, UpdateHandler.chatKey(chatId),
                    OutgoingCodec.payload(chatId, List.of(new Outgoing.Text(chatId, text, null)))));
            return true;
        }).orElse(false);
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
