package nl.peilbot.channel.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The bot's settings, {@code peilbot.telegram.*}, fed from the environment ({@code TELEGRAM_*}).
 *
 * @param token          the bot token from BotFather; blank turns the bot off. A secret: never logged
 * @param username       the bot's user name, for deep links in logs and docs
 * @param apiUrl         the Bot API's base URL (scheme, host and port only)
 * @param mode           long polling (one instance) or webhook (any number of instances)
 * @param webhookUrl     the public HTTPS address of {@code /telegram/webhook} to register with Telegram, if any
 * @param webhookSecret  what Telegram must send in {@code X-Telegram-Bot-Api-Secret-Token}; required for webhook mode
 * @param openSurvey     the survey {@code /start} without an invitation opens; blank: explain how to get an invitation
 * @param pollTimeout    how long one {@code getUpdates} waits for updates
 * @param sendTimeout    how long any other call may take before it is given up and retried; short, so that a
 *                       hanging call holds up its own chat only for that long
 * @param perChatInterval the least time between two messages to one chat
 * @param perSecond      at most this many messages per second to all chats together
 * @param pollDownAfter  how long long polling may fail (no successful {@code getUpdates} while the latest failed)
 *                       before the health component {@code telegram} reports {@code DOWN}
 */
@ConfigurationProperties("peilbot.telegram")
record TelegramProperties(
        String token,
        String username,
        @DefaultValue("https://api.telegram.org") URI apiUrl,
        @DefaultValue("polling") Mode mode,
        String webhookUrl,
        String webhookSecret,
        String openSurvey,
        @DefaultValue("50s") Duration pollTimeout,
        @DefaultValue("10s") Duration sendTimeout,
        @DefaultValue("1s") Duration perChatInterval,
        @DefaultValue("30") int perSecond,
        @DefaultValue("3m") Duration pollDownAfter) {

    enum Mode {
        POLLING, WEBHOOK
    }
}
