package nl.peilbot.channel.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.conversation.Reply;
import nl.peilbot.conversation.Session;
import nl.peilbot.engine.Button;
import nl.peilbot.engine.Outbound;
import nl.peilbot.engine.Progress;
import nl.peilbot.engine.TranscriptEntry;

/** Renders what the conversation returns as the JSON text frames of the web chat protocol. */
final class ServerFrames {

    private final JsonMapper json;
    private final ChatBrand brand;

    ServerFrames(JsonMapper json, ChatBrand brand) {
        this.json = json;
        this.brand = brand;
    }

    ServerFrames(JsonMapper json) {
        this(json, ChatBrand.NONE);
    }

    /** {@code session}, {@code transcript}, then the current step's messages. */
    List<String> session(Session session) {
        List<String> frames = new ArrayList<>();
        ChatBrand.Organiser organiser = brand.of(session.surveyId());
        frames.add(write(new SessionFrame("session", session.newToken(), session.language(), session.completed(),
                session.title() == null ? null : session.title().byLanguage(),
                organiser.name() == null && organiser.logo() == null ? null : organiser)));
        frames.add(write(new TranscriptFrame("transcript",
                session.transcript().stream().map(ServerFrames::entry).toList())));
        session.messages().forEach(message -> frames.add(message(message)));
        return frames;
    }

    /** {@code ack} for the client message, then the messages of the turn. */
    List<String> reply(String messageId, Reply reply) {
        List<String> frames = new ArrayList<>();
        frames.add(write(new AckFrame("ack", messageId, lower(reply.outcome()), reply.language(), reply.completed())));
        reply.messages().forEach(message -> frames.add(message(message)));
        return frames;
    }

    String error(ChatError error, String message, String messageId) {
        return error(error, message, messageId, null);
    }

    /** An error after which the client may send the same message again, not before {@code retryAfterMillis}. */
    String error(ChatError error, String message, String messageId, Long retryAfterMillis) {
        return write(new ErrorFrame("error", error.code(), message, messageId, retryAfterMillis));
    }

    String message(Outbound message) {
        if (message instanceof Outbound.Say say) {
            return write(new SayFrame("say", say.text()));
        }
        Outbound.Ask ask = (Outbound.Ask) message;
        return write(new AskFrame("ask", ask.stepId(), ask.askId(), ask.text(), lower(ask.input()),
                ask.buttons().stream().map(ServerFrames::button).toList(), ask.selected(), progress(ask.progress()),
                details(ask.details()), scale(ask.scale()), number(ask.number())));
    }

    private String write(Object frame) {
        return json.writeValueAsString(frame);
    }

    private static EntryJson entry(TranscriptEntry entry) {
        return new EntryJson(lower(entry.speaker()), entry.text());
    }

    private static ButtonJson button(Button button) {
        return new ButtonJson(button.code(), button.label(), button.number());
    }

    private static DetailsJson details(Outbound.Details details) {
        return details == null ? null : new DetailsJson(details.summary(), details.text());
    }

    private static ScaleJson scale(Outbound.Scale scale) {
        return scale == null ? null : new ScaleJson(scale.low(), scale.high());
    }

    private static NumberJson number(Outbound.NumberEntry number) {
        return number == null ? null : new NumberJson(number.decimals(), number.unit());
    }

    private static ProgressJson progress(Progress progress) {
        return progress == null ? null : new ProgressJson(progress.current(), progress.total(), progress.text());
    }

    private static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record SessionFrame(String type, String token, String language, boolean completed, Map<String, String> title,
                        ChatBrand.Organiser organiser) {
    }

    record TranscriptFrame(String type, List<EntryJson> entries) {
    }

    record EntryJson(String speaker, String text) {
    }

    record SayFrame(String type, String text) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AskFrame(String type, String step, String ask, String text, String input, List<ButtonJson> buttons,
                    List<String> selected, ProgressJson progress, DetailsJson details, ScaleJson scale,
                    NumberJson number) {
    }

    record ScaleJson(String low, String high) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record NumberJson(int decimals, String unit) {
    }

    record DetailsJson(String summary, String text) {
    }

    record ButtonJson(String code, String label, int number) {
    }

    record ProgressJson(int current, int total, String text) {
    }

    record AckFrame(String type, String id, String outcome, String language, boolean completed) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ErrorFrame(String type, String code, String message, String id, Long retryAfterMs) {
    }
}
