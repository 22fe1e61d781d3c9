package nl.peilbot.channel.telegram;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import okhttp3.OkHttpClient;

import nl.peilbot.conversation.Conversations;
import nl.peilbot.outbox.Outbox;

/**
 * The bot, when {@code TELEGRAM_BOT_TOKEN} is set: two Bot API clients (the long poll's, whose time-out outlasts a
 * poll, and the senders', whose time-out is short), the outbox handlers that send, and the update source.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConditions.Enabled.class)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    /** For {@code getUpdates} and the set-up calls: long enough for a long poll to come back empty. */
    @Bean
    TelegramClient telegramClient(TelegramProperties properties) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(properties.pollTimeout().plusSeconds(15))
                .build();
        return new OkHttpTelegramClient(http, properties.token(), telegramUrl(properties.apiUrl()));
    }

    @Bean
    TelegramPulse telegramPulse(Clock clock) {
        return new TelegramPulse(clock);
    }

    /** The component {@code telegram} of {@code /actuator/health}, named after the bean as Boot does. */
    @Bean
    TelegramHealth telegramHealthIndicator(TelegramPulse telegramPulse, TelegramProperties properties) {
        return new TelegramHealth(telegramPulse, properties);
    }

    /** Sends the outbox's Telegram messages through a client of its own, with the short send time-out. */
    @Bean
    TelegramSender telegramSender(TelegramProperties properties, ChatLedger ledger, TelegramPulse telegramPulse) {
        OkHttpClient http = new OkHttpClient.Builder()
                .connectTimeout(properties.sendTimeout())
                .readTimeout(properties.sendTimeout())
                .callTimeout(properties.sendTimeout())
                .build();
        return new TelegramSender(new OkHttpTelegramClient(http, properties.token(), telegramUrl(properties.apiUrl())),
                new SendPacer(properties.perChatInterval(), properties.perSecond()), ledger, telegramPulse);
    }

    @Bean
    ChatTexts telegramTexts(MessageSource messageSource) {
        return new ChatTexts(messageSource);
    }

    @Bean
    UpdateHandler telegramUpdates(Conversations conversations, Outbox outbox, ChatLedger ledger,
                                  ChatTexts telegramTexts, Clock clock, TelegramProperties properties) {
        return new UpdateHandler(conversations, outbox, ledger,
                new MessageRenderer(new TextSplitter(TextSplitter.TELEGRAM_LIMIT)), telegramTexts, clock,
                properties.openSurvey());
    }

    @Bean
    PasteRelease telegramPasteRelease(ObjectProvider<UpdateHandler> telegramUpdates) {
        return new PasteRelease(telegramUpdates);
    }

    @Bean
    TelegramReminders telegramReminders(Conversations conversations, Outbox outbox, Clock clock) {
        return new TelegramReminders(conversations, outbox, clock);
    }

    @Bean(initMethod = "start")
    BotSetup telegramSetup(TelegramClient telegramClient, ChatTexts telegramTexts, TelegramProperties properties,
                           @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        return new BotSetup(telegramClient, telegramTexts, properties, executor);
    }

    @Bean
    @Conditional(TelegramConditions.Polling.class)
    UpdatePoller telegramPoller(TelegramClient telegramClient, UpdateHandler telegramUpdates, BotSetup telegramSetup,
                                TelegramPulse telegramPulse, TelegramProperties properties,
                                @Qualifier("applicationTaskExecutor") AsyncTaskExecutor executor) {
        return new UpdatePoller(telegramClient, telegramUpdates::handle, telegramSetup, telegramPulse,
                properties.pollTimeout(), executor);
    }

    /** {@code https://api.telegram.org} or a test server's {@code http://127.0.0.1:PORT}: scheme, host and port only. */
    static TelegramUrl telegramUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme() == null ? "https" : apiUrl.getScheme();
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : scheme.equals("http") ? 80 : 443;
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }
}
