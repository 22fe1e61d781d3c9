package nl.peilbot.channel.telegram;

import java.util.List;
import java.util.regex.Pattern;

import org.telegram.telegrambots.meta.api.objects.CallbackQuery;
import org.telegram.telegrambots.meta.api.objects.Update;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.api.objects.replykeyboard.buttons.InlineKeyboardButton;

import nl.peilbot.engine.Inbound;
import nl.peilbot.system.Languages;

/** Reads a Telegram update as a {@link TelegramInput}; the message id is {@code tg:<update_id>}. */
final class UpdateReader {

    /** Telegram's command syntax: a slash, up to 32 letters, digits or underscores, maybe {@code @bot}, then a space or the end. */
    private static final Pattern COMMAND = Pattern.compile("/[A-Za-z0-9_]{1,32}(@[A-Za-z0-9_]+)?(\\s|$)");

    TelegramInput read(Update update) {
        String messageId = "tg:" + update.getUpdateId();
        if (update.hasCallbackQuery()) {
            return press(update.getCallbackQuery(), messageId);
        }
        if (update.hasMessage()) {
            return message(update.getMessage(), messageId);
        }
        return new TelegramInput.Ignored();
    }

    private static TelegramInput press(CallbackQuery query, String messageId) {
        if (query.getMessage() == null || query.getData() == null) {
            return new TelegramInput.Ignored();
        }
        String text = null;
        String label = null;
        if (query.getMessage() instanceof Message pressed) {
            text = pressed.getText();
            label = pressed.getReplyMarkup() == null ? null : pressed.getReplyMarkup().getKeyboard().stream()
                    .flatMap(List::stream).filter(button -> query.getData().equals(button.getCallbackData()))
                    .map(InlineKeyboardButton::getText).findFirst().orElse(null);
        }
        return new TelegramInput.Press(query.getMessage().getChatId(), language(query.getFrom()), messageId,
                query.getId(), query.getMessage().getMessageId(), query.getData(), text, label);
    }

    private static TelegramInput message(Message message, String messageId) {
        long chatId = message.getChatId();
        String language = language(message.getFrom());
        if (!message.isUserMessage()) {
            return new TelegramInput.NotPrivate(chatId, language);
        }
        if (!message.hasText() || message.getText().isBlank()) {
            return new TelegramInput.NonText(chatId, language);
        }
        String text = message.getText().strip();
        int id = message.getMessageId() == null ? 0 : message.getMessageId();
        long date = message.getDate() == null ? 0 : message.getDate();
        if (!COMMAND.matcher(text).lookingAt()) {
            return new TelegramInput.Message(chatId, language, messageId, new Inbound.Text(text), id, date);
        }
        int space = text.indexOf(' ');
        String word = space < 0 ? text.substring(1) : text.substring(1, space);
        int at = word.indexOf('@');
        word = at < 0 ? word : word.substring(0, at);
        String argument = space < 0 ? null : text.substring(space + 1).strip();
        argument = argument == null || argument.isEmpty() ? null : argument;
        if (word.equalsIgnoreCase("start")) {
            return new TelegramInput.Start(chatId, language, argument);
        }
        String finalArgument = argument;
        return BotCommands.named(word)
                .<TelegramInput>map(command -> new TelegramInput.Message(chatId, language, messageId,
                        new Inbound.Command(command.command(), finalArgument), id, date))
                .orElseGet(() -> new TelegramInput.UnknownCommand(chatId, language));
    }

    /** The user's Telegram language when we speak it, else Dutch ({@link Languages}): texts before a conversation is open. */
    static String language(User user) {
        return Languages.supported(user == null ? null : user.getLanguageCode());
    }
}
