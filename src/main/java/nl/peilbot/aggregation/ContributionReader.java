package nl.peilbot.aggregation;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;


import nl.peilbot.flow.Analysis;
import nl.peilbot.flow.Flow;
import nl.peilbot.response.RecordedAnswer;
import nl.peilbot.response.ResponseView;

/**
 * Reads what a stored response contributes, from its typed answers and the flow's analysis declarations: codes are
 * choice answers, a value a rating or number, a text an open text, parts open parts, entries an open list counted by
 * the declared field. Skipped answers and the texts of profile fields (the unit's name) are left out.
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

    Contribution read(ResponseView response, Map<String, Coding> codings) {
        // a response that names no unit is a unit of its own; a flow without a unit counts no units at all, so
        // that no counter is kept per response
        String unit = analysis.unitOfAnalysis()
                .map(u -> Texts.key(response.answer(u.field()).flatMap(RecordedAnswer::single).orElse(null)))
                .map(key -> key.isEmpty() ? response.id() : key).orElse("");
        Map<String, List<String>> choices = new TreeMap<>();
        Map<String, String> otherTexts = new TreeMap<>();
        Map<String, Contribution.OpenText> texts = new TreeMap<>();
        Map<String, List<Contribution.Entry>> counted = new TreeMap<>();
        Map<String, String> numbers = new TreeMap<>();
        response.answers().forEach((questionId, answer) -> {
            if (answer.skipped()) {
                return;
            }
            if (!answer.codes().isEmpty()) {
                choices.put(questionId, answer.codes().stream().distinct().sorted().toList());
                putText(otherTexts, questionId, answer.otherText());
            } else if (answer.value() != null) {
                numbers.put(questionId, answer.value().stripTrailingZeros().toPlainString());
            } else if (answer.text() != null && !response.profileFields().contains(questionId)) {
                putOpen(texts, questionId, answer.text(), codings);
            } else if (!answer.parts().isEmpty()) {
                answer.parts().forEach((part, text) -> putOpen(texts, Coding.answerKey(questionId, part), text, codings));
            } else if (!answer.entries().isEmpty()) {
                List<Contribution.Entry> entries = answer.entries().stream()
                        .map(this::entry).filter(e -> e != null && !e.key().isEmpty()).toList();
                if (!entries.isEmpty()) {
                    counted.put(questionId, entries);
                }
            }
        });
        return new Contribution(response.id(), response.version(), unit,
                new TreeMap<>(choices), new TreeMap<>(otherTexts), new TreeMap<>(texts), new TreeMap<>(counted), new TreeMap<>(numbers));
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
    private Contribution.Entry entry(Map<String, String> entry) {
        String field = analysis.countedField().map(Analysis.CountedField::field).orElse(null);
        String text = field != null && entry.containsKey(field) ? entry.get(field)
                : entry.values().stream().findFirst().orElse(null);
        if (text == null) {
            return null;
        }
        String typed = text.strip();
        String key = analysis.countedField().flatMap(counted -> counted.categoryOf(typed))
                .map(category -> Texts.key(category.label().in(language))).orElse(Texts.key(typed));
        return new Contribution.Entry(key, typed);
    }
}
