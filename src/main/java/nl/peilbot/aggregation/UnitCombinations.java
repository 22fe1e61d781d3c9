package nl.peilbot.aggregation;

import java.util.List;

/**
 * Units of analysis (the flow's {@code analysis.unit}, e.g. hospitals) by the exact set of options their
 * respondents chose together at one choice question, e.g. "experimenting only", "small scale only", both, "not
 * applied".
 *
 * @param units  the units that answered
 * @param active the units with at least one option that is not exclusive
 */
public record UnitCombinations(WaveId wave, String questionId, int units, int active, List<Combination> combinations) {

    public UnitCombinations {
        combinations = List.copyOf(combinations);
    }

    /** One set of options (codes in flow order) and the units that have exactly that set. */
    public record Combination(List<String> codes, List<String> labels, int units, int percent) {
    }

    /** The units whose combined answer is exactly these codes, 0 if none. */
    public int unitsWith(String... codes) {
        List<String> wanted = List.of(codes).stream().sorted().toList();
        return combinations.stream().filter(c -> c.codes().stream().sorted().toList().equals(wanted))
                .mapToInt(Combination::units).sum();
    }
}
