package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.conversation.Access;
import nl.peilbot.conversation.Conversations;
import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.conversation.StorageUnavailableException;
import nl.peilbot.conversation.UnknownAccessException;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;

/**
 * The handler's translation between frames and the conversation module, with an in-test {@link Conversations}
 * (our own interface); the walk against the real application is {@code WebChatWalkthroughTests}.
 */
class ChatSocketHandlerTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final FakeConversations conversations = new FakeConversations();
    private final RecordingSocket socket = new RecordingSocket();
    private final ChatSocketHandler handler = handler(new ChatRateLimit(20, 4));

    private ChatSocketHandler handler(ChatRateLimit limit) {
        ChatSocketHandler handler = new ChatSocketHandler(conversations, new FrameParser(json), new ServerFrames(json),
                texts(), limit);
        handler.afterConnectionEstablished(socket);
        return handler;
    }

    private static ResourceBundleMessageSource texts() {
        ResourceBundleMessageSource texts = new ResourceBundleMessageSource();
        texts.setBasename("messages");
        texts.setDefaultEncoding(StandardCharsets.UTF_8.name());
        texts.setFallbackToSystemLocale(false);
        return texts;
    }

    private List<JsonNode> send(String frame) throws Exception {
        return send(handler, frame);
    }

    private List<JsonNode> send(ChatSocketHandler handler, String frame) throws Exception {
        handler.handleMessage(socket, new TextMessage(frame));
        return socket.take().stream().map(json::readTree).toList();
    }

    private static List<String> types(List<JsonNode> frames) {
        return frames.stream().map(frame -> frame.get("type").stringValue()).toList();
    }

    private static JsonNode onlyError(List<JsonNode> frames) {
        assertThat(types(frames)).containsExactly("error");
        return frames.get(0);
    }

    @Nested
    class Opening {

        @Test
        void shouldOpenWithTokenAndSendSessionTranscriptAndStep() throws Exception {
            List<JsonNode> frames = send("{\"type\":\"hello\",\"token\":\"good\"}");
            assertThat(types(frames)).containsExactly("session", "transcript", "ask");
            assertThat(conversations.opened).containsExactly(new Access("good", null));
            assertThat(socket.getAttributes()).containsEntry(ChatSocketHandler.RESPONSE_ID, "r_good");
        }

        @Test
        void shouldOpenOpenLinkAndPassTheMintedToken() throws Exception {
            List<JsonNode> frames = send("{\"type\":\"hello\",\"survey\":\"ai-in-hospitals-2020\"}");
            assertThat(frames.get(0).get("token").stringValue()).isEqualTo("minted");
            assertThat(conversations.opened).containsExactly(new Access(null, "ai-in-hospitals-2020"));
        }

        @Test
        void shouldAnswerUnknownTokenWithErrorAndStayUsable() throws Exception {
            JsonNode error = onlyError(send("{\"type\":\"hello\",\"token\":\"wrong\"}"));
            assertThat(error.get("code").stringValue()).isEqualTo("unknown_token");
            assertThat(error.get("message").stringValue()).contains("link");
            assertThat(socket.getAttributes()).doesNotContainKey(ChatSocketHandler.RESPONSE_ID);
            assertThat(types(send("{\"type\":\"hello\",\"token\":\"good\"}"))).startsWith("session");
        }

        @Test
        void shouldAnswerUnknownSurveyOfOpenLink() throws Exception {
            assertThat(onlyError(send("{\"type\":\"hello\",\"survey\":\"nope\"}")).get("code").stringValue())
                    .isEqualTo("unknown_survey");
        }
    }

    @Nested
    class Messages {

        @Test
        void shouldRefuseMessageBeforeHello() throws Exception {
            JsonNode error = onlyError(send("{\"type\":\"text\",\"id\":\"m1\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"ja\"}"));
            assertThat(error.get("code").stringValue()).isEqualTo("hello_required");
            assertThat(error.get("id").stringValue()).isEqualTo("m1");
            assertThat(conversations.handled).isEmpty();
        }

        @Test
        void shouldHandOverMessageWithItsIdAndAcknowledgeIt() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            List<JsonNode> frames = send("{\"type\":\"choice\",\"id\":\"m1\",\"step\":\"#consent\",\"ask\":\"k1\",\"code\":\"#yes\"}");
            assertThat(conversations.handled).containsExactly("r_good m1 Choice[code=#yes] web #consent k1");
            assertThat(types(frames)).containsExactly("ack", "say", "ask");
            assertThat(frames.get(0).get("id").stringValue()).isEqualTo("m1");
            assertThat(frames.get(0).get("outcome").stringValue()).isEqualTo("applied");
        }

        @Test
        void shouldSwitchErrorLanguageWhenTheConversationDoes() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            send("{\"type\":\"command\",\"id\":\"m1\",\"step\":\"#consent\",\"ask\":\"k1\",\"command\":\"language\",\"argument\":\"en\"}");
            JsonNode error = onlyError(send("{\"type\":\"vote\"}"));
            assertThat(error.get("message").stringValue()).isEqualTo("Peilbot does not know this kind of message.");
        }

        @Test
        void shouldReportFailureWithoutDetailsAndStayUsable() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            JsonNode error = onlyError(send("{\"type\":\"text\",\"id\":\"m1\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"boom\"}"));
            assertThat(error.get("code").stringValue()).isEqualTo("internal_error");
            assertThat(error.get("id").stringValue()).as("the client can re-send the same id").isEqualTo("m1");
            assertThat(error.toString()).doesNotContain("boom");
            assertThat(types(send("{\"type\":\"text\",\"id\":\"m2\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"ja\"}"))).startsWith("ack");
        }
    }

    @Nested
    class Refusals {

        @Test
        void shouldRefuseAnAnswerWithoutItsStepWithoutHandingItOver() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            JsonNode error = onlyError(send("{\"type\":\"choice\",\"id\":\"m1\",\"code\":\"3\"}"));
            assertThat(error.get("code").stringValue()).isEqualTo("step_required");
            assertThat(error.get("id").stringValue()).isEqualTo("m1");
            assertThat(conversations.handled).isEmpty();
        }

        @Test
        void shouldAnswerUnavailableWithTheMessageIdAndARetryHintWhenTheDatabaseIsDown() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            JsonNode error = onlyError(send("{\"type\":\"text\",\"id\":\"m1\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"down\"}"));
            assertThat(error.get("code").stringValue()).isEqualTo("unavailable");
            assertThat(error.get("id").stringValue()).isEqualTo("m1");
            assertThat(error.get("retryAfterMs").longValue()).isPositive();
            assertThat(error.get("message").stringValue()).contains("Probeer het zo nog eens");
        }

        @Test
        void shouldRefuseFramesBeyondTheBurstUntilTheBucketRefills() throws Exception {
            ChatSocketHandler strict = handler(new ChatRateLimit(3, 0.01));
            send(strict, "{\"type\":\"hello\",\"token\":\"good\"}");
            send(strict, "{\"type\":\"text\",\"id\":\"m1\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"ja\"}");
            send(strict, "{\"type\":\"text\",\"id\":\"m2\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"ja\"}");
            JsonNode error = onlyError(send(strict,
                    "{\"type\":\"text\",\"id\":\"m3\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"ja\"}"));
            assertThat(error.get("code").stringValue()).isEqualTo("rate_limited");
            assertThat(error.get("id").stringValue()).isEqualTo("m3");
            assertThat(error.get("retryAfterMs").longValue()).isPositive();
            assertThat(conversations.handled).hasSize(2);
        }

        @Test
        void shouldCloseEveryChatWithGoingAwayAtShutdownAndTakeNoMoreTurns() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            handler.closeAll(java.time.Duration.ofSeconds(5));
            assertThat(socket.closeStatus()).isNotNull();
            assertThat(socket.closeStatus().getCode()).isEqualTo(1001);
            assertThat(socket.closeStatus().getReason()).isNotBlank();
            assertThat(send("{\"type\":\"text\",\"id\":\"m1\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"ja\"}")).isEmpty();
            assertThat(conversations.handled).isEmpty();
        }
    }

    @Nested
    class BadFrames {

        @Test
        void shouldAnswerInDutchByDefault() throws Exception {
            JsonNode error = onlyError(send("not json"));
            assertThat(error.get("code").stringValue()).isEqualTo("malformed_json");
            assertThat(error.get("message").stringValue()).isEqualTo("Dit bericht kon niet worden gelezen. Probeer het opnieuw.");
        }

        @Test
        void shouldAnswerInTheBrowsersLanguageBeforeHello() throws Exception {
            socket.acceptLanguage("en-GB,en;q=0.9");
            assertThat(onlyError(send("{}")).get("message").stringValue())
                    .isEqualTo("Peilbot does not know this kind of message.");
        }

        @Test
        void shouldAnswerOversizedFrameAndStayUsable() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            String big = "{\"type\":\"text\",\"id\":\"m1\",\"text\":\"" + "x".repeat(5000) + "\"}";
            assertThat(onlyError(send(big)).get("code").stringValue()).isEqualTo("frame_too_large");
            assertThat(conversations.handled).isEmpty();
            assertThat(types(send("{\"type\":\"text\",\"id\":\"m2\",\"step\":\"#consent\",\"ask\":\"k1\",\"text\":\"ja\"}"))).startsWith("ack");
        }

        @Test
        void shouldAnswerMissingId() throws Exception {
            send("{\"type\":\"hello\",\"token\":\"good\"}");
            assertThat(onlyError(send("{\"type\":\"text\",\"text\":\"ja\"}")).get("code").stringValue())
                    .isEqualTo("missing_id");
        }
    }

    /** Opens "good" and open links of ai-in-hospitals-2020; fails on text "boom"; switches language on command. */
    static final class FakeConversations implements Conversations {

        final List<Access> opened = new ArrayList<>();
        final List<String> handled = new ArrayList<>();
        private final Outbound.Ask ask = new Outbound.Ask("#consent", "Doet u mee?", Outbound.InputKind.SINGLE_CHOICE,
                List.of(), List.of(), null);

        @Override
        public Session open(Access access, String channel) {
            opened.add(access);
            if ("good".equals(access.token())) {
                return new Session("r_good", null, "nl", List.of(), List.of(ask), false);
            }
            if (access.token() == null && "ai-in-hospitals-2020".equals(access.surveyId())) {
                return new Session("r_open", "minted", "nl", List.of(), List.of(ask), false);
            }
            throw new UnknownAccessException("no such invitation");
        }

        @Override
        public Reply handle(String responseId, String clientMessageId, Inbound input, String channel,
                            String expectedStep, String expectedAsk) {
            if (input instanceof Inbound.Text text && text.text().equals("boom")) {
                throw new IllegalStateException("failed on boom");
            }
            if (input instanceof Inbound.Text text && text.text().equals("down")) {
                throw new StorageUnavailableException("no server", null);
            }
            handled.add(responseId + " " + clientMessageId + " " + input + " " + channel + " " + expectedStep + " "
                    + expectedAsk);
            String language = input instanceof Inbound.Command ? "en" : "nl";
            return new Reply(Reply.Outcome.APPLIED, language, List.of(new Outbound.Say("Dank"), ask), false);
        }

        // The web channel uses none of the chat-binding methods.
        @Override
        public Session open(Access access, String channel, String channelUserId) {
            throw new UnsupportedOperationException("not a web channel method");
        }

        @Override
        public java.util.Optional<Session> resume(String channel, String channelUserId) {
            throw new UnsupportedOperationException("not a web channel method");
        }

        @Override
        public Reply handle(String responseId, String clientMessageId, Inbound input, String channel) {
            throw new UnsupportedOperationException("the web channel always names the step");
        }

        @Override
        public Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep) {
            throw new UnsupportedOperationException("the web channel always names the ask too");
        }

        @Override
        public List<Outbound> current(String responseId) {
            throw new UnsupportedOperationException("not a web channel method");
        }

        @Override
        public java.util.Optional<String> channelUser(String channel, String responseId) {
            throw new UnsupportedOperationException("not a web channel method");
        }
    }
}
