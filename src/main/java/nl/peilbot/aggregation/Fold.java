package nl.peilbot.aggregation;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One committed step of a wave's results: the counters after it, the counters it changed, the contributions it
 * changed and the queued deltas it consumed. Folds are numbered 1, 2, 3, … per wave; the one with the highest number
 * is the wave's results.
 *
 * <p>Only {@code delta} is stored with the fold, so a fold writes what it changed, not the whole survey. Every so
 * often a fold is a <em>checkpoint</em> ({@code base == seq}): its full counters are stored once beside it, and the
 * counters of a later fold are that checkpoint plus the deltas of the folds after it. A fold becomes a checkpoint when
 * the deltas since the last one hold as many counters as the tally itself, or after {@link #MAX_CHAIN} folds, so the
 * bytes written stay within twice the bytes changed and a cold reader reads a bounded chain.
 *
 * @param seq        this fold's number; committing inserts it, so two folders can never both write the same number
 * @param generation the contributions it counts: a rebuild starts a new generation, folds carry it on
 * @param shape      the {@link #SHAPE} its generation's contributions and counters were written in: a rebuild sets
 *                   the current one, folds carry it on; stored results of an older shape are rebuilt at start-up
 * @param tally      the counters after this fold (held in memory, rebuilt from checkpoint and deltas when read)
 * @param changes    by response id: the response's next contribution position and its contribution (null: none)
 * @param consumed   the ids of the queued deltas folded in, so they are never folded twice
 * @param base       the checkpoint this fold's counters are read from: its own number for a checkpoint
 * @param sinceBase  the number of counters the deltas since {@code base} wrote, this fold's included
 * @param reset      whether {@code delta} holds all counters (a rebuild), not a change of the fold before
 * @param delta      the counters this fold changed, with their new values (0: gone)
 */
record Fold(WaveId wave, long seq, String generation, int shape, Tally tally, Map<String, Change> changes, List<String> consumed,
            long base, long sinceBase, boolean reset, SortedMap<String, Integer> delta) {

    /** The generation of a wave that was never rebuilt. */
    static final String FIRST_GENERATION = "0";
    /**
     * The version of what a generation stores: the {@link Contribution} record as JSON, what {@code ContributionReader}
     * reads from a response and the {@link TallyKey} counters. Raise it with any change to them; results stored in
     * another shape are rebuilt once at start-up ({@code OutdatedResults}). Results of releases before the shape was
     * recorded read as 0.
     */
    static final int SHAPE = 1;
    /** The most folds after a checkpoint before the next fold is one, whatever their deltas' size. */
    static final int MAX_CHAIN = 16;

    Fold {
        changes = Collections.unmodifiableSortedMap(new TreeMap<>(changes));
        consumed = List.copyOf(consumed);
        delta = Collections.unmodifiableSortedMap(new TreeMap<>(delta));
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
        return new Fold(wave, 0, FIRST_GENERATION, SHAPE, Tally.EMPTY, Map.of(), List.of(), 0, 0, false, new TreeMap<>());
    }

    /** A rebuild's fold: all counters anew, in a new generation, a checkpoint of its own. */
    static Fold rebuilt(WaveId wave, long seq, String generation, Tally tally) {
        return new Fold(wave, seq, generation, SHAPE, tally, Map.of(), List.of(), seq, 0, true, tally.counters());
    }

    /** The fold after this one, in the same generation; it stores only the counters that differ from this one's. */
    Fold next(Tally counters, Map<String, Change> changed, List<String> consumedIds) {
        SortedMap<String, Integer> difference = difference(tally.counters(), counters.counters());
        long written = sinceBase + difference.size();
        boolean checkpoint = written >= Math.max(1, counters.counters().size()) || seq + 1 - base >= MAX_CHAIN;
        return new Fold(wave, seq + 1, generation, shape, counters, new TreeMap<>(changed), consumedIds,
                checkpoint ? seq + 1 : base, checkpoint ? 0 : written, false, difference);
    }

    /** Whether this fold's full counters are stored beside it. */
    boolean checkpoint() {
        return base == seq;
    }

    /** The counters of {@code before} with this fold's delta applied: the counters after this fold. */
    SortedMap<String, Integer> applyTo(SortedMap<String, Integer> before) {
        TreeMap<String, Integer> after = reset ? new TreeMap<>() : new TreeMap<>(before);
        delta.forEach((key, count) -> {
            if (count == 0) {
                after.remove(key);
            } else {
                after.put(key, count);
            }
        });
        return after;
    }

    private static SortedMap<String, Integer> difference(SortedMap<String, Integer> before, SortedMap<String, Integer> after) {
        TreeMap<String, Integer> difference = new TreeMap<>();
        after.forEach((key, count) -> {
            if (!count.equals(before.get(key))) {
                difference.put(key, count);
            }
        });
        before.keySet().forEach(key -> {
            if (!after.containsKey(key)) {
                difference.put(key, 0);
            }
        });
        return difference;
    }
}
