package nl.peilbot.aggregation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.bson.Document;

/**
 * Reads what a {@code responses} document contributes, from the document's shape alone: choices are choice
 * answers, {@code value} a rating or number, {@code text} an open text, {@code parts} open parts, {@code entries} an
 * open list. Skipped answers
 * and profile texts (the hospital's name) are left out.
 */
final class ContributionReader {

    /** The open-list field holding the specialism; lists without it use their first field. */
    static final String SPECIALISM_FIELD = "specialism";

    private ContributionReader() {
    }

    static Contribution read(Document response, Map<String, Coding> codings) {
        String id = response.getString("_id");
        Document profile = response.get("profile", new Document());
        String hospital = Texts.key(profile.get("hospital") instanceof String name ? name : null);
        Map<String, List<String>> choices = new TreeMap<>();
        Map<String, String> otherTexts = new TreeMap<>();
        Map<String, Contribution.OpenText> texts = new TreeMap<>();
        Map<String, List<String>> specialisms = new TreeMap<>();
        Map<String, String> numbers = new TreeMap<>();
        response.get("answers", new Document()).forEach((questionId, value) -> {
            Document answer = (Document) value;
            if (answer.getBoolean("skipped", false)) {
                return;
            }
            List<Document> chosen = answer.getList("choices", Document.class, List.of());
            if (!chosen.isEmpty()) {
                choices.put(questionId, chosen.stream().map(c -> c.getString("code")).distinct().sorted().toList());
                putText(otherTexts, questionId, answer.getString("otherText"));
            } else if (answer.get("value") instanceof Number number) {
                numbers.put(questionId, plain(number));
            } else if (answer.getString("text") != null && !profile.containsKey(questionId)) {
                putOpen(texts, questionId, answer.getString("text"), codings);
            } else if (answer.get("parts") instanceof Document parts) {
                parts.forEach((part, text) -> putOpen(texts, Coding.answerKey(questionId, part), (String) text, codings));
            } else if (answer.get("entries") instanceof List<?>) {
                List<String> entries = answer.getList("entries", Document.class).stream()
                        .map(ContributionReader::specialism).filter(s -> s != null && !Texts.key(s).isEmpty()).toList();
                if (!entries.isEmpty()) {
                    specialisms.put(questionId, entries);
                }
            }
        });
        return new Contribution(id, ((Number) response.get("version")).longValue(), hospital.isEmpty() ? id : hospital,
                new TreeMap<>(choices), new TreeMap<>(otherTexts), new TreeMap<>(texts), new TreeMap<>(specialisms), new TreeMap<>(numbers));
    }

    /** A stored rating or number (an int64, or a double for a decimal) as the plain decimal that was typed. */
    static String plain(Number number) {
        BigDecimal value = number instanceof Double || number instanceof Float
                ? BigDecimal.valueOf(number.doubleValue()) : BigDecimal.valueOf(number.longValue());
        return value.stripTrailingZeros().toPlainString();
    }

    private static void putText(Map<String, String> texts, String key, String text) {
        if (text != null && !text.isBlank()) {
            texts.put(key, text.strip());
        }
    }

    private static void putOpen(Map<String, Contribution.OpenText> texts, String key, String text, Map<String, Coding> codings) {
        if (text == null || text.isBlank()) {
            return;
        }
        String answer = text.strip();
        Coding coding = codings.get(key);
        if (coding == null) {
            texts.put(key, new Contribution.OpenText(answer, List.of(), 0));
        } else {
            List<String> categories = coding.text().equals(answer) ? coding.categories() : List.of();
            texts.put(key, new Contribution.OpenText(answer, categories.stream().distinct().sorted().toList(), coding.version()));
        }
    }

    private static String specialism(Document entry) {
        Object specialism = entry.containsKey(SPECIALISM_FIELD) ? entry.get(SPECIALISM_FIELD)
                : new ArrayList<>(entry.values()).stream().findFirst().orElse(null);
        return specialism instanceof String text ? text.strip() : null;
    }
}
