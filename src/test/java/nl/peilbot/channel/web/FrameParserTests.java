package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.engine.CommandName;
import nl.peilbot.engine.Inbound;

class FrameParserTests {

    private final FrameParser parser = new FrameParser(JsonMapper.builder().build());

    private ClientFrame parse(String payload) {
        return parser.parse(payload, payload.getBytes(StandardCharsets.UTF_8).length);
    }

    private FrameException rejection(String payload) {
        try {
            parse(payload);
        } catch (FrameException e) {
            return e;
        }
        throw new AssertionError("accepted " + payload);
    }

    @Nested
    class Hello {

        @Test
        void shouldReadTokenAndSurvey() {
            assertThat(parse("{\"type\":\"hello\",\"token\":\"abc\",\"survey\":\"ai-in-hospitals-2020\"}"))
                    .isEqualTo(new ClientFrame.Hello("abc", "ai-in-hospitals-2020"));
        }

        @Test
        void shouldTreatBlankTokenAsAbsent() {
            assertThat(parse("{\"type\":\"hello\",\"token\":\" \",\"survey\":\"s\"}"))
                    .isEqualTo(new ClientFrame.Hello(null, "s"));
        }

        @Test
        void shouldRejectHelloWithoutTokenOrSurvey() {
            assertThat(rejection("{\"type\":\"hello\"}").error()).isEqualTo(ChatError.INVALID_MESSAGE);
        }
    }

    @Nested
    class Messages {

        @Test
        void shouldReadText() {
            assertThat(parse("{\"type\":\"text\",\"id\":\"m1\",\"step\":\"q1\",\"ask\":\"a1\",\"text\":\"Radiologie: beeldherkenning\"}"))
                    .isEqualTo(new ClientFrame.Message("m1", new Inbound.Text("Radiologie: beeldherkenning"), "q1", "a1"));
        }

        @Test
        void shouldReadChoice() {
            assertThat(parse("{\"type\":\"choice\",\"id\":\"m2\",\"step\":\"q1\",\"ask\":\"a1\",\"code\":\"#done\"}"))
                    .isEqualTo(new ClientFrame.Message("m2", new Inbound.Choice("#done"), "q1", "a1"));
        }

        @Test
        void shouldReadCommandInAnyCaseWithArgument() {
            assertThat(parse("{\"type\":\"command\",\"id\":\"m3\",\"step\":\"q1\",\"ask\":\"a1\",\"command\":\"Language\",\"argument\":\"en\"}"))
                    .isEqualTo(new ClientFrame.Message("m3", new Inbound.Command(CommandName.LANGUAGE, "en"), "q1", "a1"));
        }

        @Test
        void shouldReadCommandWithoutArgument() {
            assertThat(parse("{\"type\":\"command\",\"id\":\"m4\",\"step\":\"q1\",\"ask\":\"a1\",\"command\":\"back\"}"))
                    .isEqualTo(new ClientFrame.Message("m4", new Inbound.Command(CommandName.BACK, null), "q1", "a1"));
        }

        @Test
        void shouldIgnoreUnknownFields() {
            assertThat(parse("{\"type\":\"text\",\"id\":\"m5\",\"step\":\"q1\",\"ask\":\"a1\",\"text\":\"ja\",\"sentAt\":123}"))
                    .isEqualTo(new ClientFrame.Message("m5", new Inbound.Text("ja"), "q1", "a1"));
        }

        @Test
        void shouldRefuseAnAnswerThatDoesNotNameItsStepAndAsk() {
            assertThatThrownBy(() -> parse("{\"type\":\"choice\",\"id\":\"m7\",\"code\":\"3\"}"))
                    .isInstanceOfSatisfying(FrameException.class, e -> {
                        assertThat(e.error()).isEqualTo(ChatError.STEP_REQUIRED);
                        assertThat(e.messageId()).isEqualTo("m7");
                    });
            assertThatThrownBy(() -> parse("{\"type\":\"text\",\"id\":\"m8\",\"step\":\"q1\",\"text\":\"3\"}"))
                    .isInstanceOfSatisfying(FrameException.class, e -> assertThat(e.error()).isEqualTo(ChatError.STEP_REQUIRED));
        }

