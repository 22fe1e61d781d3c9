package nl.peilbot.channel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.engine.Button;
import nl.peilbot.engine.Outbound;
import nl.peilbot.engine.Progress;
import nl.peilbot.engine.TranscriptEntry;
import nl.peilbot.flow.LocalizedText;

class ServerFramesTests {

    private final JsonMapper json = JsonMapper.builder().build();
    private final ServerFrames frames = new ServerFrames(json);

    private JsonNode read(String frame) {
        return json.readTree(frame);
    }

    static final Outbound.Ask FAMILIARITY = new Outbound.Ask("familiarity", "Bent u bekend met AI?",
            Outbound.InputKind.SINGLE_CHOICE,
            List.of(new Button("familiar", "Bekend", 1), new Button("unfamiliar", "Onbekend", 2)),
            List.of(), new Progress(1, 14, "vraag 1 van 14"));

    @Nested
    class Messages {

        @Test
        void shouldRenderSay() {
            assertThat(read(frames.message(new Outbound.Say("Welkom"))))
                    .isEqualTo(read("{\"type\":\"say\",\"text\":\"Welkom\"}"));
        }

        @Test
        void shouldRenderAskWithButtonsAndProgress() {
            assertThat(read(frames.message(FAMILIARITY))).isEqualTo(read("""
                    {"type":"ask","step":"familiarity","text":"Bent u bekend met AI?","input":"single_choice",
                     "buttons":[{"code":"familiar","label":"Bekend","number":1},
                                {"code":"unfamiliar","label":"Onbekend","number":2}],
                     "selected":[],"progress":{"current":1,"total":14,"text":"vraag 1 van 14"}}"""));
        }

        @Test
        void shouldOmitProgressOutsideNumberedQuestions() {
            Outbound.Ask consent = new Outbound.Ask("#consent", "Doet u mee?", Outbound.InputKind.SINGLE_CHOICE,
                    List.of(new Button("#yes", "Ja", 0), new Button("#no", "Nee", 0)), List.of(), null);
            JsonNode frame = read(frames.message(consent));
            assertThat(frame.has("progress")).isFalse();
            assertThat(frame.get("buttons").get(0).get("number").intValue()).isZero();
        }

        @Test
        void shouldRenderDetailsToFold() {
            Outbound.Ask consent = new Outbound.Ask("#consent", "Doet u mee?", Outbound.InputKind.SINGLE_CHOICE,
                    List.of(new Button("#yes", "Ja", 0)), List.of(), null, "a1",
                    new Outbound.Details("Meer over privacy", "Wij bewaren uw antwoorden."));
            assertThat(read(frames.message(consent)).get("details"))
                    .isEqualTo(read("{\"summary\":\"Meer over privacy\",\"text\":\"Wij bewaren uw antwoorden.\"}"));
            assertThat(read(frames.message(FAMILIARITY)).has("details")).isFalse();
        }

        @Test
        void shouldRenderSelectedCodesOfMultipleChoice() {
            Outbound.Ask ask = new Outbound.Ask("knownApplications", "Welke?", Outbound.InputKind.MULTIPLE_CHOICE,
                    List.of(new Button("imaging", "Beeldherkenning", 1), new Button("#done", "Klaar", 0)),
                    List.of("imaging"), new Progress(3, 14, "vraag 3 van 14"));
            JsonNode frame = read(frames.message(ask));
            assertThat(frame.get("input").stringValue()).isEqualTo("multiple_choice");
            assertThat(frame.get("selected").get(0).stringValue()).isEqualTo("imaging");
        }

        @Test
        void shouldRenderTextInput() {
            Outbound.Ask ask = new Outbound.Ask("policyTopics", "Welke onderwerpen?", Outbound.InputKind.TEXT,
                    List.of(), List.of(), new Progress(5, 14, "vraag 5 van 14"));
            assertThat(read(frames.message(ask)).get("input").stringValue()).isEqualTo("text");
        }

        @Test
        void shouldNameTheEndsOfARatingScale() {
            Outbound.Ask ask = new Outbound.Ask("digitalMaturity", "Hoe digitaal?", Outbound.InputKind.RATING,
                    List.of(new Button("1", "1", 0), new Button("2", "2", 0)), List.of(), null, "a1", null,
                    new Outbound.Scale("Nog op papier", "Volledig digitaal"), null);
            JsonNode frame = read(frames.message(ask));
            assertThat(frame.get("scale")).isEqualTo(read("{\"low\":\"Nog op papier\",\"high\":\"Volledig digitaal\"}"));
            assertThat(frame.has("number")).isFalse();
        }

        @Test
        void shouldTellHowANumberIsTyped() {
            Outbound.Ask ask = new Outbound.Ask("gpFte", "Hoeveel fte?", Outbound.InputKind.TEXT, List.of(), List.of(),
                    null, "a1", null, null, new Outbound.NumberEntry(1, "fte"));
            JsonNode frame = read(frames.message(ask));
            assertThat(frame.get("number")).isEqualTo(read("{\"decimals\":1,\"unit\":\"fte\"}"));
            assertThat(frame.has("scale")).isFalse();
        }
    }

