package nl.peilbot.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.bson.Document;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.channel.telegram.FakeTelegram;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.flow.Question;
import nl.peilbot.testsupport.AppProcess;
import nl.peilbot.testsupport.FerretDb;

/**
 * Telegram replies survive a real {@code kill -9}. The application runs as a child JVM polling a fake Bot API in
 * this JVM. Several chats open their invitation and give consent; then the Bot API answers every send with 502
 * while the respondents type answers, a sticker and {@code /status}, so the replies pile up in the outbox. The Bot
 * API recovers (first with a few 429s) but holds back its answers, and as soon as a queued reply got through and
 * waits for its answer the application is killed with SIGKILL and started again on the same database. Afterwards every reply of every turn has reached its
 * chat in order; a reply may arrive twice only if it was the one call of its chat in flight at the kill; and every
 * answer is stored once, on the question it was typed for.
 */
class TelegramKillNineFaultTests {

    private static final String SURVEY = "ai-in-hospitals-2020";
    private static final String PASSWORD = "fault-suite-organiser";
    private static final int CHATS = 6;
    private static final long FIRST_CHAT = 7_300_000_001L;
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void repliesQueuedAtAKillNineAreAllDeliveredAfterTheRestart() throws Exception {
        MongoDatabase db = FerretDb.database("fault_tg_kill9");
        MongoCollection<Document> outbox = db.getCollection("outbox");
        MongoCollection<Document> outboxDone = db.getCollection("outboxDone");
        Flow flow = Flows.load(Path.of("conversation-flows", SURVEY + ".yaml"));
        Question first = flow.step("familiarity").orElseThrow();
        Question second = flow.step("followsDevelopments").orElseThrow();

        try (FakeTelegram telegram = FakeTelegram.startOrFail();
             AppProcess app = AppProcess.on("telegram-kill9", properties(db.getName(), telegram.url())).start()) {

            // Healthy Bot API: every chat opens its invitation and presses "yes" on the consent question.
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                tokens.add(Invitations.invite(json, app.port(), PASSWORD, i));
                settle(telegram, outbox, telegram.text(chat(i), "/start " + tokens.get(i)));
            }
            for (int i = 0; i < CHATS; i++) {
                JsonNode consent = lastWithKeyboard(telegram.messages(chat(i)));
                assertThat(consent).as("consent question in chat %d", i).isNotNull();
                String yes = consent.get("reply_markup").get("inline_keyboard").get(0).get(0).get("callback_data")
                        .asString();
                settle(telegram, outbox, telegram.press(chat(i), consent.get("message_id").asInt(), yes));
            }
            int[] before = new int[CHATS];
            for (int i = 0; i < CHATS; i++) {
                before[i] = telegram.texts(chat(i)).size();
            }

            // The Bot API fails every send: the respondents answer without seeing the questions, replies queue up.
            telegram.answerServerErrors(Integer.MAX_VALUE);
            telegram.answerTooManyRequests(3, 1);
            List<Integer> updates = new ArrayList<>();
            List<java.util.function.IntFunction<Integer>> turns = List.of(
                    i -> telegram.text(chat(i), String.valueOf(firstChoice(i))),
                    i -> telegram.sticker(chat(i)),
                    i -> telegram.text(chat(i), String.valueOf(secondChoice(i))),
                    i -> telegram.text(chat(i), "/status"));
            for (java.util.function.IntFunction<Integer> turn : turns) {
                List<Integer> round = new ArrayList<>();
                for (int i = 0; i < CHATS; i++) {
                    round.add(turn.apply(i));
                }
                // The update is confirmed to Telegram only after its replies are stored in the outbox.
                await().atMost(TIMEOUT).until(() -> round.stream().allMatch(telegram::confirmed));
                updates.addAll(round);
            }
            Map<Long, List<String>> expected = new LinkedHashMap<>();
            List<String> queuedIds = new ArrayList<>();
            for (int update : updates) {
                Document queued = outbox.find(Filters.eq("_id", "telegram:" + update + ":0")).first();
                assertThat(queued).as("reply to update %d queued in the outbox", update).isNotNull();
                queuedIds.add(queued.getString("_id"));
            }
            outbox.find(Filters.eq("kind", "telegram")).sort(new Document("seq", 1)).forEach(queued -> {
                Document payload = queued.get("payload", Document.class);
                List<String> texts = expected.computeIfAbsent(Long.parseLong(payload.getString("chat")),
                        chat -> new ArrayList<>());
                payload.getList("parts", Document.class).stream().filter(part -> "send".equals(part.getString("op")))
                        .forEach(part -> texts.add(part.getString("text")));
            });
            for (int i = 0; i < CHATS; i++) {
                assertThat(telegram.texts(chat(i))).as("nothing reached chat %d during the outage", i)
                        .hasSize(before[i]);
            }

            // The Bot API recovers (after three 429s) but answers slowly; the app is killed while a reply that got
            // through waits for its answer, so that call is in flight at the kill.
            telegram.answerSlowly(Duration.ofMillis(1500));
            telegram.answerServerErrors(0);
            await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(5)).until(() -> telegram.holding() > 0);
            int inFlight = telegram.holding();
            app.kill9();
            inFlight = Math.max(inFlight, telegram.holding());
            telegram.answerSlowly(Duration.ZERO);
            long queuedAtKill = outbox.countDocuments(Filters.eq("kind", "telegram"));
            int[] atKill = new int[CHATS];
            for (int i = 0; i < CHATS; i++) {
                atKill[i] = telegram.texts(chat(i)).size();
            }
            int deliveredBeforeKill = delivered(telegram, before);

