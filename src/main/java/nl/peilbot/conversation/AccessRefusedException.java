package nl.peilbot.conversation;

import java.util.Locale;

/**
 * A link or an answer that is refused for a reason the respondent should be told: channels show the text of
 * {@link Reason#code()} from their message bundle. Nothing was recorded.
 */
public class AccessRefusedException extends UnknownAccessException {

    private final Reason reason;

    public AccessRefusedException(Reason reason) {
        super("refused: " + reason.code());
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Why; {@link #code()} is the lower-case name (e.g. {@code wave_closed}). */
    public enum Reason {
        /** The organisers revoked the invitation (or replaced its token with a new one). */
        REVOKED_TOKEN,
        /** The invitation's validity window has not begun. */
        TOKEN_NOT_YET_VALID,
        /** The invitation's validity window has ended. */
        TOKEN_EXPIRED,
        /** The wave is paused for now. */
        WAVE_PAUSED,
        /** The wave is closed; the respondent is thanked. */
        WAVE_CLOSED,
        /** The survey takes invited respondents only. */
        OPEN_LINK_CLOSED,
        /** The respondent withdrew and had their answers deleted; the link no longer works. */
        WITHDRAWN;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
