package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An earlier wave known only by its published figures ({@code <flow directory>/published/<survey>.yaml}, see
 * docs/report.md, "Published waves"): per choice question the counts of the options that were published, per
 * respondent and/or per unit, with their base. Only what was entered exists: asking for any other figure throws
 * {@link UnknownResultException}, never a zero.
 *
 * @param source      the publication the figures come from
 * @param respondents the published number of respondents, 0 when not published
 * @param units       the published number of units of analysis, 0 when not published
 * @param questions   by question id (the later flow's ids and option codes, so waves match), in the file's order
 */
public record PublishedFigures(WaveId wave, String title, String source, int respondents, int units,
                               Map<String, Question> questions) {

    public PublishedFigures {
        questions = Collections.unmodifiableMap(new LinkedHashMap<>(questions));
    }

    /**
     * One published choice question.
     *
     * @param kind        {@code single-choice} or {@code multiple-choice}
     * @param respondents its figures per respondent, null when not published
     * @param units       its figures per unit of analysis, null when not published
     */
    public record Question(String id, String kind, String text, Counts respondents, Counts units) {
    }

    /**
     * Published counts of some options.
     *
     * @param base   who answered: what the percents are of
     * @param counts per published option code its count, in the file's order
     * @param labels option labels given with the figures, by code (a code without one is labelled by the flow or itself)
     */
    public record Counts(int base, Map<String, Integer> counts, Map<String, String> labels) {

        public Counts {
            counts = Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            labels = Map.copyOf(labels);
        }
    }

    /** The wave's overview: its published totals and questions (answered: the base per respondent, else 0). */
    public Overview overview() {
        List<Overview.QuestionSummary> summaries = new ArrayList<>();
        questions.values().forEach(q -> summaries.add(new Overview.QuestionSummary(q.id(), 0, q.kind(), q.text(),
                q.respondents() == null ? 0 : q.respondents().base(), List.of())));
        return new Overview(wave, respondents, units, summaries);
    }

    /**
     * The published options of a question, per respondent or per unit, with whole percents of the published base
     * rounded as every other table.
     *
     * @throws UnknownResultException for a question, or a unit, the figures do not give
     */
    public Distribution distribution(String question, Unit unit) {
        Question published = questions.get(question);
        if (published == null) {
            throw new UnknownResultException("the published figures of " + wave.key() + " have no question '"
                    + question + "'");
        }
        Counts counts = unit == Unit.UNITS ? published.units() : published.respondents();
        if (counts == null) {
            throw new UnknownResultException("the published figures of " + wave.key() + " give '" + question
                    + "' not per " + (unit == Unit.UNITS ? "unit" : "respondent"));
        }
        List<Distribution.Count> rows = new ArrayList<>();
        counts.counts().forEach((code, count) -> rows.add(new Distribution.Count(code,
                counts.labels().getOrDefault(code, code), count, Percent.of(count, counts.base()))));
        return new Distribution(wave, question, published.text(), unit, counts.base(), rows, List.of());
    }
}
