package nl.peilbot.aggregation;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A wave's results as materialised: the tally and the contribution each response made to it.
 *
 * @param version counts the writes of the results document, which is replaced only at the version it was read at
 */
record WaveResults(WaveId wave, long version, Tally tally, SortedMap<String, Contribution> contributions) {

    WaveResults {
        contributions = new TreeMap<>(contributions);
    }

    static WaveResults empty(WaveId wave) {
        return new WaveResults(wave, 0, Tally.EMPTY, new TreeMap<>());
    }

    /** Results computed from scratch from every contribution, at the given document version. */
    static WaveResults rebuilt(WaveId wave, long version, Collection<Contribution> contributions) {
        SortedMap<String, Contribution> byResponse = new TreeMap<>();
        contributions.forEach(c -> byResponse.put(c.response(), c));
        return new WaveResults(wave, version, Tally.of(byResponse.values()), byResponse);
    }

    /**
     * These results with the response's old contribution replaced by {@code next} (null: taken out). Applying the
     * contribution it holds already changes nothing, which is what makes aggregating twice harmless.
     */
    WaveResults replacing(String responseId, Contribution next) {
        Contribution previous = contributions.get(responseId);
        if (Objects.equals(previous, next)) {
            return this;
        }
        SortedMap<String, Contribution> updated = new TreeMap<>(contributions);
        if (next == null) {
            updated.remove(responseId);
        } else {
            updated.put(responseId, next);
        }
        return new WaveResults(wave, version, tally.replacing(previous, next), updated);
    }

    /** Applies several replacements at once (null values take a response out). */
    WaveResults replacing(Map<String, Contribution> next) {
        WaveResults results = this;
        for (Map.Entry<String, Contribution> entry : next.entrySet()) {
            results = results.replacing(entry.getKey(), entry.getValue());
        }
        return results;
    }

    WaveResults atVersion(long newVersion) {
        return new WaveResults(wave, newVersion, tally, contributions);
    }
}