        @Test
        void shouldAcceptFrameOfExactlyTheLimit() {
            String prefix = "{\"type\":\"text\",\"id\":\"m6\",\"step\":\"q1\",\"ask\":\"a1\",\"text\":\"";
            String text = "a".repeat(FrameParser.MAX_FRAME_BYTES - prefix.length() - 2);
            String payload = prefix + text + "\"}";
            assertThat(payload.getBytes(StandardCharsets.UTF_8)).hasSize(FrameParser.MAX_FRAME_BYTES);
            assertThat(parse(payload)).isEqualTo(new ClientFrame.Message("m6", new Inbound.Text(text), "q1", "a1"));
        }
    }

    @Nested
    class Rejections {

        @Test
        void shouldRejectMalformedJson() {
            assertThat(rejection("{\"type\":\"text\",").error()).isEqualTo(ChatError.MALFORMED_JSON);
        }

        @Test
        void shouldRejectJsonThatIsNotAnObject() {
            assertThat(rejection("[1,2]").error()).isEqualTo(ChatError.MALFORMED_JSON);
            assertThat(rejection("\"hello\"").error()).isEqualTo(ChatError.MALFORMED_JSON);
        }

        @Test
        void shouldRejectUnknownOrMissingType() {
            assertThat(rejection("{\"type\":\"vote\",\"id\":\"m1\"}").error()).isEqualTo(ChatError.UNKNOWN_TYPE);
            assertThat(rejection("{\"id\":\"m1\",\"text\":\"ja\"}").error()).isEqualTo(ChatError.UNKNOWN_TYPE);
            assertThat(rejection("{\"type\":7}").error()).isEqualTo(ChatError.UNKNOWN_TYPE);
        }

        @Test
        void shouldRejectMessageWithoutUsableId() {
            assertThat(rejection("{\"type\":\"text\",\"text\":\"ja\"}").error()).isEqualTo(ChatError.MISSING_ID);
            assertThat(rejection("{\"type\":\"text\",\"id\":\"\",\"text\":\"ja\"}").error()).isEqualTo(ChatError.MISSING_ID);
            assertThat(rejection("{\"type\":\"text\",\"id\":42,\"text\":\"ja\"}").error()).isEqualTo(ChatError.MISSING_ID);
            String longId = "x".repeat(FrameParser.MAX_ID_LENGTH + 1);
            assertThat(rejection("{\"type\":\"text\",\"id\":\"" + longId + "\",\"text\":\"ja\"}").error())
                    .isEqualTo(ChatError.MISSING_ID);
        }

        @Test
        void shouldRejectIncompleteMessageNamingItsId() {
            FrameException noText = rejection("{\"type\":\"text\",\"id\":\"m1\",\"text\":\"  \"}");
            assertThat(noText.error()).isEqualTo(ChatError.INVALID_MESSAGE);
            assertThat(noText.messageId()).isEqualTo("m1");
            assertThat(rejection("{\"type\":\"choice\",\"id\":\"m2\"}").messageId()).isEqualTo("m2");
        }

        @Test
        void shouldRejectUnknownCommand() {
            FrameException e = rejection("{\"type\":\"command\",\"id\":\"m1\",\"command\":\"explode\"}");
            assertThat(e.error()).isEqualTo(ChatError.INVALID_MESSAGE);
            assertThat(e.messageId()).isEqualTo("m1");
        }

        @Test
        void shouldRejectFrameOverTheLimitByBytesNotCharacters() {
            String prefix = "{\"type\":\"text\",\"id\":\"m1\",\"text\":\"";
            // 'é' takes two bytes: fewer than 4096 characters, more than 4096 bytes
            String payload = prefix + "é".repeat(2100) + "\"}";
            assertThat(payload.length()).isLessThan(FrameParser.MAX_FRAME_BYTES);
            FrameException e = rejection(payload);
            assertThat(e.error()).isEqualTo(ChatError.FRAME_TOO_LARGE);
            assertThat(e.messageId()).isNull();
        }

        @Test
        void shouldNotEchoInputInTheDetail() {
            assertThatThrownBy(() -> parse("{\"type\":\"text\",\"id\":\"m1\",\"text\":\"\"}"))
                    .hasMessageNotContaining("m1");
        }
    }
}
