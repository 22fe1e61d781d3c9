package nl.peilbot.aggregation;

import java.util.Map;

/**
 * Every table of a wave at once, read from one version of its results: what a results page or a full export
 * shows, for the cost of a single read.
 *
 * @param respondents  per choice question (profile fields included), its distribution over respondents
 * @param units        per choice question, its distribution over units of analysis
 * @param combinations per choice question with an exclusive option (such as scale), units by combination
 * @param coded        per open-text question, and per {@code question:part} of an open-parts question, its coded table
 * @param counted      per open-list question, its entries by the counted field
 * @param ratings      per rating question, its points, mean and top scores
 * @param numbers      per number question, its mean and quartiles
 */
public record WaveReport(Overview overview, Map<String, Distribution> respondents, Map<String, Distribution> units,
                         Map<String, UnitCombinations> combinations, Map<String, CodedTable> coded,
                         Map<String, CountedFieldTable> counted, Map<String, RatingTable> ratings,
                         Map<String, NumberTable> numbers) {

    public WaveReport {
        respondents = Map.copyOf(respondents);
        units = Map.copyOf(units);
        combinations = Map.copyOf(combinations);
        coded = Map.copyOf(coded);
        counted = Map.copyOf(counted);
        ratings = Map.copyOf(ratings);
        numbers = Map.copyOf(numbers);
    }
}
