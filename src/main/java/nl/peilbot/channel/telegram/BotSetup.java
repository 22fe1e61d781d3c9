package nl.peilbot.channel.telegram;

import java.util.Arrays;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.task.TaskExecutor;
import org.telegram.telegrambots.meta.api.methods.GetMe;
import org.telegram.telegrambots.meta.api.methods.commands.SetMyCommands;
import org.telegram.telegrambots.meta.api.methods.updates.DeleteWebhook;
import org.telegram.telegrambots.meta.api.methods.updates.SetWebhook;
import org.telegram.telegrambots.meta.api.objects.User;
import org.telegram.telegrambots.meta.api.objects.commands.BotCommand;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import nl.peilbot.system.Languages;

/** Tells Telegram about the bot: its command menu in Dutch (the default) and English, and where updates go. */
final class BotSetup {

    private static final Logger log = LoggerFactory.getLogger(BotSetup.class);

    private final TelegramClient telegram;
    private final ChatTexts texts;
    private final TelegramProperties properties;
    private final TaskExecutor executor;

    BotSetup(TelegramClient telegram, ChatTexts texts, TelegramProperties properties, TaskExecutor executor) {
        this.telegram = telegram;
        this.texts = texts;
        this.properties = properties;
        this.executor = executor;
    }

    /** Says who the bot is and registers its commands; failures are logged, the bot goes on without them. */
    void announce() {
        try {
            User me = telegram.execute(new GetMe());
            String configured = properties.username();
            if (configured != null && !configured.isBlank() && !configured.equalsIgnoreCase(me.getUserName())) {
                log.warn("TELEGRAM_BOT_USERNAME is {} but the token belongs to @{}", configured, me.getUserName());
            }
            log.info("Telegram bot @{} is on ({} mode)", me.getUserName(), properties.mode().name().toLowerCase());
            // the default language's menu for every user, the others' for users whose Telegram speaks them
            telegram.execute(SetMyCommands.builder().commands(commands(Languages.SUPPORTED.get(0))).build());
            for (String language : Languages.SUPPORTED.subList(1, Languages.SUPPORTED.size())) {
                telegram.execute(SetMyCommands.builder().commands(commands(language)).languageCode(language).build());
            }
        } catch (TelegramApiException e) {
            log.warn("Telegram bot set-up failed ({}); commands may be missing from the menu", why(e));
        }
    }

    /** In webhook mode announces the bot and registers the webhook, off the start-up thread; the poller does its own. */
    void start() {
        if (properties.mode() != TelegramProperties.Mode.WEBHOOK) {
            return;
        }
        executor.execute(() -> {
            announce();
            setWebhook();
        });
    }

    /** Long polling works only while no webhook is set. */
    void deleteWebhook() throws TelegramApiException {
        telegram.execute(DeleteWebhook.builder().dropPendingUpdates(false).build());
    }

    void setWebhook() {
        String url = properties.webhookUrl();
        if (url == null || url.isBlank()) {
            log.info("TELEGRAM_WEBHOOK_URL is not set: register the webhook with Telegram yourself (see docs/telegram.md)");
            return;
        }
        try {
            telegram.execute(SetWebhook.builder().url(url.strip()).secretToken(properties.webhookSecret())
                    .allowedUpdates(UpdatePoller.ALLOWED_UPDATES).dropPendingUpdates(false).build());
        } catch (TelegramApiException e) {
            log.error("setWebhook failed ({}); Telegram will not deliver updates", why(e));
        }
    }

    List<BotCommand> commands(String language) {
        return Arrays.stream(BotCommands.values())
                .map(command -> new BotCommand(command.name(language), texts.text(command.descriptionKey(), language)))
                .toList();
    }

    static String why(TelegramApiException e) {
        if (e instanceof org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException request
                && request.getErrorCode() != null && request.getErrorCode() > 0) {
            return "error " + request.getErrorCode() + " " + request.getApiResponse();
        }
        return e.getCause() != null ? e.getCause().getClass().getName() : e.getClass().getName();
    }
}
