package nl.peilbot.results;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.WaveComparison;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.aggregation.WaveReport;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.flow.Analysis;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Question;

/** The API's own shapes where an aggregation table names response ids: the same table with pseudonyms instead. */
final class Views {

    private Views() {
    }

    /** A wave in the list of waves. */
    record Wave(String survey, String wave, int respondents, int units) {

        static Wave of(Overview overview) {
            return new Wave(overview.wave().survey(), overview.wave().wave(), overview.respondents(), overview.units());
        }
    }

    /** A text typed with an "other" option, by respondent pseudonym. */
    record OtherText(String respondent, String text) {
    }

    /**
     * {@link Distribution} with the "other" texts by pseudonym.
     *
     * @param kind      the question's kind, e.g. {@code single-choice}
     * @param exclusive the codes of options that cannot be combined ("AI is not applied"), where units are also
     *                  counted by their combination of answers
     */
    record DistributionView(WaveId wave, String questionId, String text, String kind, String unit, int base,
                            List<Distribution.Count> counts, List<OtherText> otherTexts, List<String> exclusive) {

        static DistributionView of(Distribution d, Question question, Pseudonyms pseudonyms) {
            return new DistributionView(d.wave(), d.questionId(), d.text(), question.kind().yamlName(),
                    d.unit().name().toLowerCase(), d.base(), d.counts(),
                    d.otherTexts().stream().map(o -> new OtherText(pseudonyms.of(o.responseId()), o.text())).toList(),
                    question.options().stream().filter(AnswerOption::exclusive).map(AnswerOption::code).toList());
        }
    }

    /** An answer waiting to be coded, by respondent pseudonym: what {@code PUT .../codings/{respondent}} takes. */
    record UncodedAnswer(String respondent, String text, List<String> suggested) {
    }

    /** {@link CodedTable} with the uncoded answers by pseudonym. */
    record CodedView(WaveId wave, String questionId,
                     @Schema(types = {"string", "null"}, nullable = true,
                             description = "the open part, e.g. shortTerm; null for a question without parts") String part,
                     int answered, int coded,
                     List<CodedTable.Category> categories, List<UncodedAnswer> uncoded) {

        static CodedView of(CodedTable t, Pseudonyms pseudonyms) {
            return new CodedView(t.wave(), t.questionId(), t.part(), t.answered(), t.coded(), t.categories(),
                    t.uncoded().stream().map(a -> new UncodedAnswer(pseudonyms.of(a.responseId()), a.text(), a.suggested())).toList());
        }
    }

    /**
     * The flow's analysis declarations as the page names them, each by language: the unit of analysis (one, several),
     * the counted field and the dimensions. Without a declared unit, {@code unit} and {@code units} are empty.
     */
    record Labels(Map<String, String> unit, Map<String, String> units, Map<String, String> counted,
                  List<Dimension> dimensions) {

        /** A profile field analysts can filter and cross-tabulate by ({@code filter.<field>=<code>}). */
        record Dimension(String field, Map<String, String> label) {
        }

        static Labels of(Flow flow) {
            Analysis analysis = flow.analysis();
            return new Labels(analysis.unitOfAnalysis().map(u -> u.label().byLanguage()).orElse(Map.of()),
                    analysis.unitOfAnalysis().map(u -> u.plural().byLanguage()).orElse(Map.of()),
                    analysis.countedField().map(c -> c.label().byLanguage()).orElse(Map.of()),
                    analysis.dimensions().stream().map(d -> new Dimension(d.field(), d.label().byLanguage())).toList());
        }
    }

    /** {@link WaveReport} with pseudonyms: everything the results page draws, in one response. */
    record ReportView(Overview overview, Labels labels, Map<String, DistributionView> respondents,
                      Map<String, DistributionView> units, Map<String, UnitCombinations> combinations,
                      Map<String, CodedView> coded, Map<String, CountedFieldTable> counted,
                      Map<String, RatingTable> ratings, Map<String, NumberTable> numbers) {

        static ReportView of(WaveReport report, Flow flow, Pseudonyms pseudonyms) {
            return new ReportView(report.overview(), Labels.of(flow), distributions(report.respondents(), flow, pseudonyms),
                    distributions(report.units(), flow, pseudonyms), report.combinations(),
                    report.coded().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                            e -> CodedView.of(e.getValue(), pseudonyms))), report.counted(), report.ratings(),
                    report.numbers());
        }

        private static Map<String, DistributionView> distributions(Map<String, Distribution> distributions, Flow flow,
                                                                   Pseudonyms pseudonyms) {
            return distributions.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    e -> DistributionView.of(e.getValue(), flow.step(e.getKey()).orElseThrow(), pseudonyms)));
        }
    }

    /** The categories an analyst assigns to one answer; empty uncodes it. */
    record CodingRequest(List<String> categories) {
    }

    /** One page of raw responses. */
    record ResponsePage(long total, int skip, int limit, List<PseudonymousResponse> responses) {
    }

    /**
     * {@link WaveComparison} as the API gives it: each wave says where its figures come from, and an option a published
     * wave did not publish has a null count (unknown), never 0.
     */
    record ComparisonView(String questionId, Unit unit, List<ComparedWave> waves, List<ComparisonRow> rows) {

        static ComparisonView of(WaveComparison comparison) {
            return new ComparisonView(comparison.questionId(), comparison.unit(),
                    comparison.waves().stream().map(w -> new ComparedWave(w.wave(), w.questionId(), w.text(), w.base(),
                            w.counts(), w.source(), w.publication())).toList(),
                    comparison.rows().stream().map(r -> new ComparisonRow(r.code(), r.label(), r.perWave().stream()
                            .map(c -> c == null ? new ComparedCount(r.code(), r.label(), null, null)
                                    : new ComparedCount(c.code(), c.label(), c.count(), c.percent())).toList())).toList());
        }
    }

    /** One wave's side of a comparison. */
    record ComparedWave(WaveId wave, String questionId, String text,
                        @Schema(description = "who answered in that wave (respondents or units), as counted or as published")
                        int base, List<Distribution.Count> counts,
                        @Schema(allowableValues = {WaveComparison.ANSWERS, WaveComparison.PUBLISHED},
                                description = "answers: computed from stored responses; published: a wave known only by "
                                        + "its published figures (conversation-flows/published), only the options it published")
                        String source,
                        @Schema(types = {"string", "null"}, nullable = true,
                                description = "where a published wave's figures come from; null for a wave of answers")
                        String publication) {
    }

    /** One option across the waves, in the order of {@code waves}. */
    record ComparisonRow(String code, String label, List<ComparedCount> perWave) {
    }

    /** An option in one wave: null count and percent where a published wave did not publish it. */
    record ComparedCount(String code, String label,
                         @Schema(types = {"integer", "null"}, nullable = true, format = "int32",
                                 description = "null: not published by that wave (unknown, not zero)") Integer count,
                         @Schema(types = {"integer", "null"}, nullable = true, format = "int32",
                                 description = "whole percent of the wave's base; null where count is") Integer percent) {
    }
}
