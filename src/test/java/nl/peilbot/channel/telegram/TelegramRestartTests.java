package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

import nl.peilbot.PeilbotApplication;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.testsupport.FerretDb;

/**
 * Replies queued when an instance stops are sent by the next one on the same database, each once: the instance
 * is stopped while Telegram answers every send with 502, and a second application context takes over.
 */
class TelegramRestartTests {

    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final long CHAT = 7_100_000_001L;

    private final String database = FerretDb.uniqueDatabase("telegram_restart");
    private final FakeTelegram telegram = FakeTelegram.startOrFail();
    private ConfigurableApplicationContext running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
        telegram.close();
    }

    private ConfigurableApplicationContext start() {
        Map<String, String> properties = Map.of(
                "server.port", "0",
                "spring.mongodb.uri", FerretDb.uri(database),
                "peilbot.telegram.token", FakeTelegram.TOKEN,
                "peilbot.telegram.username", FakeTelegram.BOT_USERNAME,
                "peilbot.telegram.api-url", telegram.url(),
                "peilbot.telegram.poll-timeout", "1s",
                "peilbot.telegram.send-timeout", "1s",
                "peilbot.telegram.per-chat-interval", "0s",
                "peilbot.telegram.per-second", "1000");
        // As command-line arguments, which come before application.properties.
        return new SpringApplicationBuilder(PeilbotApplication.class)
                .run(properties.entrySet().stream().map(e -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new));
    }

    private static long pending(Outbox outbox) {
        return outbox.stats().pending().getOrDefault(TelegramSender.KIND, 0L);
    }

    @Test
    void shouldSendWhatWasQueuedAtAStopOnceAfterTheRestart() throws Exception {
        running = start();
        String token = running.getBean(Invitations.class).create(SURVEY,
                Map.of("hospital", "Ziekenhuis Testdam", "hospitalType", "topklinisch", "role", "cmio"));
        Outbox first = running.getBean(Outbox.class);
        TelegramRespondent respondent = new TelegramRespondent(telegram, first, CHAT);
        respondent.send("/start " + token);
        JsonNode consent = respondent.lastWithKeyboard();
        int before = respondent.texts().size();

        telegram.answerServerErrors(Integer.MAX_VALUE);
        String yes = consent.get("reply_markup").get("inline_keyboard").get(0).get(0).get("callback_data").asString();
        int press = telegram.press(CHAT, consent.get("message_id").asInt(), yes);
        int sticker = telegram.sticker(CHAT);
        await().atMost(Duration.ofSeconds(20)).until(() -> telegram.confirmed(sticker));
        long queued = pending(first);
        // The press's callback answer (unaffected by the 502s) may still be on its way too.
        assertThat(queued).as("the replies to the press and to a sticker wait in the outbox").isBetween(2L, 3L);
        assertThat(respondent.texts()).hasSize(before);
        running.close();

        telegram.answerServerErrors(0);
        running = start();
        Outbox second = running.getBean(Outbox.class);
        TelegramRespondent.awaitSent(second);
        await().atMost(Duration.ofSeconds(20)).until(() -> respondent.texts().size() > before);

        Map<String, Long> counts = respondent.texts().stream()
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
        long doubled = counts.values().stream().mapToLong(n -> n - 1).sum();
        JsonNode answered = telegram.messages(CHAT).stream()
                .filter(m -> m.get("message_id").asInt() == consent.get("message_id").asInt()).findFirst().orElseThrow();
        System.out.printf("Telegram, stopped with %d replies queued (press %d): %d messages after the restart, doubled %d%n",
                queued, press, respondent.texts().size() - before, doubled);
        assertThat(doubled).isZero();
        assertThat(answered.get("text").asString()).as("the press answered by an edit")
                .endsWith(MessageRenderer.TICK + "Ja, ik doe mee");
        assertThat(answered.has("reply_markup")).isFalse();
        assertThat(respondent.keyboards()).as("one live keyboard").isLessThanOrEqualTo(1);
        assertThat(respondent.texts().subList(before, respondent.texts().size()))
                .as("the next question and the answer to the sticker, once each").hasSize(2);
    }
}
