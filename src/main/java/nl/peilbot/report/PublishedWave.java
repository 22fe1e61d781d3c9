package nl.peilbot.report;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.PublishedFigures;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.UnknownResultException;

/**
 * An earlier wave known only by its published figures, as the aggregation module reads them
 * ({@link nl.peilbot.aggregation.Results#published}): only the choice questions and options that were published
 * exist; any other figure is an error, never a zero.
 */
final class PublishedWave implements WaveData {

    private final PublishedFigures figures;

    PublishedWave(PublishedFigures figures) {
        this.figures = figures;
    }

    @Override
    public String label() {
        return figures.wave().wave();
    }

    @Override
    public boolean published() {
        return true;
    }

    @Override
    public Overview overview() {
        return figures.overview();
    }

    @Override
    public Distribution distribution(String question, Unit unit) {
        return figures.distribution(question, unit);
    }

    @Override
    public UnitCombinations combinations(String question) {
        throw unknown("combinations of '" + question + "'");
    }

    @Override
    public CodedTable coded(String question, String part) {
        throw unknown("coded answers");
    }

    @Override
    public CountedFieldTable counted(String question) {
        throw unknown("open lists");
    }

    @Override
    public RatingTable rating(String question) {
        throw unknown("ratings");
    }

    @Override
    public NumberTable number(String question) {
        throw unknown("numbers");
    }

    private UnknownResultException unknown(String what) {
        return new UnknownResultException("the published figures of " + label() + " have no " + what);
    }
}
