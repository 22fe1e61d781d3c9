package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.telegram.telegrambots.client.okhttp.OkHttpTelegramClient;
import org.telegram.telegrambots.meta.TelegramUrl;

/** The outbound queue against the fake Bot API, with time that passes only while the queue waits. */
class OutboundQueueTests {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private FakeTelegram telegram;
    private FakeTicker ticker;
    private OutboundQueue queue;

    @BeforeEach
    void start() throws Exception {
        telegram = new FakeTelegram();
        ticker = new FakeTicker();
        telegram.clock(ticker::nanoTime);
        OkHttpTelegramClient client = new OkHttpTelegramClient(FakeTelegram.TOKEN,
                new TelegramUrl("http", "127.0.0.1", Integer.parseInt(telegram.url().replaceAll(".*:", "")), false));
        queue = new OutboundQueue(new OutgoingSender(client), ticker, new SendPacer(Duration.ofSeconds(1), 30));
        queue.start();
    }

    @AfterEach
    void stop() {
        queue.close();
        telegram.close();
    }

    private static List<Outgoing> texts(long chat, String prefix, int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> (Outgoing) new Outgoing.Text(chat, prefix + i, null)).toList();
    }

    private List<Long> sendTimes(long chat) {
        return telegram.calls("sendMessage").stream().filter(call -> call.chatId() == chat)
                .map(FakeTelegram.Call::atNanos).toList();
    }

    @Test
    void shouldKeepEveryMessageAndItsOrderThroughA429Burst() throws Exception {
        telegram.answerTooManyRequests(3, 5);
        queue.enqueue(texts(1, "a", 10));
        queue.enqueue(texts(2, "b", 5));
        assertThat(queue.awaitIdle(Duration.ofSeconds(20))).isTrue();

        assertThat(telegram.texts(1)).containsExactly("a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10");
        assertThat(telegram.texts(2)).containsExactly("b1", "b2", "b3", "b4", "b5");
        List<FakeTelegram.Call> calls = telegram.calls("sendMessage");
        assertThat(calls).hasSize(15 + 3);
        for (int i = 0; i < 3; i++) {
            assertThat(calls.get(i + 1).atNanos() - calls.get(i).atNanos())
                    .as("the call after 429 number %d waited its retry_after", i + 1).isGreaterThanOrEqualTo(5 * SECOND);
        }
        assertThat(ticker.slept()).isGreaterThanOrEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void shouldSendAtMostOneMessagePerSecondToAChat() throws Exception {
        queue.enqueue(texts(7, "m", 5));
        assertThat(queue.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<Long> times = sendTimes(7);
        assertThat(times).hasSize(5);
        for (int i = 1; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 1)).isGreaterThanOrEqualTo(SECOND);
        }
    }

    @Test
    void shouldSendAtMostThirtyMessagesInAnySecondToAllChats() throws Exception {
        List<Outgoing> messages = new ArrayList<>();
        for (long chat = 100; chat < 175; chat++) {
            messages.add(new Outgoing.Text(chat, "hello " + chat, null));
        }
        queue.enqueue(messages);
        assertThat(queue.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<Long> times = telegram.calls("sendMessage").stream().map(FakeTelegram.Call::atNanos).sorted().toList();
        assertThat(times).hasSize(75);
        for (int i = 30; i < times.size(); i++) {
            assertThat(times.get(i) - times.get(i - 30)).as("message %d", i).isGreaterThanOrEqualTo(SECOND);
        }
    }

    @Test
    void shouldNotLetAWaitingChatHoldUpAnother() throws Exception {
        queue.enqueue(texts(1, "a", 3));
        queue.enqueue(texts(2, "b", 1));
        assertThat(queue.awaitIdle(Duration.ofSeconds(20))).isTrue();
        List<String> order = telegram.calls("sendMessage").stream().map(call -> call.body().get("text").asString()).toList();
        assertThat(order.indexOf("b1")).isLessThan(order.indexOf("a2"));
    }

    @Test
    void shouldSendAnotherChatsMessageWhileAChatWaitsInRealTime() throws Exception {
        queue.close();
        queue = new OutboundQueue(new OutgoingSender(new OkHttpTelegramClient(FakeTelegram.TOKEN,
                TelegramConfiguration.telegramUrl(java.net.URI.create(telegram.url())))), Ticker.SYSTEM,
                new SendPacer(Duration.ofSeconds(2), 30));
        queue.start();
        telegram.clock(System::nanoTime);
        queue.enqueue(texts(1, "a", 2));
        Thread.sleep(300);
        queue.enqueue(texts(2, "b", 1));
        assertThat(queue.awaitIdle(Duration.ofSeconds(10))).isTrue();
        List<String> order = telegram.calls("sendMessage").stream().map(call -> call.body().get("text").asString()).toList();
        assertThat(order).containsExactly("a1", "b1", "a2");
        List<Long> a = sendTimes(1);
        assertThat(sendTimes(2).get(0) - a.get(0)).as("b1 did not wait for chat 1's interval").isLessThan(SECOND);
    }

    @Test
    void shouldRemoveTheLastKeyboardOfAChatOnlyOnce() throws Exception {
        var keyboard = new MessageRenderer(new TextSplitter(TextSplitter.TELEGRAM_LIMIT)).keyboard(
                new nl.peilbot.engine.Outbound.Ask("#consent", "Doet u mee?", nl.peilbot.engine.Outbound.InputKind.SINGLE_CHOICE,
                        List.of(new nl.peilbot.engine.Button("#yes", "Ja", 0)), List.of(), null));
        queue.enqueue(List.of(new Outgoing.Text(3, "Doet u mee?", keyboard), new Outgoing.Keyboard(3, null, null),
                new Outgoing.Keyboard(3, null, null)));
        assertThat(queue.awaitIdle(Duration.ofSeconds(20))).isTrue();
        assertThat(telegram.calls("editMessageReplyMarkup")).hasSize(1);
        assertThat(telegram.messages(3).get(0).has("reply_markup")).isFalse();
    }
}