            app.start();
            await().atMost(Duration.ofMinutes(3)).until(() -> outbox.countDocuments(Filters.eq("kind", "telegram")) == 0);
            for (String id : queuedIds) {
                Document done = outboxDone.find(Filters.eq("_id", id)).first();
                assertThat(done).as("outbox message %s done", id).isNotNull();
                assertThat(done.getString("outcome")).as("outbox message %s", id).isEqualTo("sent");
            }

            int expectedCount = 0;
            int deliveredCount = 0;
            int lost = 0;
            int doubled = 0;
            int doubledNotInFlight = 0;
            List<Replies> perChat = new ArrayList<>();
            for (int i = 0; i < CHATS; i++) {
                List<String> want = expected.getOrDefault(chat(i), List.of());
                List<String> got = telegram.texts(chat(i));
                // A call whose answer the kill cut off is sent once more by the next instance: it then shows twice
                // in a row, the first copy from before the kill, the second from after it.
                List<String> once = new ArrayList<>();
                int chatDoubled = 0;
                for (int k = before[i]; k < got.size(); k++) {
                    boolean repeat = k > before[i] && got.get(k).equals(got.get(k - 1));
                    if (repeat && once.size() < want.size() && want.get(once.size()).equals(got.get(k))) {
                        once.add(got.get(k));
                    } else if (repeat) {
                        chatDoubled++;
                        if (k - 1 >= atKill[i] || k < atKill[i]) {
                            doubledNotInFlight++;
                        }
                    } else {
                        once.add(got.get(k));
                    }
                }
                expectedCount += want.size();
                deliveredCount += got.size() - before[i];
                doubled += chatDoubled;
                lost += Math.max(0, want.size() - once.size());
                perChat.add(new Replies(want, once, chatDoubled));
            }
            System.out.printf("Telegram kill -9 fault suite: %d chats, %d updates sent during the outage, "
                    + "%d replies expected, %d queued at the kill, %d delivered before it (%d of them in flight), "
                    + "%d delivered in all; doubled %d, lost %d%n", CHATS, updates.size(), expectedCount,
                    queuedAtKill, deliveredBeforeKill, inFlight, deliveredCount, doubled, lost);
            assertThat(queuedAtKill).as("replies still queued at the kill").isPositive();
            assertThat(lost).as("replies lost").isZero();
            assertThat(doubledNotInFlight).as("doubled but not in flight at the kill").isZero();
            assertThat(doubled).as("doubled: at most the calls in flight at the kill").isLessThanOrEqualTo(inFlight);
            for (int i = 0; i < CHATS; i++) {
                assertThat(perChat.get(i).doubled()).as("doubled in chat %d: at most its one call in flight", i)
                        .isLessThanOrEqualTo(1);
                assertThat(perChat.get(i).once()).as("replies of chat %d, in order, each once", i)
                        .isEqualTo(perChat.get(i).expected());
            }

