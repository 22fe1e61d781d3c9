package nl.peilbot.response;

import java.util.Locale;

/** Whether a response was submitted; stored as {@code in_progress} or {@code completed}. */
public enum ResponseStatus {
    IN_PROGRESS,
    COMPLETED;

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static ResponseStatus fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
