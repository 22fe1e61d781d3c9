package nl.peilbot.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A template sent by an analyst (typed, uploaded or sent by a script), read at most {@link #MAX_BYTES} bytes far and
 * accepted only as UTF-8 text: a file that is too big or not text is refused with the reason, before it is rendered.
 */
final class TemplateText {

    /** Forty times the 2020 report's template; more is not a template someone edits by hand. */
    static final int MAX_BYTES = 400 * 1024;

    private TemplateText() {
    }

    /** The text of a request body; an empty body gives an empty string. */
    static String read(InputStream body) {
        try {
            byte[] bytes = body == null ? new byte[0] : body.readNBytes(MAX_BYTES + 1);
            return decode(bytes, bytes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The text of an upload of {@code size} bytes (as declared; the bytes are read only when it is within the limit).
     */
    static String decode(byte[] bytes, long size) {
        if (size > MAX_BYTES || bytes.length > MAX_BYTES) {
            throw new Refused(Refused.Reason.TOO_LARGE);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Refused(Refused.Reason.NOT_TEXT);
        }
        // Control characters other than tab and line ends do not occur in text; they mark a binary file.
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f)) {
            throw new Refused(Refused.Reason.NOT_TEXT);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** A template that was not accepted, and why. */
    static final class Refused extends RuntimeException {

        enum Reason { TOO_LARGE, NOT_TEXT }

        private final Reason reason;

        Refused(Reason reason) {
            super(reason == Reason.TOO_LARGE ? "The template is larger than " + MAX_BYTES / 1024 + " KiB."
                    : "The template is not UTF-8 text.", null, false, false);
            this.reason = reason;
        }

        Reason reason() {
            return reason;
        }
    }
}
