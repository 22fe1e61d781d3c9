package nl.peilbot.aggregation;

import java.util.List;
import java.util.Map;
import java.util.Collections;
import java.util.TreeMap;

/**
 * One committed step of a wave's results: the counters after it, the contributions it changed and the queued deltas
 * it consumed. Folds are numbered 1, 2, 3, … per wave; the one with the highest number is the wave's results.
 *
 * @param seq        this fold's number; committing inserts it, so two folders can never both write the same number
 * @param generation the contributions it counts: a rebuild starts a new generation, folds carry it on
 * @param changes    by response id: the response's next contribution position and its contribution (null: none)
 * @param consumed   the ids of the queued deltas folded in, so they are never folded twice
 */
record Fold(WaveId wave, long seq, String generation, Tally tally, Map<String, Change> changes, List<String> consumed) {

    /** The generation of a wave that was never rebuilt. */
    static final String FIRST_GENERATION = "0";

    Fold {
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
        consumed = List.copyOf(consumed);
    }

    /**
     * A response's contribution as a fold changed it.
     *
     * @param position the number of the response's contribution in its chain (1 for the first)
     * @param contribution what it now adds, null when it adds nothing (withdrawn, re-opened)
     */
    record Change(long position, Contribution contribution) {
    }

    /** The results of a wave nothing was folded into yet. */
    static Fold none(WaveId wave) {
        return new Fold(wave, 0, FIRST_GENERATION, Tally.EMPTY, Map.of(), List.of());
    }

    /** The fold after this one, in the same generation. */
    Fold next(Tally counters, Map<String, Change> changed, List<String> consumedIds) {
        return new Fold(wave, seq + 1, generation, counters, new TreeMap<>(changed), consumedIds);
    }
}
