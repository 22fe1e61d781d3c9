package nl.peilbot.aggregation;

import java.util.Map;

/**
 * Every table of a wave at once, read from one version of its results: what a results page or a full export
 * shows, for the cost of a single read.
 *
 * @param respondents  per choice question (profile fields included), its distribution over respondents
 * @param hospitals    per choice question, its distribution over hospitals
 * @param combinations per choice question with an exclusive option (such as scale), hospitals by combination
 * @param coded        per open-text question, and per {@code question:part} of an open-parts question, its coded table
 * @param specialisms  per open-list question, its specialisms
 * @param ratings      per rating question, its points, mean and top scores
 * @param numbers      per number question, its mean and quartiles
 */
public record WaveReport(Overview overview, Map<String, Distribution> respondents, Map<String, Distribution> hospitals,
                         Map<String, HospitalCombinations> combinations, Map<String, CodedTable> coded,
                         Map<String, SpecialismTable> specialisms, Map<String, RatingTable> ratings,
                         Map<String, NumberTable> numbers) {

    public WaveReport {
        respondents = Map.copyOf(respondents);
        hospitals = Map.copyOf(hospitals);
        combinations = Map.copyOf(combinations);
        coded = Map.copyOf(coded);
        specialisms = Map.copyOf(specialisms);
        ratings = Map.copyOf(ratings);
        numbers = Map.copyOf(numbers);
    }
}
