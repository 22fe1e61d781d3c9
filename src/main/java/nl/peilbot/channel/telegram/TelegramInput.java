package nl.peilbot.channel.telegram;

import nl.peilbot.engine.Inbound;

/** What one Telegram update asks of the bot, with the update's message id for exactly-once handling. */
sealed interface TelegramInput {

    long chatId();

    /** {@code /start}, with the deep link's payload (an invitation token) or null. */
    record Start(long chatId, String language, String payload) implements TelegramInput {
    }

    /**
     * Text or a command, for the conversation.
     *
     * @param telegramMessageId Telegram's id of the message in the chat: the parts of a split paste have consecutive ids
     * @param date              when Telegram received it, in epoch seconds
     */
    record Message(long chatId, String language, String messageId, Inbound input, int telegramMessageId, long date)
            implements TelegramInput {
    }

    /** A command the bot does not know, such as {@code /foo}: never an answer. */
    record UnknownCommand(long chatId, String language) implements TelegramInput {
    }

    /**
     * An inline keyboard button pressed.
     *
     * @param pressedText  the text of the message whose button was pressed, when Telegram still shows it; else null
     * @param pressedLabel the pressed button's label, read from that message's keyboard; else null
     */
    record Press(long chatId, String language, String messageId, String callbackId, Integer pressedMessageId,
                 String data, String pressedText, String pressedLabel) implements TelegramInput {
    }

    /** A sticker, photo, voice message or anything else that is not text. */
    record NonText(long chatId, String language) implements TelegramInput {
    }

    /** A message from a group or channel, which the bot does not serve. */
    record NotPrivate(long chatId, String language) implements TelegramInput {
    }

    /** Anything else (edits, other update kinds): nothing to do. */
    record Ignored() implements TelegramInput {

        @Override
        public long chatId() {
            return 0;
        }
    }
}