            for (int i = 0; i < CHATS; i++) {
                Document stored = db.getCollection("responses").find(Filters.eq("_id", Invitations.responseId(tokens.get(i))))
                        .first();
                assertThat(stored).as("response of chat %d", i).isNotNull();
                Document answers = stored.get("answers", Document.class);
                assertThat(codes(answers, first.id())).as("chat %d, %s", i, first.id())
                        .containsExactly(first.options().get(firstChoice(i) - 1).code());
                assertThat(codes(answers, second.id())).as("chat %d, %s", i, second.id())
                        .containsExactly(second.options().get(secondChoice(i) - 1).code());
                assertThat(answers.keySet()).as("chat %d: no answer filed on a question not answered", i)
                        .doesNotContain("knownApplications", "policy");
                assertThat(stored.get("conversation", Document.class).getString("currentStep"))
                        .as("chat %d asked the third question", i).isEqualTo("knownApplications");
            }
        }
    }

    private record Replies(List<String> expected, List<String> once, int doubled) {
    }

    private static Map<String, String> properties(String database, String telegramUrl) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("spring.mongodb.uri", FerretDb.uri(database));
        properties.put("peilbot.flows.directory", Path.of("conversation-flows").toAbsolutePath().toString());
        properties.put("peilbot.organiser.password", PASSWORD);
        properties.put("peilbot.analyst.password", PASSWORD + "-analyst");
        properties.put("peilbot.telegram.token", FakeTelegram.TOKEN);
        properties.put("peilbot.telegram.username", FakeTelegram.BOT_USERNAME);
        properties.put("peilbot.telegram.api-url", telegramUrl);
        properties.put("peilbot.telegram.mode", "polling");
        properties.put("peilbot.telegram.poll-timeout", "1s");
        properties.put("peilbot.telegram.send-timeout", "2s");
        properties.put("peilbot.telegram.per-chat-interval", "200ms");
        // Short retries and claim expiry, so the test does not wait minutes for the back-off after the outage or
        // for the killed instance's claims to expire.
        properties.put("peilbot.outbox.max-backoff", "2s");
        properties.put("peilbot.outbox.claim-margin", "2s");
        return properties;
    }

    private static long chat(int i) {
        return FIRST_CHAT + i;
    }

    private static int firstChoice(int i) {
        return 1 + i % 5;
    }

    private static int secondChoice(int i) {
        return 1 + (i + 2) % 5;
    }

    /** Waits until the bot confirmed the update and the outbox sent everything it queued. */
    private static void settle(FakeTelegram telegram, MongoCollection<Document> outbox, int update) {
        await().atMost(TIMEOUT).until(() -> telegram.confirmed(update));
        await().atMost(TIMEOUT).until(() -> outbox.countDocuments(Filters.eq("kind", "telegram")) == 0);
    }

    private static int delivered(FakeTelegram telegram, int[] before) {
        int delivered = 0;
        for (int i = 0; i < CHATS; i++) {
            delivered += telegram.texts(chat(i)).size() - before[i];
        }
        return delivered;
    }

    private static JsonNode lastWithKeyboard(List<JsonNode> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).has("reply_markup")) {
                return messages.get(i);
            }
        }
        return null;
    }

    private static List<String> codes(Document answers, String question) {
        Document answer = answers.get(question, Document.class);
        return answer == null ? List.of()
                : answer.getList("choices", Document.class, List.of()).stream().map(c -> c.getString("code")).toList();
    }



}
