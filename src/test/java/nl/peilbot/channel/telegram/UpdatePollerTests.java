package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.api.objects.Update;

/** Long polling confirms an update to Telegram only after it was handled, so a failed one comes again. */
class UpdatePollerTests {

    private FakeTelegram telegram;
    private UpdatePoller poller;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegram();
    }

    @AfterEach
    void stop() throws Exception {
        if (poller != null) {
            poller.close();
        }
        telegram.close();
    }

    private void poll(java.util.function.Consumer<Update> handler) {
        OkHttpTelegramClient client = new OkHttpTelegramClient(FakeTelegram.TOKEN,
                TelegramConfiguration.telegramUrl(java.net.URI.create(telegram.url())));
        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasename("messages");
        texts.setDefaultEncoding("UTF-8");
        texts.setFallbackToSystemLocale(false);
        TelegramProperties properties = new TelegramProperties(FakeTelegram.TOKEN, null, java.net.URI.create(telegram.url()),
                TelegramProperties.Mode.POLLING, null, null, null, Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, 30,
                Duration.ofMinutes(3));
        SimpleAsyncTaskExecutor executor = new SimpleAsyncTaskExecutor("test-polling-");
        poller = new UpdatePoller(client, handler, new BotSetup(client, new ChatTexts(texts), properties, executor),
                new TelegramPulse(java.time.Clock.systemUTC()), Duration.ofSeconds(1), executor);
        poller.start();
    }

    @Test
    void shouldHandleAnUpdateAgainWhenItsHandlingFailedAndConfirmItOnlyAfterwards() {
        int failing = telegram.text(1, "first");
        int next = telegram.text(1, "second");
        poll(update -> {
            seen.add(update.getUpdateId() + (telegram.confirmed(update.getUpdateId()) ? " confirmed" : ""));
            if (update.getUpdateId() == failing && seen.size() == 1) {
                throw new IllegalStateException("the database is away");
            }
        });
        await().atMost(Duration.ofSeconds(15)).until(() -> telegram.confirmed(next));
        assertThat(seen).containsExactly(String.valueOf(failing), String.valueOf(failing), String.valueOf(next));
    }

    @Test
    void shouldRemoveAWebhookBeforePolling() {
        int update = telegram.text(2, "hallo");
        poll(seenUpdate -> seen.add(String.valueOf(seenUpdate.getUpdateId())));
        await().atMost(Duration.ofSeconds(15)).until(() -> telegram.confirmed(update));
        List<String> methods = telegram.calls().stream().map(FakeTelegram.Call::method).toList();
        assertThat(methods).contains("deletewebhook");
        assertThat(seen).containsExactly(String.valueOf(update));
    }

    @Test
    void shouldEndThePollingLoopWhenClosed() throws Exception {
        int update = telegram.text(3, "hallo");
        poll(seenUpdate -> seen.add(String.valueOf(seenUpdate.getUpdateId())));
        await().atMost(Duration.ofSeconds(15)).until(() -> telegram.confirmed(update));
        assertThat(poller.polling()).isTrue();
        poller.close();
        assertThat(poller.polling()).isFalse();
    }
}
