package nl.peilbot.aggregation;

import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What one completed response adds to its wave's results, as it was aggregated: kept in the results document
 * so that a changed response can take its old contribution back out.
 *
 * @param version     the response document's version this was read from
 * @param unit        the normalised name of the response's unit of analysis (the flow's {@code analysis.unit}
 *                    profile field), the response id when the response names none, or empty when the flow declares
 *                    no unit (then no unit counters are kept: units are the respondents)
 * @param choices     option codes by choice question (profile choice fields included)
 * @param otherTexts  the "Anders, namelijk" text by choice question
 * @param texts       open answers by answer key: the question id, or {@code question:part} for open-parts
 * @param counted     every entry of an open-list question, by its counted field (the flow's {@code analysis.counted})
 * @param numbers     the value given to each rating and number question, as a plain decimal ("7", "2.5")
 */
record Contribution(
        String response,
        long version,
        String unit,
        SortedMap<String, List<String>> choices,
        SortedMap<String, String> otherTexts,
        SortedMap<String, OpenText> texts,
        SortedMap<String, List<Entry>> counted,
        SortedMap<String, String> numbers) {

    Contribution {
        numbers = sorted(numbers);
        choices = sorted(choices);
        otherTexts = sorted(otherTexts);
        texts = sorted(texts);
        counted = sorted(counted);
    }

    /**
     * One open answer and the categories an analyst coded it with.
     *
     * @param categories    empty when not coded, or coded for a text the respondent has since changed
     * @param codingVersion the version of the coding read (0: none), so a changed coding is noticed at start-up
     */
    record OpenText(String text, List<String> categories, long codingVersion) {

        OpenText {
            categories = categories == null ? List.of() : List.copyOf(categories);
        }
    }

    /**
     * One entry of an open list.
     *
     * @param key  what it is counted under: its category's normalised label, else its normalised text
     * @param text the counted field as typed
     */
    record Entry(String key, String text) {
    }

    private static <V> SortedMap<String, V> sorted(Map<String, V> map) {
        return map == null ? new TreeMap<>() : new TreeMap<>(map);
    }
}
