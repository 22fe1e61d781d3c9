package nl.peilbot.aggregation;

import java.util.List;

/**
 * Hospitals by the exact set of options their respondents chose together, e.g. for the scale question
 * "experimenting only", "small scale only", both, "not applied".
 *
 * @param hospitals the hospitals that answered
 * @param active    the hospitals with at least one option that is not exclusive (for scale: active with AI)
 */
public record HospitalCombinations(WaveId wave, String questionId, int hospitals, int active,
                                   List<Combination> combinations) {

    public HospitalCombinations {
        combinations = List.copyOf(combinations);
    }

    /** One set of options (codes in flow order) and the hospitals that have exactly that set. */
    public record Combination(List<String> codes, List<String> labels, int hospitals, int percent) {
    }

    /** The hospitals whose combined answer is exactly these codes, 0 if none. */
    public int hospitalsWith(String... codes) {
        List<String> wanted = List.of(codes).stream().sorted().toList();
        return combinations.stream().filter(c -> c.codes().stream().sorted().toList().equals(wanted))
                .mapToInt(Combination::hospitals).sum();
    }
}
