package nl.peilbot.aggregation;

import java.util.List;

/**
 * An open question's answers coded into categories, as the report's frequency tables.
 *
 * @param part       the part of an open-parts question (short or long term), else null
 * @param answered   the answers given; percentages are of these
 * @param coded      of them, the answers an analyst coded (one answer may have several categories)
 * @param categories the flow's categories in its order, uncounted ones with 0, then codes no longer in the flow
 * @param uncoded    answers not coded yet, with the categories the flow's keywords suggest
 */
public record CodedTable(WaveId wave, String questionId, String part, int answered, int coded,
                         List<Category> categories, List<OpenAnswer> uncoded) {

    public CodedTable {
        categories = List.copyOf(categories);
        uncoded = List.copyOf(uncoded);
    }

    /** One category: how many answers were coded with it, and those answers' texts. */
    public record Category(String code, String label, int count, int percent, List<String> texts) {
    }

    /** An answer waiting to be coded. */
    public record OpenAnswer(String responseId, String text, List<String> suggested) {
    }

    public Category category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> new UnknownResultException("no category '" + code + "' in " + questionId));
    }
}
