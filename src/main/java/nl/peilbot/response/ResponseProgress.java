package nl.peilbot.response;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.NamedInterface;

/**
 * How far one response is, without the content of any answer: what organisers may see. Read with a projection, so
 * answers never leave the database for it.
 *
 * @param partial      unfinished when its wave was closed
 * @param unit         the response's value of the flow's unit-of-analysis field, or null
 * @param currentStep  the step asked now (a question id, or {@code #consent}, {@code #summary}...); null once done
 * @param answered     the ids of the questions and profile fields answered or skipped, in flow order
 * @param secondsTaken seconds taken per question the respondent was asked, in flow order
 */
@NamedInterface("reader")
public record ResponseProgress(String id, ResponseStatus status, boolean partial, String unit, Instant startedAt,
                               Instant updatedAt, Instant completedAt, String currentStep, List<String> answered,
                               Map<String, Long> secondsTaken) {

    public ResponseProgress {
        answered = answered == null ? List.of() : List.copyOf(answered);
        secondsTaken = secondsTaken == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(secondsTaken));
    }

    public boolean completed() {
        return status == ResponseStatus.COMPLETED;
    }
}
