package nl.peilbot.aggregation;

import java.util.List;

/**
 * How often each option of a choice question was chosen, by respondents or by units of analysis.
 *
 * @param base       respondents (or units) who answered the question: what percentages are of
 * @param counts     every option of the flow in its order, unchosen ones with 0, then codes no longer in the flow
 * @param otherTexts the texts given with an "Anders, namelijk" option, by response
 */
public record Distribution(WaveId wave, String questionId, String text, Unit unit, int base, List<Count> counts,
                           List<OtherText> otherTexts) {

    public Distribution {
        counts = List.copyOf(counts);
        otherTexts = List.copyOf(otherTexts);
    }

    /** One option: how many chose it and that as a whole percent of the base. */
    public record Count(String code, String label, int count, int percent) {
    }

    /** A text typed with the "other" option. */
    public record OtherText(String responseId, String text) {
    }

    public Count count(String code) {
        return counts.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new UnknownResultException("no option '" + code + "' in " + questionId));
    }
}
