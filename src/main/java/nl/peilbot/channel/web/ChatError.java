package nl.peilbot.channel.web;

import java.util.Locale;

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
    INTERNAL_ERROR;

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    String messageKey() {
        return "chat.error." + code();
    }
}
