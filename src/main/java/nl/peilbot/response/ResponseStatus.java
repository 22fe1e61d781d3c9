package nl.peilbot.response;

import java.util.Locale;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

/**
 * Whether a response was submitted; stored as {@code in_progress} or {@code completed}. The one home of these
 * words: other modules say {@link #code()} where an API or a page shows a status.
 */
@NamedInterface("reader")
public enum ResponseStatus {
    IN_PROGRESS,
    COMPLETED;

    /** {@link #COMPLETED}'s code, for annotations that need a constant (an API's allowed values). */
    public static final String COMPLETED_CODE = "completed";

    /** The lower-case word stored and shown for this status: {@code in_progress} or {@code completed}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The status with this code (any case, surrounding blanks ignored), if there is one. */
    public static Optional<ResponseStatus> ofCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        for (ResponseStatus status : values()) {
            if (status.code().equals(wanted)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    static ResponseStatus fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
