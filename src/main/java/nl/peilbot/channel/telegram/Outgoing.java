package nl.peilbot.channel.telegram;

import org.telegram.telegrambots.meta.api.objects.replykeyboard.InlineKeyboardMarkup;

/** One call to Telegram that counts against a chat's rate limit, in the order the chat must see them. */
sealed interface Outgoing {

    long chatId();

    /** A message, with an inline keyboard or none. */
    record Text(long chatId, String text, InlineKeyboardMarkup keyboard) implements Outgoing {
    }

    /**
     * Replaces the keyboard of a message sent earlier.
     *
     * @param messageId the message; null for the last message this bot sent to the chat with a keyboard
     * @param keyboard  the new keyboard; null removes it, so its buttons cannot be pressed again
     */
    record Keyboard(long chatId, Integer messageId, InlineKeyboardMarkup keyboard) implements Outgoing {
    }

    /** Rewrites an answered message with the answer chosen below it, which also takes its keyboard away. */
    record Answered(long chatId, int messageId, String text) implements Outgoing {
    }
}
