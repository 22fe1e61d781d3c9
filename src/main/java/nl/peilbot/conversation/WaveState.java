package nl.peilbot.conversation;

import java.util.Locale;

/** Whether a survey wave takes answers; stored in lower case in the {@code waves} collection. */
public enum WaveState {
    /** Answers are taken (the default). */
    OPEN,
    /** Nothing is recorded for now; respondents are told it is temporarily paused. */
    PAUSED,
    /** Nothing is recorded any more; respondents are thanked; unfinished responses are marked partial. */
    CLOSED;

    String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static WaveState fromStored(String value) {
        return value == null ? OPEN : valueOf(value.toUpperCase(Locale.ROOT));
    }
}
