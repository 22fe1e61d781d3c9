package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.CodingCategory;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseView;

/**
 * The aggregation module's entry point: the report's tables of a survey wave, read from the materialised results,
 * and the analysts' coding of open answers.
 *
 * <p>Counts and percentages are read from one stored document of counters, so a read costs the same whatever the
 * number of responses; the tables that list texts (other texts, open answers) read them from the contributions. Labels are in the flow's default language. Unknown waves, questions or parts throw
 * {@link UnknownResultException}.
 */
@Component
public class Results {

    private final ResultsStore results;
    private final ContributionStore contributions;
    private final WaveFlows flows;
    private final Aggregator aggregator;
    private final Folder folder;
    private final ResponseReader responses;
    private final CodingStore codings;
    private final PublishedFiles published;

    Results(ResultsStore results, ContributionStore contributions, WaveFlows flows, Aggregator aggregator, Folder folder,
            ResponseReader responses, CodingStore codings, PublishedFiles published) {
        this.results = results;
        this.contributions = contributions;
        this.flows = flows;
        this.aggregator = aggregator;
        this.folder = folder;
        this.responses = responses;
        this.codings = codings;
        this.published = published;
    }

    /** The waves that have results. */
    public List<WaveId> waves() {
        return results.waves();
    }

    /** Respondents, units of analysis and the questions of a wave. */
    public Overview overview(WaveId wave) {
        return tables(wave).overview();
    }

    /**
     * Every table of the wave from one read of its results: each choice question per respondent and per unit of
     * analysis (and by combination where an option is exclusive), each open question's coded tables, each open
     * list's entries by the counted field. The unit's name and other open-text profile fields are left out.
     */
    public WaveReport report(WaveId wave) {
        Tables tables = tables(wave);
        Flow flow = flow(wave);
        ReportTables report = new ReportTables(tables, flow);
        for (Question question : flow.steps()) {
            report.question = question;
            question.kind().match(report);
        }
        return new WaveReport(tables.overview(), report.respondents, report.units, report.combinations, report.coded,
                report.counted, report.ratings, report.numbers);
    }

    /** Collects each question's tables for {@link #report}, by kind. */
    private static final class ReportTables implements QuestionKind.Cases<Void> {

        private final Tables tables;
        private final Flow flow;
        private final Map<String, Distribution> respondents = new LinkedHashMap<>();
        private final Map<String, Distribution> units = new LinkedHashMap<>();
        private final Map<String, UnitCombinations> combinations = new LinkedHashMap<>();
        private final Map<String, CodedTable> coded = new LinkedHashMap<>();
        private final Map<String, CountedFieldTable> counted = new LinkedHashMap<>();
        private final Map<String, RatingTable> ratings = new LinkedHashMap<>();
        private final Map<String, NumberTable> numbers = new LinkedHashMap<>();
        private Question question;

        ReportTables(Tables tables, Flow flow) {
            this.tables = tables;
            this.flow = flow;
        }

        @Override
        public Void singleChoice(QuestionKind.SingleChoice kind) {
            return choice();
        }

        @Override
        public Void multipleChoice(QuestionKind.MultipleChoice kind) {
            return choice();
        }

        private Void choice() {
            respondents.put(question.id(), tables.distribution(question.id(), Unit.RESPONDENTS));
            units.put(question.id(), tables.distribution(question.id(), Unit.UNITS));
            if (question.options().stream().anyMatch(AnswerOption::exclusive)) {
                combinations.put(question.id(), tables.combinations(question.id()));
            }
            return null;
        }

        @Override
        public Void openText(QuestionKind.OpenText kind) {
            // an open-text profile field is the unit's name or the like: never a table
            if (!flow.isProfileField(question.id())) {
                coded.put(question.id(), tables.coded(question.id(), null));
            }
            return null;
        }

        @Override
        public Void openList(QuestionKind.OpenList kind) {
            counted.put(question.id(), tables.counted(question.id()));
            return null;
        }

        @Override
        public Void openParts(QuestionKind.OpenParts kind) {
            question.fields().forEach(part -> coded.put(Coding.answerKey(question.id(), part.id()),
                    tables.coded(question.id(), part.id())));
            return null;
        }

        @Override
        public Void rating(QuestionKind.Rating kind) {
            ratings.put(question.id(), tables.rating(question.id()));
            return null;
        }

        @Override
        public Void number(QuestionKind.Numeric kind) {
            numbers.put(question.id(), tables.number(question.id()));
            return null;
        }
    }

    /** A rating question: how many gave each point, the mean, top scores and (on 0–10) the Net Promoter split. */
    public RatingTable rating(WaveId wave, String questionId) {
        return tables(wave).rating(questionId);
    }

    /** A number question: how many answered, the mean, median and quartiles. */
    public NumberTable number(WaveId wave, String questionId) {
        return tables(wave).number(questionId);
    }

    /** One choice question: per option the respondents (or units) that chose it, with the base and percentages. */
    public Distribution distribution(WaveId wave, String questionId, Unit unit) {
        return tables(wave).distribution(questionId, unit);
    }

    /** Units of analysis by the combination of options their respondents chose at one choice question (e.g. scale). */
    public UnitCombinations unitCombinations(WaveId wave, String questionId) {
        return tables(wave).combinations(questionId);
    }

    /**
     * An open-text question's answers by category.
     *
     * @param part the part of an open-parts question (e.g. {@code shortTerm}); null for open text
     */
    public CodedTable coded(WaveId wave, String questionId, String part) {
        return tables(wave).coded(questionId, part);
    }

    /** An open-list question's entries counted by the flow's counted field ({@code analysis.counted}). */
    public CountedFieldTable counted(WaveId wave, String questionId) {
        return tables(wave).counted(questionId);
    }

