package nl.peilbot.channel.web;

import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import nl.peilbot.engine.CommandName;
import nl.peilbot.engine.Inbound;

/**
 * Reads and validates one client frame of the web chat protocol ({@code docs/web-chat-protocol.md}).
 *
 * <p>The size limit is checked here rather than by the container, so an oversized frame gets an answer
 * instead of a closed connection.
 */
final class FrameParser {

    static final int MAX_FRAME_BYTES = 4 * 1024;
    static final int MAX_ID_LENGTH = 100;

    private final JsonMapper json;

    FrameParser(JsonMapper json) {
        this.json = json;
    }

    /** Parses {@code payload}, whose UTF-8 length is {@code byteLength}; throws {@link FrameException}. */
    ClientFrame parse(String payload, int byteLength) {
        if (byteLength > MAX_FRAME_BYTES) {
            throw new FrameException(ChatError.FRAME_TOO_LARGE, null, byteLength + " bytes");
        }
        JsonNode frame = tree(payload);
        String type = string(frame, "type");
        if (type == null) {
            throw new FrameException(ChatError.UNKNOWN_TYPE, null, "no type");
        }
        if (type.equals("hello")) {
            return hello(frame);
        }
        if (!type.equals("text") && !type.equals("choice") && !type.equals("command")) {
            throw new FrameException(ChatError.UNKNOWN_TYPE, null, "type " + type);
        }
        String id = string(frame, "id");
        if (id == null || id.isBlank() || id.length() > MAX_ID_LENGTH) {
            throw new FrameException(ChatError.MISSING_ID, null, "no usable id");
        }
        Inbound input = input(type, frame, id);
        String step = string(frame, "step");
        String ask = string(frame, "ask");
        if (step == null || step.isBlank() || ask == null || ask.isBlank()
                || step.length() > MAX_ID_LENGTH || ask.length() > MAX_ID_LENGTH) {
            throw new FrameException(ChatError.STEP_REQUIRED, id, "no step or ask");
        }
        return new ClientFrame.Message(id, input, step, ask);
    }

    private JsonNode tree(String payload) {
        JsonNode frame;
        try {
            frame = json.readTree(payload);
        } catch (JacksonException e) {
            throw new FrameException(ChatError.MALFORMED_JSON, null, "not JSON");
        }
        if (frame == null || !frame.isObject()) {
            throw new FrameException(ChatError.MALFORMED_JSON, null, "not a JSON object");
        }
        return frame;
    }

    private ClientFrame.Hello hello(JsonNode frame) {
        String token = blankToNull(string(frame, "token"));
        String survey = blankToNull(string(frame, "survey"));
        if (token == null && survey == null) {
            throw new FrameException(ChatError.INVALID_MESSAGE, null, "hello without token or survey");
        }
        return new ClientFrame.Hello(token, survey);
    }

    private Inbound input(String type, JsonNode frame, String id) {
        switch (type) {
            case "text":
                return new Inbound.Text(required(frame, "text", id));
            case "choice":
                return new Inbound.Choice(required(frame, "code", id));
            default:
                return new Inbound.Command(command(required(frame, "command", id), id),
                        blankToNull(string(frame, "argument")));
        }
    }

    private static CommandName command(String name, String id) {
        String normalized = name.strip().toUpperCase(Locale.ROOT);
        for (CommandName command : CommandName.values()) {
            if (command.name().equals(normalized)) {
                return command;
            }
        }
        throw new FrameException(ChatError.INVALID_MESSAGE, id, "unknown command");
    }

    private static String required(JsonNode frame, String field, String id) {
        String value = string(frame, field);
        if (value == null || value.isBlank()) {
            throw new FrameException(ChatError.INVALID_MESSAGE, id, "missing " + field);
        }
        return value;
    }

    /** The field's text, or null when it is absent or not a JSON string. */
    private static String string(JsonNode frame, String field) {
        JsonNode node = frame.get(field);
        return node != null && node.isString() ? node.stringValue() : null;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
