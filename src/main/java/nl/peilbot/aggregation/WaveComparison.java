package nl.peilbot.aggregation;

import java.util.List;

/**
 * The same question in several waves, matched by question id and option code.
 *
 * @param waves the distribution in each wave, in the order asked for
 * @param rows  one per option code found in any wave, labelled as in the last wave that has it
 */
public record WaveComparison(String questionId, Unit unit, List<Distribution> waves, List<Row> rows) {

    public WaveComparison {
        waves = List.copyOf(waves);
        rows = List.copyOf(rows);
    }

    /** One option across the waves: its count in each, in the order of {@code waves} (0 where absent). */
    public record Row(String code, String label, List<Distribution.Count> perWave) {
    }
}
