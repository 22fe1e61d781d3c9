package nl.peilbot.results;

import java.util.List;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.WaveId;

/** The API's own shapes where an aggregation table names response ids: the same table with pseudonyms instead. */
final class Views {

    private Views() {
    }

    /** A wave in the list of waves. */
    record Wave(String survey, String wave, int respondents, int hospitals) {

        static Wave of(Overview overview) {
            return new Wave(overview.wave().survey(), overview.wave().wave(), overview.respondents(), overview.hospitals());
        }
    }

    /** A text typed with an "other" option, by respondent pseudonym. */
    record OtherText(String respondent, String text) {
    }

    /** {@link Distribution} with the "other" texts by pseudonym. */
    record DistributionView(WaveId wave, String questionId, String text, String unit, int base,
                            List<Distribution.Count> counts, List<OtherText> otherTexts) {

        static DistributionView of(Distribution d, Pseudonyms pseudonyms) {
            return new DistributionView(d.wave(), d.questionId(), d.text(), d.unit().name().toLowerCase(), d.base(),
                    d.counts(), d.otherTexts().stream().map(o -> new OtherText(pseudonyms.of(o.responseId()), o.text())).toList());
        }
    }

    /** An answer waiting to be coded, by respondent pseudonym: what {@code PUT .../codings/{respondent}} takes. */
    record UncodedAnswer(String respondent, String text, List<String> suggested) {
    }

    /** {@link CodedTable} with the uncoded answers by pseudonym. */
    record CodedView(WaveId wave, String questionId, String part, int answered, int coded,
                     List<CodedTable.Category> categories, List<UncodedAnswer> uncoded) {

        static CodedView of(CodedTable t, Pseudonyms pseudonyms) {
            return new CodedView(t.wave(), t.questionId(), t.part(), t.answered(), t.coded(), t.categories(),
                    t.uncoded().stream().map(a -> new UncodedAnswer(pseudonyms.of(a.responseId()), a.text(), a.suggested())).toList());
        }
    }

    /** The categories an analyst assigns to one answer; empty uncodes it. */
    record CodingRequest(List<String> categories) {
    }

    /** One page of raw responses. */
    record ResponsePage(long total, int skip, int limit, List<PseudonymousResponse> responses) {
    }
}
