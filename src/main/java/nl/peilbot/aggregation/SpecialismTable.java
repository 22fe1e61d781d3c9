package nl.peilbot.aggregation;

import java.util.List;

/**
 * The specialisms (or processes) named in the entries of an open-list question, such as experiments.
 *
 * @param respondents respondents who gave at least one entry
 * @param hospitals   hospitals with at least one entry
 * @param entries     all entries; a specialism's percentage is of these
 */
public record SpecialismTable(WaveId wave, String questionId, int respondents, int hospitals, int entries,
                              List<Specialism> specialisms) {

    public SpecialismTable {
        specialisms = List.copyOf(specialisms);
    }

    /**
     * One specialism, by its normalised name.
     *
     * @param label     the spelling respondents used most
     * @param hospitals hospitals with at least one entry of it
     */
    public record Specialism(String key, String label, int entries, int percent, int hospitals) {
    }

    public Specialism specialism(String name) {
        String key = Texts.key(name);
        return specialisms.stream().filter(s -> s.key().equals(key)).findFirst()
                .orElseThrow(() -> new UnknownResultException("no specialism '" + name + "' in " + questionId));
    }
}
