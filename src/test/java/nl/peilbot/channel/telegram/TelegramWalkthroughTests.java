package nl.peilbot.channel.telegram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;

import nl.peilbot.channel.web.ChatClient;
import nl.peilbot.channel.web.QuestionnaireWalker;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.testsupport.FerretDb;

/**
 * The Telegram channel end to end in long-polling mode: the running application against a fake Bot API on
 * loopback and a real FerretDB, compared with the web channel on the same questionnaire.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "peilbot.telegram.token=" + FakeTelegram.TOKEN,
        "peilbot.telegram.username=" + FakeTelegram.BOT_USERNAME,
        "peilbot.telegram.poll-timeout=1s",
        "peilbot.telegram.send-timeout=1s",
        "peilbot.telegram.per-chat-interval=0s",
        "peilbot.telegram.per-second=1000"})
class TelegramWalkthroughTests {

    static final String SURVEY = "ai-in-hospitals-2020";
    static final Map<String, String> PROFILE = Map.of(
            "hospital", "Ziekenhuis Testdam", "hospitalType", "topklinisch", "role", "cmio");

    private static final String DATABASE = FerretDb.uniqueDatabase("telegram_walkthrough");
    private static final FakeTelegram telegram = FakeTelegram.startOrFail();
    private static final AtomicLong chats = new AtomicLong(7_000_000_001L);

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.mongodb.uri", () -> FerretDb.uri(DATABASE));
        registry.add("peilbot.telegram.api-url", telegram::url);
    }

    // The fake Bot API stays up until the JVM ends: the cached context (shared by the nested classes, so not dirtied)
    // keeps long-polling it quietly instead of logging connection failures into later tests' output.

    @LocalServerPort
    int port;

    @Autowired
    JsonMapper json;

    @Autowired
    MongoClient mongo;

    @Autowired
    Invitations invitations;

    @Autowired
    Outbox outbox;

    private final Flow flow = Flows.load(Path.of("conversation-flows", SURVEY + ".yaml"));

    private TelegramRespondent respondent() {
        return new TelegramRespondent(telegram, outbox, chats.getAndIncrement());
    }

    private MongoCollection<Document> responses() {
        return mongo.getDatabase(DATABASE).getCollection("responses");
    }

    private Document stored(String responseId) {
        return responses().find(Filters.eq("_id", responseId)).first();
    }

    private record Invited(String token, String responseId) {
    }

    private Invited invite() {
        String token = invitations.create(SURVEY, PROFILE);
        return new Invited(token, invitations.find(token).orElseThrow().responseId());
    }

    /** Answers in Telegram what the walker says until the questionnaire is submitted or {@code steps} run out. */
    private void walk(TelegramRespondent respondent, QuestionnaireWalker walker, String responseId, int steps)
            throws InterruptedException {
        for (int i = 0; i < steps; i++) {
            Document response = stored(responseId);
            if (response.getString("status").equals("completed")) {
                return;
            }
            QuestionnaireWalker.Frame frame = walker.respond(respondent.ask(flow, responses(), responseId));
            switch (frame.type()) {
                case "choice" -> respondent.press(frame.value());
                case "text" -> respondent.send(frame.value());
                case "command" -> respondent.send("/" + BotCommands.named(frame.value()).orElseThrow().name("nl"));
                default -> throw new AssertionError(frame);
            }
        }
    }

    /** Answers on the web what the walker says until submitted or {@code steps} run out; the last ask, or null. */
    private JsonNode walkOnTheWeb(String token, QuestionnaireWalker walker, int steps) throws Exception {
        try (ChatClient chat = ChatClient.connect(json, port)) {
            chat.send(Map.of("type", "hello", "token", token));
            JsonNode ask = ChatClient.last(chat.turn(), "ask");
            for (int i = 0; i < steps; i++) {
                QuestionnaireWalker.Frame frame = walker.respond(ask);
                chat.message(frame.type(), frame.field(), frame.value());
                List<JsonNode> frames = chat.turn();
                if (frames.get(0).get("completed").booleanValue()) {
                    return null;
                }
                ask = ChatClient.last(frames, "ask");
            }
            return ask;
        }
    }

    /** The document without what differs between two walks of the same answers: ids, times, channels, counters. */
    private static Document comparable(Document response) {
        Document copy = Document.parse(response.toJson());
        for (String field : List.of("_id", "startedAt", "updatedAt", "completedAt", "consentedAt", "channels", "recentMessageIds",
                "version")) {
            copy.remove(field);
        }
        copy.get("conversation", Document.class).remove("askedAt");
        copy.get("answers", Document.class).values().forEach(answer -> {
            ((Document) answer).remove("answeredAt");
            ((Document) answer).remove("secondsTaken");
        });
        return copy;
    }

    @Test
    void shouldStoreTheSameDocumentAsTheWebChatForTheSameAnswers() throws Exception {
        Invited onTelegram = invite();
        assertThat(onTelegram.token()).as("fits a deep link's start parameter").matches("[A-Za-z0-9_-]{1,64}");
        TelegramRespondent respondent = respondent();
        respondent.send("/start " + onTelegram.token());
        assertThat(respondent.texts()).as("intro, then the consent question").hasSizeGreaterThanOrEqualTo(2);
        QuestionnaireWalker walker = new QuestionnaireWalker(flow);
        walk(respondent, walker, onTelegram.responseId(), 200);

        Invited onTheWeb = invite();
        walkOnTheWeb(onTheWeb.token(), new QuestionnaireWalker(flow), 200);

        Document telegramDocument = stored(onTelegram.responseId());
        assertThat(telegramDocument.getString("status")).isEqualTo("completed");
        assertThat(telegramDocument.getList("channels", String.class)).containsExactly("telegram");
        assertThat(walker.expected().keySet()).as("every question was asked")
                .containsAll(flow.questions().stream().map(q -> q.id()).toList());
        assertThat(comparable(telegramDocument)).isEqualTo(comparable(stored(onTheWeb.responseId())));
        assertThat(telegramDocument.toJson()).doesNotContain(String.valueOf(respondent.chatId()));
        assertThat(respondent.lastText()).isEqualTo(flow.closing().in("nl"));
        assertThat(respondent.keyboards()).as("no button left to press").isZero();
    }

    @Test
    void shouldRegisterTheCommandsInDutchAndEnglish() {
        List<FakeTelegram.Call> commands = telegram.calls("setMyCommands");
        assertThat(commands).hasSizeGreaterThanOrEqualTo(2);
        JsonNode dutch = commands.stream().map(FakeTelegram.Call::body).filter(b -> !b.has("language_code")).findFirst()
                .orElseThrow();
        JsonNode english = commands.stream().map(FakeTelegram.Call::body)
                .filter(b -> b.has("language_code") && b.get("language_code").asString().equals("en")).findFirst()
                .orElseThrow();
        assertThat(dutch.get("commands").valueStream().map(c -> c.get("command").asString()))
                .containsExactly("start", "terug", "overslaan", "help", "taal", "status", "opnieuw", "mijngegevens", "verwijder");
        assertThat(english.get("commands").valueStream().map(c -> c.get("command").asString()))
                .containsExactly("start", "back", "skip", "help", "language", "status", "restart", "mydata", "delete");
        assertThat(dutch.get("commands").get(1).get("description").asString()).isEqualTo("Terug naar de vorige vraag");
        assertThat(telegram.calls("deleteWebhook")).as("long polling needs the webhook removed").isNotEmpty();
    }

    @Test
    void shouldShowTheAnswersAndDeleteThemAfterAYesInTelegram() throws Exception {
        Invited invited = invite();
        TelegramRespondent respondent = respondent();
        respondent.send("/start " + invited.token());
        respondent.press("#yes");

        respondent.send("/mijngegevens");
        assertThat(String.join("\n", respondent.texts())).contains("Dit zijn alle antwoorden", "Ziekenhuis Testdam");
        respondent.send("mijn gegevens");
        assertThat(stored(invited.responseId())).isNotNull();

        respondent.send("/verwijder");
        assertThat(stored(invited.responseId())).as("nothing is deleted before the yes").isNotNull();
        respondent.press("#yes");

        assertThat(stored(invited.responseId())).isNull();
        assertThat(respondent.lastText()).contains("verwijderd");
        assertThat(mongo.getDatabase(DATABASE).getCollection("channelBindings")
                .countDocuments(Filters.eq("responseId", invited.responseId()))).isZero();
        respondent.send("/start " + invited.token());
        assertThat(respondent.lastText()).contains("ingetrokken");
        assertThat(stored(invited.responseId())).as("the link does not begin a new response").isNull();
    }

    @Nested
    class ExactlyOnce {

        @Test
        void shouldApplyAnUpdateDeliveredTwiceOnce() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            respondent.press("#yes");
            Document before = stored(invited.responseId());
            JsonNode question = respondent.lastWithKeyboard();
            String data = question.get("reply_markup").get("inline_keyboard").get(0).get(0).get("callback_data").asString();
            int update = telegram.press(respondent.chatId(), question.get("message_id").asInt(), data);
            telegram.deliverAgain(update);
            respondent.settled(update);
            Document after = stored(invited.responseId());
            assertThat(after.getLong("version")).isEqualTo(before.getLong("version") + 1);
            assertThat(after.getList("recentMessageIds", String.class)).containsOnlyOnce("tg:" + update);
            assertThat(after.get("answers", Document.class)).hasSize(before.get("answers", Document.class).size() + 1);
        }

        @Test
        void shouldIgnoreASecondPressOfTheSameButton() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            JsonNode consent = respondent.lastWithKeyboard();
            String yes = consent.get("reply_markup").get("inline_keyboard").get(0).get(0).get("callback_data").asString();
            respondent.press(consent.get("message_id").asInt(), yes);
            Document once = stored(invited.responseId());
            int before = telegram.calls("answerCallbackQuery").size();
            respondent.press(consent.get("message_id").asInt(), yes);
            Document twice = stored(invited.responseId());
            assertThat(twice.getLong("version")).isEqualTo(once.getLong("version"));
            assertThat(twice.get("answers")).isEqualTo(once.get("answers"));
            List<FakeTelegram.Call> callbacks = telegram.calls("answerCallbackQuery");
            assertThat(callbacks).hasSize(before + 1);
            assertThat(callbacks.get(callbacks.size() - 1).body().get("text").asString()).isEqualTo("Deze vraag is al beantwoord.");
            JsonNode answered = telegram.messages(respondent.chatId()).stream()
                    .filter(m -> m.get("message_id").asInt() == consent.get("message_id").asInt()).findFirst().orElseThrow();
            assertThat(answered.has("reply_markup")).as("the consent question's buttons are gone").isFalse();
            assertThat(answered.get("text").asString()).as("and it shows the answer")
                    .isEqualTo(consent.get("text").asString() + "\n\n" + MessageRenderer.TICK + "Ja, ik doe mee");
        }

        @Test
        void shouldTickMultipleChoicesOnTheSameMessage() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            QuestionnaireWalker walker = new QuestionnaireWalker(flow);
            while (!respondent.ask(flow, responses(), invited.responseId()).get("input").asString().equals("multiple_choice")) {
                walk(respondent, walker, invited.responseId(), 1);
            }
            JsonNode question = respondent.lastWithKeyboard();
            int sent = respondent.texts().size();
            walk(respondent, walker, invited.responseId(), 1);
            JsonNode ticked = respondent.lastWithKeyboard();
            assertThat(respondent.texts()).as("a toggle sends no new message").hasSize(sent);
            assertThat(ticked.get("message_id")).isEqualTo(question.get("message_id"));
            assertThat(ticked.get("reply_markup").toString()).contains(MessageRenderer.TICK.strip());
        }
    }

    @Nested
    class HandOver {

        @Test
        void shouldContinueInTelegramWhereTheWebLeftOff() throws Exception {
            Invited invited = invite();
            QuestionnaireWalker walker = new QuestionnaireWalker(flow);
            JsonNode askedOnTheWeb = walkOnTheWeb(invited.token(), walker, 6);
            Document onTheWeb = stored(invited.responseId());
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            assertThat(respondent.texts().get(0)).isEqualTo("Welkom terug! We gaan verder waar u was gebleven.");
            assertThat(respondent.lastText()).startsWith(askedOnTheWeb.get("text").asString());
            assertThat(respondent.ask(flow, responses(), invited.responseId()).get("step"))
                    .isEqualTo(askedOnTheWeb.get("step"));
            Document resumed = stored(invited.responseId());
            assertThat(resumed.get("answers")).isEqualTo(onTheWeb.get("answers"));
            walk(respondent, walker, invited.responseId(), 200);
            assertThat(stored(invited.responseId()).getList("channels", String.class)).containsExactly("web", "telegram");
            assertThat(stored(invited.responseId()).getString("status")).isEqualTo("completed");
        }

        @Test
        void shouldContinueOnTheWebWhereTelegramLeftOff() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            QuestionnaireWalker walker = new QuestionnaireWalker(flow);
            walk(respondent, walker, invited.responseId(), 5);
            Document inTelegram = stored(invited.responseId());
            try (ChatClient chat = ChatClient.connect(json, port)) {
                chat.send(Map.of("type", "hello", "token", invited.token()));
                JsonNode ask = ChatClient.last(chat.turn(), "ask");
                assertThat(ask.get("step").asString())
                        .isEqualTo(inTelegram.get("conversation", Document.class).getString("currentStep"));
            }
            walkOnTheWeb(invited.token(), walker, 200);
            Document done = stored(invited.responseId());
            assertThat(done.getString("status")).isEqualTo("completed");
            assertThat(done.getList("channels", String.class)).containsExactly("telegram", "web");
        }
    }

    @Nested
    class Invitations_ {

        @Test
        void shouldRefuseAnInvitationBoundToAnotherTelegramUser() throws Exception {
            Invited invited = invite();
            TelegramRespondent first = respondent();
            first.send("/start " + invited.token());
            first.press("#yes");
            Document before = stored(invited.responseId());
            TelegramRespondent second = respondent();
            second.send("/start " + invited.token());
            assertThat(second.texts()).containsExactly(
                    "Deze uitnodiging is al in gebruik in een ander Telegram-account. Vraag de onderzoekers om een eigen uitnodiging.");
            second.send("1");
            assertThat(second.lastText()).startsWith("Voor deze vragenlijst heeft u een persoonlijke uitnodiging nodig.");
            assertThat(stored(invited.responseId())).isEqualTo(before);
            first.send("/start " + invited.token());
            assertThat(first.lastMessage().has("reply_markup")).as("the first user goes on").isTrue();
        }

        @Test
        void shouldExplainHowToGetAnInvitationOnStartWithoutOne() throws Exception {
            TelegramRespondent respondent = respondent();
            respondent.send("/start");
            assertThat(respondent.texts()).containsExactly("Voor deze vragenlijst heeft u een persoonlijke uitnodiging "
                    + "nodig. Open de Telegram-link uit uw uitnodiging, of vraag de onderzoekers om een uitnodiging.");
            int english = telegram.text(respondent.chatId(), "/start", "en");
            respondent.settled(english);
            assertThat(respondent.lastText()).startsWith("This questionnaire needs a personal invitation.");
        }

        @Test
        void shouldSayAnUnknownTokenIsNotValid() throws Exception {
            TelegramRespondent respondent = respondent();
            respondent.send("/start NoSuchToken_123");
            assertThat(respondent.texts()).containsExactly(
                    "Deze uitnodigingslink is niet (meer) geldig. Controleer de link in uw uitnodiging.");
        }
    }

    @Nested
    class Messages {

        @Test
        void shouldAnswerAStickerPolitelyAndRecordNothing() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            Document before = stored(invited.responseId());
            respondent.sticker();
            assertThat(respondent.lastText()).isEqualTo("Ik kan alleen tekst lezen. Typ uw antwoord, of gebruik de knoppen.");
            assertThat(stored(invited.responseId())).isEqualTo(before);
        }

        @Test
        void shouldDeliverEveryMessageInOrderThroughA429Burst() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            int calls = telegram.calls("sendMessage").size();
            telegram.answerTooManyRequests(2, 1);
            long started = System.nanoTime();
            respondent.send("/start " + invited.token());
            assertThat(respondent.texts()).containsExactly(flow.intro().in("nl"), flow.consent().in("nl") + "\n" + flow.privacy().in("nl"));
            assertThat(telegram.calls("sendMessage")).hasSize(calls + 2 + 2);
            assertThat(System.nanoTime() - started).as("waited retry_after twice")
                    .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(2).toNanos());
        }

        @Test
        void shouldUnderstandTheDutchAndEnglishCommands() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            respondent.press("#yes");
            respondent.send("/status");
            assertThat(respondent.texts()).anyMatch(text -> text.startsWith("We vragen eerst een paar gegevens")
                    || text.startsWith("U bent bij vraag"));
            respondent.send("/language");
            Document english = stored(invited.responseId());
            assertThat(english.getString("language")).isEqualTo("en");
            respondent.send("/taal nl");
            assertThat(stored(invited.responseId()).getString("language")).isEqualTo("nl");
            respondent.send("/help");
            assertThat(respondent.texts()).anyMatch(text -> text.startsWith("U kunt altijd een van deze woorden typen"));
            List<String> before = new ArrayList<>(respondent.texts());
            respondent.send("/terug");
            assertThat(respondent.texts()).hasSizeGreaterThan(before.size());
        }
    }

    /** Through the durable outbox: redeliveries, outages, a hanging call, commands and pastes. */
    @Nested
    class Delivery {

        private long sent(TelegramRespondent respondent) {
            return telegram.messages(respondent.chatId()).size();
        }

        /** Texts the chat received more than once. */
        private long doubled(TelegramRespondent respondent) {
            return respondent.texts().stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                    .values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        }

        private TelegramRespondent started(Invited invited) throws InterruptedException {
            TelegramRespondent respondent = respondent();
            respondent.send("/start " + invited.token());
            return respondent;
        }

        /** Walks to the first question answered by typing; returns its step. */
        private String atTextQuestion(TelegramRespondent respondent, QuestionnaireWalker walker, String responseId)
                throws InterruptedException {
            for (int i = 0; i < 40; i++) {
                JsonNode ask = respondent.ask(flow, responses(), responseId);
                if (ask.get("input").asString().equals("text") && !ask.get("step").asString().startsWith("#")) {
                    return ask.get("step").asString();
                }
                walk(respondent, walker, responseId, 1);
            }
            throw new AssertionError("no question answered by typing");
        }

        @Test
        void shouldSendEveryReplyOnceWhenEveryUpdateComesTwice() throws Exception {
            Invited once = invite();
            TelegramRespondent single = started(once);
            walk(single, new QuestionnaireWalker(flow), once.responseId(), 200);

            Invited twice = invite();
            telegram.deliverEverythingTwice(true);
            TelegramRespondent repeated;
            try {
                repeated = started(twice);
                walk(repeated, new QuestionnaireWalker(flow), twice.responseId(), 200);
            } finally {
                telegram.deliverEverythingTwice(false);
            }
            System.out.printf("Telegram, every update twice: sent %d (once: %d), doubled %d, lost %d%n", sent(repeated),
                    sent(single), doubled(repeated), Math.max(0, sent(single) - sent(repeated)));
            assertThat(repeated.texts()).as("the same messages, each once").isEqualTo(single.texts());
            assertThat(sent(repeated)).isEqualTo(sent(single));
            assertThat(repeated.keyboards()).as("at most one live keyboard").isEqualTo(single.keyboards()).isLessThanOrEqualTo(1);
            assertThat(comparable(stored(twice.responseId()))).isEqualTo(comparable(stored(once.responseId())));
        }

        @Test
        void shouldDeliverEverythingOnceInOrderThroughAnOutage() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = respondent();
            telegram.answerServerErrors(3);
            respondent.send("/start " + invited.token());
            respondent.press("#yes");
            System.out.printf("Telegram, three 502s: sent %d, doubled %d%n", sent(respondent), doubled(respondent));
            assertThat(respondent.texts()).hasSize(3).startsWith(flow.intro().in("nl"));
            assertThat(doubled(respondent)).isZero();
            assertThat(respondent.keyboards()).isEqualTo(1);
        }

        @Test
        void shouldHoldUpOnlyTheChatWhoseCallHangs() throws Exception {
            Invited slow = invite();
            Invited quick = invite();
            TelegramRespondent stalled = respondent();
            TelegramRespondent other = respondent();
            telegram.stallNextSend(stalled.chatId(), Duration.ofSeconds(6));
            int stalledStart = telegram.text(stalled.chatId(), "/start " + slow.token());
            await().atMost(Duration.ofSeconds(10)).until(telegram::stalling);
            int otherStart = telegram.text(other.chatId(), "/start " + quick.token());
            await().atMost(Duration.ofSeconds(10)).until(() -> other.texts().size() == 2);
            boolean stillHanging = telegram.stalling();
            assertThat(telegram.confirmed(otherStart)).as("the poller went on").isTrue();
            assertThat(stillHanging).as("the other chat was served while the call hung").isTrue();
            assertThat(telegram.confirmed(stalledStart)).isTrue();
            await().atMost(Duration.ofSeconds(20)).until(() -> stalled.texts().size() == 2);
            TelegramRespondent.awaitSent(outbox);
            System.out.printf("Telegram, one call hanging 6 s (time-out 1 s): other chat served meanwhile; sent %d, doubled %d%n",
                    sent(stalled), doubled(stalled));
            assertThat(stalled.texts()).containsExactly(flow.intro().in("nl"), flow.consent().in("nl") + "\n" + flow.privacy().in("nl"));
            assertThat(stalled.keyboards()).isEqualTo(1);
        }

        @Test
        void shouldAnswerAnUnknownCommandAndStoreNothing() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = started(invited);
            String step = atTextQuestion(respondent, new QuestionnaireWalker(flow), invited.responseId());
            Document before = stored(invited.responseId());
            respondent.send("/foo");
            Document after = stored(invited.responseId());
            assertThat(respondent.lastText()).contains("/help").contains("Unknown command");
            assertThat(after.get("answers", Document.class)).isEqualTo(before.get("answers", Document.class));
            assertThat(after.get("answers", Document.class).containsKey(step)).isFalse();
            assertThat(after.getLong("version")).isEqualTo(before.getLong("version"));
        }

        private static final String TOO_LONG = "Dat antwoord is te lang";

        private long tooLongHints(TelegramRespondent respondent) {
            return respondent.texts().stream().filter(text -> text.contains(TOO_LONG)).count();
        }

        /**
         * The engine takes at most 2000 characters of free text, so a paste long enough for Telegram to split is
         * refused as a whole; unjoined, its tail would be taken as the answer.
         */
        @Test
        void shouldTakeAPasteTelegramSplitAsOneMessage() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = started(invited);
            String step = atTextQuestion(respondent, new QuestionnaireWalker(flow), invited.responseId());
            Document before = stored(invited.responseId());
            String head = "Dit is mijn antwoord. ".repeat(180).strip();
            String tail = "En dit is het einde.";
            assertThat(head.length()).isBetween(UpdateHandler.PASTE_PART_MIN, TextSplitter.TELEGRAM_LIMIT);
            telegram.text(respondent.chatId(), head);
            respondent.send(tail);
            TelegramRespondent.awaitSent(outbox);
            Document after = stored(invited.responseId());
            System.out.printf("Telegram, paste split in two: %d reply, %d answers stored from it%n", tooLongHints(respondent),
                    after.get("answers", Document.class).size() - before.get("answers", Document.class).size());
            assertThat(tooLongHints(respondent)).as("one reply to the whole paste").isEqualTo(1);
            assertThat(after.get("answers", Document.class)).as("the tail answers no question")
                    .isEqualTo(before.get("answers", Document.class)).doesNotContainKey(step);
            assertThat(respondent.ask(flow, responses(), invited.responseId()).get("step").asString()).isEqualTo(step);
        }

        @Test
        void shouldAnswerALongTextWithoutContinuationAfterAMoment() throws Exception {
            Invited invited = invite();
            TelegramRespondent respondent = started(invited);
            atTextQuestion(respondent, new QuestionnaireWalker(flow), invited.responseId());
            respondent.send("Dit is mijn antwoord. ".repeat(175).strip());
            await().atMost(Duration.ofSeconds(20)).until(() -> tooLongHints(respondent) == 1);
            String shorter = "Een korter antwoord.";
            respondent.send(shorter);
            assertThat(stored(invited.responseId()).get("answers", Document.class).toJson()).contains(shorter);
            assertThat(tooLongHints(respondent)).isEqualTo(1);
        }
    }
}
