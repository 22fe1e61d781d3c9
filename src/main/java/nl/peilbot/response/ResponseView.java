package nl.peilbot.response;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.modulith.NamedInterface;

/**
 * One stored response as analyses read it: who it belongs to (survey and wave), its status and version, its
 * channels and times, and every answer by question id in flow order, profile fields included. The conversation
 * state and the applied message ids are not part of it.
 *
 * @param version  incremented by every stored turn: identifies what a reader counted
 * @param partial  unfinished when its wave was closed
 * @param channels the channels used, in the order first used
 * @param profileFields the ids of the answers that are profile fields of the flow version it was answered with
 *                      (skipped ones left out)
 */
@NamedInterface("reader")
public record ResponseView(String id, String survey, String wave, long version, ResponseStatus status, boolean partial,
                           String language, List<String> channels, Map<String, RecordedAnswer> answers,
                           Set<String> profileFields, Instant startedAt, Instant updatedAt, Instant completedAt) {

    public ResponseView {
        channels = channels == null ? List.of() : List.copyOf(channels);
        answers = answers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(answers));
        profileFields = profileFields == null ? Set.of() : Collections.unmodifiableSet(new LinkedHashSet<>(profileFields));
    }

    public boolean completed() {
        return status == ResponseStatus.COMPLETED;
    }

    /** The answer to this question or profile field, if there is one (skipped answers included). */
    public Optional<RecordedAnswer> answer(String questionId) {
        return Optional.ofNullable(answers.get(questionId));
    }
}
