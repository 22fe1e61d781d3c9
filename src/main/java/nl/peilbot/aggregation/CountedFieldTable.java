package nl.peilbot.aggregation;

import java.util.List;

/**
 * The entries of an open-list question counted by the flow's counted field ({@code analysis.counted}, e.g. the
 * specialism of each experiment), spellings of one category counting as one.
 *
 * @param respondents respondents who gave at least one entry
 * @param units       units of analysis with at least one entry
 * @param entries     all entries; a row's percentage is of these
 */
public record CountedFieldTable(WaveId wave, String questionId, int respondents, int units, int entries, List<Row> rows) {

    public CountedFieldTable {
        rows = List.copyOf(rows);
    }

    /**
     * One counted value, by its normalised name.
     *
     * @param key      the normalised name: of the category's label when the entry matched a category
     * @param category the flow's category code, or null for an entry that matched none
     * @param label    the category's label, else the spelling respondents used most
     * @param units    units with at least one entry of it
     */
    public record Row(String key, String category, String label, int entries, int percent, int units) {
    }

    /** The row a name counts under: its normalised text, or a category's code. */
    public Row row(String name) {
        String key = Texts.key(name);
        return rows.stream().filter(r -> r.key().equals(key) || name.equals(r.category())).findFirst()
                .orElseThrow(() -> new UnknownResultException("no entry '" + name + "' in " + questionId));
    }
}
