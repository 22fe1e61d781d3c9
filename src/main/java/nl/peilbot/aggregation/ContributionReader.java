package nl.peilbot.aggregation;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.bson.Document;

import nl.peilbot.flow.Analysis;
import nl.peilbot.flow.Flow;

/**
 * Reads what a {@code responses} document contributes, from the document's shape and the flow's analysis
 * declarations: choices are choice answers, {@code value} a rating or number, {@code text} an open text,
 * {@code parts} open parts, {@code entries} an open list counted by the declared field. Skipped answers and
 * profile texts (the unit's name) are left out.
 */
final class ContributionReader {

    private final Analysis analysis;
    private final String language;

    private ContributionReader(Analysis analysis, String language) {
        this.analysis = analysis;
        this.language = language;
    }

    /** A reader for a wave with this flow; without one, no units are counted and lists count their first field. */
    static ContributionReader of(Optional<Flow> flow) {
        return new ContributionReader(flow.map(Flow::analysis).orElse(Analysis.NONE),
                flow.map(Flow::defaultLanguage).orElse(Flow.DEFAULT_LANGUAGE));
    }

    Contribution read(Document response, Map<String, Coding> codings) {
        String id = response.getString("_id");
        Document profile = response.get("profile", new Document());
        // a response that names no unit is a unit of its own; a flow without a unit counts no units at all, so
        // that no counter is kept per response
        String unit = analysis.unitOfAnalysis()
                .map(u -> Texts.key(profile.get(u.field()) instanceof String name ? name : null))
                .map(key -> key.isEmpty() ? id : key).orElse("");
        Map<String, List<String>> choices = new TreeMap<>();
        Map<String, String> otherTexts = new TreeMap<>();
        Map<String, Contribution.OpenText> texts = new TreeMap<>();
        Map<String, List<Contribution.Entry>> counted = new TreeMap<>();
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
                List<Contribution.Entry> entries = answer.getList("entries", Document.class).stream()
                        .map(this::entry).filter(e -> e != null && !e.key().isEmpty()).toList();
                if (!entries.isEmpty()) {
                    counted.put(questionId, entries);
                }
            }
        });
        return new Contribution(id, ((Number) response.get("version")).longValue(), unit,
                new TreeMap<>(choices), new TreeMap<>(otherTexts), new TreeMap<>(texts), new TreeMap<>(counted), new TreeMap<>(numbers));
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

    /** The entry's counted field (its first field when the flow declares none or the list lacks it), keyed. */
    private Contribution.Entry entry(Document entry) {
        String field = analysis.countedField().map(Analysis.CountedField::field).orElse(null);
        Object value = field != null && entry.containsKey(field) ? entry.get(field)
                : new ArrayList<>(entry.values()).stream().findFirst().orElse(null);
        if (!(value instanceof String text)) {
            return null;
        }
        String typed = text.strip();
        String key = analysis.countedField().flatMap(counted -> counted.categoryOf(typed))
                .map(category -> Texts.key(category.label().in(language))).orElse(Texts.key(typed));
        return new Contribution.Entry(key, typed);
    }
}
