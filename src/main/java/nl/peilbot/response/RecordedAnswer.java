package nl.peilbot.response;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.modulith.NamedInterface;

/**
 * One stored answer as other modules read it: which fields are filled depends on the question kind (codes and
 * other text for choices, text for open text and text profile fields, entries for open lists, parts for open parts,
 * value for ratings and numbers). A skipped answer has none of them.
 *
 * @param codes        the chosen option codes, in the order chosen; empty for other kinds
 * @param entries      an open list's entries, each its texts by field id in the question's field order
 * @param parts        open parts' texts by part id, in the question's order
 * @param value        a rating's or number's value as given, else null
 * @param secondsTaken seconds between asking and answering, null when it was not asked (taken from the invitation)
 */
@NamedInterface("reader")
public record RecordedAnswer(String questionId, List<String> codes, String otherText, String text,
                             List<Map<String, String>> entries, Map<String, String> parts, BigDecimal value,
                             boolean skipped, Instant answeredAt, Long secondsTaken) {

    public RecordedAnswer {
        codes = codes == null ? List.of() : List.copyOf(codes);
        entries = entries == null ? List.of() : entries.stream().map(RecordedAnswer::ordered).toList();
        parts = ordered(parts);
    }

    /** Whether it was answered with one or more options. */
    public boolean chosen() {
        return !skipped && !codes.isEmpty();
    }

    /**
     * The answer as one plain value, as a profile field has it: its text, or its only option code. Empty when
     * skipped, when several options were chosen, or for other kinds.
     */
    public Optional<String> single() {
        if (skipped) {
            return Optional.empty();
        }
        if (codes.size() == 1) {
            return Optional.of(codes.get(0));
        }
        return codes.isEmpty() ? Optional.ofNullable(text) : Optional.empty();
    }

    private static Map<String, String> ordered(Map<String, String> texts) {
        return texts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(texts));
    }
}
