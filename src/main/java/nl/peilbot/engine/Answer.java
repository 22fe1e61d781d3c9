package nl.peilbot.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One answered (or skipped) question. Which fields are filled depends on the question kind:
 * choices (+ otherText) for choice kinds, text for open text, entries for open lists, parts for open parts,
 * value for ratings and numbers.
 *
 * @param value          the number given to a rating or number question, else null
 * @param source         {@code chat}, or {@code invitation} for profile fields filled from the invitation
 * @param secondsTaken   seconds between asking the question and this answer
 */
public record Answer(
        String questionId,
        List<ChosenOption> choices,
        String otherText,
        String text,
        List<Map<String, String>> entries,
        Map<String, String> parts,
        BigDecimal value,
        boolean skipped,
        String source,
        Instant answeredAt,
        long secondsTaken) {

    public Answer {
        choices = choices == null ? List.of() : List.copyOf(choices);
        entries = entries == null ? List.of() : entries.stream().map(Map::copyOf).toList();
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }

    /** An answer without a number: any kind but rating and number. */
    public Answer(String questionId, List<ChosenOption> choices, String otherText, String text,
                  List<Map<String, String>> entries, Map<String, String> parts, boolean skipped, String source,
                  Instant answeredAt, long secondsTaken) {
        this(questionId, choices, otherText, text, entries, parts, null, skipped, source, answeredAt, secondsTaken);
    }

    public List<String> codes() {
        return choices.stream().map(ChosenOption::code).toList();
    }
}