    /** Respondents by their answers to two choice questions, e.g. a question by one of the flow's dimensions. */
    public CrossTab crossTab(WaveId wave, String rowQuestion, String columnQuestion) {
        return tables(wave).crossTab(rowQuestion, columnQuestion);
    }

    /**
     * The same question in several waves, matched by question id and code: a choice question by option code, a
     * rating by point, an open question by coding category (an open-parts question as {@code part:category}), an open
     * list by its counted field; by units only for choice questions. A number question has no codes: compare its
     * {@link #number} tables. A wave with published figures ({@link #published}) is read from them, the figures of
     * record, even when some of its answers are stored too; its options that were not published are null.
     *
     * @throws PublishedFiguresException when a wave's published-figures file cannot be read
     */
    public WaveComparison compare(String questionId, Unit unit, List<WaveId> waves) {
        List<WaveComparison.ComparedWave> sides = waves.stream().map(w -> published(w)
                .map(figures -> WaveComparison.ComparedWave.published(figures.distribution(questionId, unit), figures))
                .orElseGet(() -> WaveComparison.ComparedWave.answers(tables(w).comparable(questionId, unit)))).toList();
        Map<String, String> labels = new LinkedHashMap<>();
        // a published wave labels an option only when no counted wave does: its file may give codes without labels
        sides.stream().filter(w -> !w.published()).forEach(w -> w.counts().forEach(c -> labels.put(c.code(), c.label())));
        sides.stream().filter(WaveComparison.ComparedWave::published)
                .forEach(w -> w.counts().forEach(c -> labels.putIfAbsent(c.code(), c.label())));
        List<WaveComparison.Row> rows = new ArrayList<>();
        labels.forEach((code, label) -> rows.add(new WaveComparison.Row(code, label, sides.stream()
                .map(w -> w.counts().stream().filter(c -> c.code().equals(code)).findFirst()
                        .orElse(w.published() ? null : new Distribution.Count(code, label, 0, 0)))
                .toList())));
        return new WaveComparison(questionId, unit, sides, rows);
    }

    /**
     * An earlier wave's published figures ({@code <flow directory>/published/<survey>.yaml}), if that file holds
     * this wave: the only figures of a wave whose answers do not exist.
     *
     * @throws PublishedFiguresException when the file cannot be read, naming it and the mistake
     */
    public Optional<PublishedFigures> published(WaveId wave) {
        return published.wave(wave);
    }

    /**
     * Codes one open answer with the given categories (empty: uncoded again) and updates the results. The coding
     * holds for the answer's current text; if the respondent changes it, the answer is uncoded again.
     *
     * @param part the part of an open-parts question, else null
     * @throws UnknownResultException for an unknown response, question, part or category, or a question not answered
     */
    public void code(WaveId wave, String responseId, String questionId, String part, Collection<String> categories) {
        Question question = flow(wave).step(questionId)
                .filter(q -> q.kind() instanceof QuestionKind.OpenText || q.kind() instanceof QuestionKind.OpenParts)
                .orElseThrow(() -> new UnknownResultException("no open question '" + questionId + "' in " + wave.key()));
        Set<String> known = Set.copyOf(question.coding().stream().map(CodingCategory::code).toList());
        categories.stream().filter(c -> !known.contains(c)).findFirst().ifPresent(c -> {
            throw new UnknownResultException("'" + c + "' is no coding category of " + questionId);
        });
        ResponseView response = responses.find(responseId)
                .filter(r -> wave.equals(new WaveId(r.survey(), r.wave())))
                .orElseThrow(() -> new UnknownResultException("no response " + responseId + " in " + wave.key()));
        String text = answerText(response, questionId, question.kind() instanceof QuestionKind.OpenParts ? part : null);
        String answerKey = Coding.answerKey(questionId, question.kind() instanceof QuestionKind.OpenParts ? part : null);
        // queued first: a crash after the coding is stored still leaves the delta for the sweep; and again after it,
        // because a fold (another thread or instance) may take the first delta before the coding is stored
        aggregator.enqueueCoding(responseId, wave, answerKey);
        folder.locked(wave, () -> codings.save(wave, responseId, answerKey, text, List.copyOf(categories)));
        aggregator.enqueueCoding(responseId, wave, answerKey);
        folder.fold(wave);
    }

    /**
     * Aggregates one stored response now, as its completion event does but in the caller's thread: for intake routes
     * that publish no event.
     */
    public void aggregate(String responseId) {
        responses.find(responseId).map(response -> new WaveId(response.survey(), response.wave())).ifPresent(wave -> {
            aggregator.enqueue(responseId, wave);
            folder.fold(wave);
        });
    }

    /** Recomputes a wave's results from its raw responses and codings, streaming them in batches. */
    public void rebuild(WaveId wave) {
        folder.rebuild(wave);
    }

    private Tables tables(WaveId wave) {
        Fold latest = results.tally(wave).orElseThrow(() -> new UnknownResultException("no results for " + wave.key()));
        return new Tables(wave, flow(wave), latest.tally(),
                () -> TextLists.of(contributions.current(wave, latest.generation())));
    }

    /** The flow that labels a wave's results (its file, else its latest stored version): for exports and pages. */
    public Flow flow(WaveId wave) {
        return flows.flow(wave).orElseThrow(() -> new UnknownResultException("no flow for " + wave.key()));
    }

    private static String answerText(ResponseView response, String questionId, String part) {
        String text = response.answer(questionId).map(answer -> part == null ? answer.text() : answer.parts().get(part))
                .orElse(null);
        if (text == null || text.isBlank()) {
            throw new UnknownResultException("response " + response.id() + " has no answer to " + questionId
                    + (part == null ? "" : ":" + part));
        }
        return text.strip();
    }
}
