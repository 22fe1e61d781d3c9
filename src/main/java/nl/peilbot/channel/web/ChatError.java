package nl.peilbot.channel.web;

import java.util.Locale;

import nl.peilbot.conversation.AccessRefusedException;

/** Why a frame could not be used; the wire code is the lower-case name, the text comes from the message bundle. */
enum ChatError {
    MALFORMED_JSON,
    UNKNOWN_TYPE,
    MISSING_ID,
    INVALID_MESSAGE,
    FRAME_TOO_LARGE,
    HELLO_REQUIRED,
    UNKNOWN_TOKEN,
    UNKNOWN_SURVEY,
    REVOKED_TOKEN,
    TOKEN_NOT_YET_VALID,
    TOKEN_EXPIRED,
    WAVE_PAUSED,
    WAVE_CLOSED,
    OPEN_LINK_CLOSED,
    WITHDRAWN,
    STEP_REQUIRED,
    RATE_LIMITED,
    UNAVAILABLE,
    INTERNAL_ERROR;

    /** The error telling the respondent why the conversation refused; the codes are the same. */
    static ChatError of(AccessRefusedException.Reason reason) {
        return valueOf(reason.name());
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String messageKey() {
        return "chat.error." + code();
    }
}
