package nl.peilbot.report;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.Results;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.UnknownResultException;
import nl.peilbot.aggregation.WaveId;
import nl.peilbot.aggregation.WaveReport;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.QuestionKind;

/**
 * A wave whose answers are stored: its tables from one read of its results ({@link Results#report}), its questions'
 * kinds from its flow, read once by the caller.
 */
final class StoredWave implements WaveData {

    private final Results results;
    private final WaveId wave;
    private final Flow flow;
    private final WaveReport report;

    StoredWave(Results results, WaveId wave, Flow flow) {
        this.results = results;
        this.wave = wave;
        this.flow = flow;
        this.report = results.report(wave);
    }

    @Override
    public String label() {
        return wave.wave();
    }

    @Override
    public boolean published() {
        return false;
    }

    @Override
    public QuestionKind kind(String question) {
        return flow.step(question).map(q -> q.kind())
                .orElseThrow(() -> new TemplateException("no question '" + question + "'"));
    }

    @Override
    public Overview overview() {
        return report.overview();
    }

    @Override
    public Distribution distribution(String question, Unit unit) {
        Distribution distribution = (unit == Unit.UNITS ? report.units() : report.respondents()).get(question);
        if (distribution == null) {
            throw new UnknownResultException("no choice question '" + question + "'");
        }
        return distribution;
    }

    @Override
    public UnitCombinations combinations(String question) {
        UnitCombinations combinations = report.combinations().get(question);
        return combinations != null ? combinations : results.unitCombinations(wave, question);
    }

    @Override
    public CodedTable coded(String question, String part) {
        CodedTable table = report.coded().get(part == null ? question : question + ":" + part);
        if (table == null) {
            throw new UnknownResultException("no open question '" + question + (part == null ? "" : ":" + part) + "'");
        }
        return table;
    }

    @Override
    public CountedFieldTable counted(String question) {
        CountedFieldTable table = report.counted().get(question);
        if (table == null) {
            throw new UnknownResultException("no open-list question '" + question + "'");
        }
        return table;
    }

    @Override
    public RatingTable rating(String question) {
        RatingTable table = report.ratings().get(question);
        if (table == null) {
            throw new UnknownResultException("no rating question '" + question + "'");
        }
        return table;
    }

    @Override
    public NumberTable number(String question) {
        NumberTable table = report.numbers().get(question);
        if (table == null) {
            throw new UnknownResultException("no number question '" + question + "'");
        }
        return table;
    }
}
