package nl.peilbot.aggregation;

import java.util.Objects;

/** One survey wave, such as {@code ai-in-hospitals-2020} / {@code 2020}: the unit results are kept for. */
public record WaveId(String survey, String wave) {

    public WaveId {
        Objects.requireNonNull(survey, "survey");
        Objects.requireNonNull(wave, "wave");
    }

    /** The {@code _id} of the wave's results document. */
    String key() {
        return survey + "/" + wave;
    }
}
