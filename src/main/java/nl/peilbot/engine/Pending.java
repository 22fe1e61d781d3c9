package nl.peilbot.engine;

import java.util.List;
import java.util.Map;

/**
 * Input gathered for the current question before it is complete: options pressed one by one, an
 * "Anders, namelijk" text still to come, open-list entries and open parts given so far.
 *
 * @param selected      codes pressed so far (multiple choice), in the order pressed
 * @param awaitingOther whether the next text is the "namelijk ..." text of an {@code other} option
 * @param entries       complete open-list entries so far
 * @param entry         fields of the open-list entry being filled
 * @param parts         open parts answered so far
 */
public record Pending(
        List<String> selected,
        boolean awaitingOther,
        List<Map<String, String>> entries,
        Map<String, String> entry,
        Map<String, String> parts) {

    public static final Pending NONE = new Pending(List.of(), false, List.of(), Map.of(), Map.of());

    public Pending {
        selected = selected == null ? List.of() : List.copyOf(selected);
        entries = entries == null ? List.of() : entries.stream().map(Map::copyOf).toList();
        entry = entry == null ? Map.of() : Map.copyOf(entry);
        parts = parts == null ? Map.of() : Map.copyOf(parts);
    }

    /**
     * Whether skipping now would throw away something the respondent gave for this question: list entries, a
     * half-filled entry, parts, or options pressed beyond those of the {@code stored} answer (null when none).
     */
    boolean wouldLoseOnSkip(Answer stored) {
        List<String> storedCodes = stored == null ? List.of() : stored.codes();
        return !entries.isEmpty() || !entry.isEmpty() || !parts.isEmpty() || awaitingOther
                || !storedCodes.containsAll(selected);
    }
}
