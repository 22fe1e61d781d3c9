package nl.peilbot.aggregation;

import java.util.List;

/**
 * The categories an analyst gave one open answer, stored in the {@code codings} collection.
 *
 * @param answerKey the question id, or {@code question:part} for a part of an open-parts question
 * @param text      the answer text that was coded: the coding lapses when the respondent changes the answer
 * @param version   counts the assignments, so a coding changed while the application was down is noticed
 */
record Coding(String response, String answerKey, String text, List<String> categories, long version) {

    Coding {
        categories = List.copyOf(categories);
    }

    static String answerKey(String questionId, String part) {
        return part == null || part.isBlank() ? questionId : questionId + ":" + part;
    }
}
