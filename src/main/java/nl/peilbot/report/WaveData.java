package nl.peilbot.report;

import nl.peilbot.aggregation.CodedTable;
import nl.peilbot.aggregation.Distribution;
import nl.peilbot.aggregation.NumberTable;
import nl.peilbot.aggregation.RatingTable;
import nl.peilbot.aggregation.UnitCombinations;
import nl.peilbot.aggregation.Overview;
import nl.peilbot.aggregation.CountedFieldTable;
import nl.peilbot.aggregation.Unit;
import nl.peilbot.flow.QuestionKind;

/**
 * The tables of one wave as a report reads them: from the stored answers, or from an earlier wave's published
 * figures. A table that does not exist throws {@link nl.peilbot.aggregation.UnknownResultException} or
 * {@link TemplateException}.
 */
interface WaveData {

    /** How the wave is named in comparisons, e.g. {@code 2019}. */
    String label();

    /** True when the wave is known only by its published figures, not by answers. */
    boolean published();

    Overview overview();

    Distribution distribution(String question, Unit unit);

    UnitCombinations combinations(String question);

    CodedTable coded(String question, String part);

    CountedFieldTable counted(String question);

    /** A rating question's table; a wave known by its published figures has none (it throws). */
    RatingTable rating(String question);

    /** A number question's table; a wave known by its published figures has none (it throws). */
    NumberTable number(String question);

    /**
     * A question's kind from the wave's flow, for dispatching its block; a wave known by its published figures has
     * no flow and shows no question blocks.
     */
    default QuestionKind kind(String question) {
        throw new TemplateException("'" + question + "' has no block in " + label() + ": only its published figures are known");
    }

    /** The data of the reports' wave and of the earlier waves a template names. */
    interface Source {

        WaveData current();

        /** An earlier wave by {@code survey/wave}; an unknown one throws {@link TemplateException}. */
        WaveData wave(String reference);
    }
}
