package nl.peilbot.channel.telegram;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;
import org.telegram.telegrambots.meta.generics.TelegramClient;

import okhttp3.OkHttpClient;

import nl.peilbot.conversation.Conversations;

/** The bot, when {@code TELEGRAM_BOT_TOKEN} is set: the Bot API client, the outbound queue and the update source. */
@Configuration(proxyBeanMethods = false)
@Conditional(TelegramConditions.Enabled.class)
@EnableConfigurationProperties(TelegramProperties.class)
class TelegramConfiguration {

    @Bean
    OkHttpClient telegramHttpClient(TelegramProperties properties) {
        // Long enough for a long poll to come back empty.
        return new OkHttpClient.Builder()
                .connectTimeout(Duration.ofSeconds(10))
                .readTimeout(properties.pollTimeout().plusSeconds(15))
                .build();
    }

    @Bean
    TelegramClient telegramClient(OkHttpClient telegramHttpClient, TelegramProperties properties) {
        return new OkHttpTelegramClient(telegramHttpClient, properties.token(), telegramUrl(properties.apiUrl()));
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    OutboundQueue telegramOutbound(TelegramClient telegramClient, TelegramProperties properties) {
        return new OutboundQueue(new OutgoingSender(telegramClient), Ticker.SYSTEM,
                new SendPacer(properties.perChatInterval(), properties.perSecond()));
    }

    @Bean
    ChatTexts telegramTexts(MessageSource messageSource) {
        return new ChatTexts(messageSource);
    }

    @Bean
    UpdateHandler telegramUpdates(Conversations conversations, TelegramClient telegramClient, OutboundQueue telegramOutbound,
                                  ChatTexts telegramTexts, TelegramProperties properties) {
        return new UpdateHandler(conversations, telegramClient, telegramOutbound,
                new MessageRenderer(new TextSplitter(TextSplitter.TELEGRAM_LIMIT)), telegramTexts, properties.openSurvey());
    }

    @Bean
    TelegramReminders telegramReminders(Conversations conversations, OutboundQueue telegramOutbound) {
        return new TelegramReminders(conversations, telegramOutbound);
    }

    @Bean(initMethod = "start")
    BotSetup telegramSetup(TelegramClient telegramClient, ChatTexts telegramTexts, TelegramProperties properties) {
        return new BotSetup(telegramClient, telegramTexts, properties);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    @Conditional(TelegramConditions.Polling.class)
    UpdatePoller telegramPoller(TelegramClient telegramClient, UpdateHandler telegramUpdates, BotSetup telegramSetup,
                                TelegramProperties properties) {
        return new UpdatePoller(telegramClient, telegramUpdates::handle, telegramSetup, properties.pollTimeout());
    }

    /** {@code https://api.telegram.org} or a test server's {@code http://127.0.0.1:PORT}: scheme, host and port only. */
    static TelegramUrl telegramUrl(URI apiUrl) {
        String scheme = apiUrl.getScheme() == null ? "https" : apiUrl.getScheme();
        int port = apiUrl.getPort() > 0 ? apiUrl.getPort() : scheme.equals("http") ? 80 : 443;
        return new TelegramUrl(scheme, apiUrl.getHost(), port, false);
    }
}
