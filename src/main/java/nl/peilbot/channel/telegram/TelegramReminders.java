package nl.peilbot.channel.telegram;

import java.util.List;

import nl.peilbot.console.ReminderMessenger;
import nl.peilbot.conversation.Conversations;

/**
 * Reminders from the organisers' console to respondents whose invitation is bound to a Telegram chat, sent through
 * the outbound queue and so within Telegram's rate limits.
 */
final class TelegramReminders implements ReminderMessenger {

    private final Conversations conversations;
    private final OutboundQueue outbound;

    TelegramReminders(Conversations conversations, OutboundQueue outbound) {
        this.conversations = conversations;
        this.outbound = outbound;
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
            outbound.enqueue(List.of(new Outgoing.Text(Long.parseLong(chat), text, null)));
            return true;
        }).orElse(false);
    }
}