    @Nested
    class Sessions {

        @Test
        void shouldSendSessionThenTranscriptThenCurrentStep() {
            Session session = new Session("r_1", "minted-token", "nl",
                    List.of(new TranscriptEntry(TranscriptEntry.Speaker.BOT, "Doet u mee?"),
                            new TranscriptEntry(TranscriptEntry.Speaker.RESPONDENT, "Ja")),
                    List.of(FAMILIARITY), false);
            List<JsonNode> sent = frames.session(session).stream().map(ServerFramesTests.this::read).toList();
            assertThat(sent).extracting(frame -> frame.get("type").stringValue())
                    .containsExactly("session", "transcript", "ask");
            assertThat(sent.get(0)).isEqualTo(read(
                    "{\"type\":\"session\",\"token\":\"minted-token\",\"language\":\"nl\",\"completed\":false}"));
            assertThat(sent.get(1)).isEqualTo(read("""
                    {"type":"transcript","entries":[{"speaker":"bot","text":"Doet u mee?"},
                                                    {"speaker":"respondent","text":"Ja"}]}"""));
        }

        @Test
        void shouldOmitTokenWhenNoneWasMinted() {
            Session session = new Session("r_1", null, "en", List.of(), List.of(new Outbound.Say("Thanks")), true);
            JsonNode first = read(frames.session(session).get(0));
            assertThat(first.has("token")).isFalse();
            assertThat(first.get("completed").booleanValue()).isTrue();
            assertThat(read(frames.session(session).get(1)).get("entries")).isEmpty();
        }

        @Test
        void shouldNameTheSurveyAndItsOrganiser() {
            ChatBrand brand = new ChatBrand("Bureau", "/logo.svg",
                    Map.of("other-survey", new ChatBrand.Organiser("Ander bureau", null)));
            Session session = new Session("r_1", null, "nl", List.of(), List.of(FAMILIARITY), false, "a-survey",
                    new LocalizedText(Map.of("nl", "AI in ziekenhuizen", "en", "AI in hospitals")));
            JsonNode first = read(new ServerFrames(json, brand).session(session).get(0));
            assertThat(first.get("title")).isEqualTo(read("{\"nl\":\"AI in ziekenhuizen\",\"en\":\"AI in hospitals\"}"));
            assertThat(first.get("organiser")).isEqualTo(read("{\"name\":\"Bureau\",\"logo\":\"/logo.svg\"}"));
            Session other = new Session("r_2", null, "nl", List.of(), List.of(FAMILIARITY), false, "other-survey", null);
            assertThat(read(new ServerFrames(json, brand).session(other).get(0)).get("organiser"))
                    .as("a survey's own name, the general logo").isEqualTo(read("{\"name\":\"Ander bureau\",\"logo\":\"/logo.svg\"}"));
            assertThat(read(frames.session(other).get(0)).has("organiser")).as("nothing configured").isFalse();
        }

        @Test
        void shouldNeverRenderTheResponseId() {
            Session session = new Session("r_secretish", null, "nl", List.of(), List.of(FAMILIARITY), false);
            assertThat(frames.session(session)).noneMatch(frame -> frame.contains("r_secretish"));
        }
    }

    @Nested
    class Replies {

        @Test
        void shouldAcknowledgeThenSendMessages() {
            Reply reply = new Reply(Reply.Outcome.REJECTED, "nl",
                    List.of(new Outbound.Say("Kies een van de opties."), FAMILIARITY), false);
            List<JsonNode> sent = frames.reply("m7", reply).stream().map(ServerFramesTests.this::read).toList();
            assertThat(sent.get(0)).isEqualTo(read(
                    "{\"type\":\"ack\",\"id\":\"m7\",\"outcome\":\"rejected\",\"language\":\"nl\",\"completed\":false}"));
            assertThat(sent).extracting(frame -> frame.get("type").stringValue()).containsExactly("ack", "say", "ask");
        }

        @Test
        void shouldNameEveryOutcomeInLowerCase() {
            assertThat(List.of(Reply.Outcome.values())).extracting(outcome ->
                    read(frames.reply("m", new Reply(outcome, "nl", List.of(), false)).get(0)).get("outcome").stringValue())
                    .containsExactly("applied", "rejected", "duplicate", "conflict");
        }

        @Test
        void shouldRenderErrorWithAndWithoutId() {
            assertThat(read(frames.error(ChatError.MISSING_ID, "Geen id", null))).isEqualTo(read(
                    "{\"type\":\"error\",\"code\":\"missing_id\",\"message\":\"Geen id\"}"));
            assertThat(read(frames.error(ChatError.INVALID_MESSAGE, "Onvolledig", "m9")).get("id").stringValue())
                    .isEqualTo("m9");
        }
    }
}
