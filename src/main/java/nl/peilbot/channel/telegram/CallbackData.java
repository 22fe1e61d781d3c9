package nl.peilbot.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import nl.peilbot.engine.Button;
import nl.peilbot.engine.Outbound;

/**
 * What a button carries back: the step it was shown for and its code, so a button of an earlier question is
 * recognised as such. Telegram allows 64 bytes; longer pairs carry a hash of the step and the button's position.
 */
sealed interface CallbackData {

    int MAX_BYTES = 64;
    String SEPARATOR = "|";
    String INDEXED = "~";

    /** The step and code themselves. */
    record Direct(String step, String code) implements CallbackData {
    }

    /** A hash of the step and the button's position in that step's prompt. */
    record Indexed(String stepHash, int index) implements CallbackData {
    }

    static String encode(String step, Button button, int index) {
        String direct = step + SEPARATOR + button.code();
        if (direct.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES && !direct.startsWith(INDEXED)) {
            return direct;
        }
        return INDEXED + hash(step) + SEPARATOR + index;
    }

    static Optional<CallbackData> decode(String data) {
        int separator = data.lastIndexOf(SEPARATOR);
        if (separator <= 0 || separator == data.length() - 1) {
            return Optional.empty();
        }
        if (!data.startsWith(INDEXED)) {
            return Optional.of(new Direct(data.substring(0, separator), data.substring(separator + 1)));
        }
        try {
            return Optional.of(new Indexed(data.substring(1, separator), Integer.parseInt(data.substring(separator + 1))));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The step and code this data names, if it belongs to {@code current}, the prompt shown now. */
    default Optional<Direct> resolve(Outbound.Ask current) {
        if (this instanceof Direct direct) {
            return Optional.of(direct);
        }
        Indexed indexed = (Indexed) this;
        List<Button> buttons = current == null ? List.of() : current.buttons();
        if (current == null || !hash(current.stepId()).equals(indexed.stepHash())
                || indexed.index() < 0 || indexed.index() >= buttons.size()) {
            return Optional.empty();
        }
        return Optional.of(new Direct(current.stepId(), buttons.get(indexed.index()).code()));
    }

    private static String hash(String step) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(step.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
