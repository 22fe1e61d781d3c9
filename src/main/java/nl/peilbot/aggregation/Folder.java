package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.response.ResponseSelection;
import nl.peilbot.response.ResponseView;

/**
 * Folds queued deltas into a wave's counters, and rebuilds a wave from its responses.
 *
 * <p>A fold reads the latest fold, re-reads each queued response (so duplicated, late or reordered events change
 * nothing), takes the response's last counted contribution out and its current one in, and commits the next fold by
 * inserting it: of two folders (threads or instances) only one can insert a number, the other starts again from the
 * new latest fold. The contributions and the queue are brought in line after the commit, and again by whichever
 * folder comes next, so a crash at any point neither loses nor double-counts a response (docs/aggregation.md).
 */
@Component
class Folder {

    private static final Logger log = LoggerFactory.getLogger(Folder.class);
    static final int BATCH = 200;
    private static final int MAX_ATTEMPTS = 100;
    private static final int REBUILD_BATCH = 500;

    private final ResultsStore results;
    private final ContributionStore contributions;
    private final DeltaQueue queue;
    private final ResponseReader responses;
    private final CodingStore codings;
    private final WaveFlows flows;
    private final ApplicationEventPublisher events;
    private final Map<WaveId, ReentrantLock> locks = new ConcurrentHashMap<>();

    Folder(ResultsStore results, ContributionStore contributions, DeltaQueue queue, ResponseReader responses,
           CodingStore codings, WaveFlows flows, ApplicationEventPublisher events) {
        this.results = results;
        this.contributions = contributions;
        this.queue = queue;
        this.responses = responses;
        this.codings = codings;
        this.flows = flows;
        this.events = events;
    }

    /** Folds everything queued for the wave; returns the number of deltas taken in. */
    int fold(WaveId wave) {
        return locked(wave, () -> {
            int consumed = 0;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; ) {
                Fold latest = results.latest(wave).orElse(Fold.none(wave));
                complete(latest);
                List<DeltaQueue.Delta> deltas = queue.pending(wave, BATCH);
                if (deltas.isEmpty()) {
                    return consumed;
                }
                Optional<Fold> next = next(latest, deltas);
                if (next.isEmpty()) {
                    queue.remove(ids(deltas));
                    consumed += deltas.size();
                } else if (results.commit(next.get())) {
                    complete(next.get());
                    consumed += deltas.size();
                    events.publishEvent(new ResultsChanged(wave, next.get().seq()));
                } else {
                    attempt++;
                    pause(attempt);
                }
            }
            log.warn("results of {}: gave up folding after {} lost races; the next fold or sweep takes the rest",
                    wave.key(), MAX_ATTEMPTS);
            return consumed;
        });
    }

    /** Computes the wave anew from its completed responses and codings, streamed in batches, as a new generation. */
    Fold rebuild(WaveId wave) {
        return locked(wave, () -> {
            for (int attempt = 1; attempt <= 3; attempt++) {
                Fold latest = results.latest(wave).orElse(Fold.none(wave));
                String generation = UUID.randomUUID().toString();
                Map<String, Map<String, Coding>> coded = codings.forWave(wave);
                Tally.Accumulator sum = new Tally.Accumulator(Tally.EMPTY);
                List<Contribution> batch = new ArrayList<>();
                ContributionReader reader = ContributionReader.of(flows.flow(wave));
                responses.forEach(ResponseSelection.completedOf(wave.survey(), wave.wave()), response -> {
                    Contribution contribution = reader.read(response, coded.getOrDefault(response.id(), Map.of()));
                    sum.apply(contribution, 1);
                    batch.add(contribution);
                    if (batch.size() == REBUILD_BATCH) {
                        contributions.insertFirst(wave, generation, batch);
                        batch.clear();
                    }
                });
                contributions.insertFirst(wave, generation, batch);
                Fold rebuilt = Fold.rebuilt(wave, latest.seq() + 1, generation, sum.tally());
                if (results.commit(rebuilt)) {
                    results.checkpoint(rebuilt);
                    results.advance(rebuilt);
                    events.publishEvent(new ResultsChanged(wave, rebuilt.seq()));
                    contributions.removeGeneration(wave, latest.generation());
                    return rebuilt;
                }
                contributions.removeGeneration(wave, generation);
            }
            throw new IllegalStateException("results of " + wave.key() + " kept changing during the rebuild");
        });
    }

    /** Runs {@code action} while no other thread of this JVM folds the wave. */
    <T> T locked(WaveId wave, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(wave, w -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** The fold taking in the queued responses, empty when none of them changed what it counts. */
    private Optional<Fold> next(Fold latest, List<DeltaQueue.Delta> deltas) {
        Set<String> responseIds = new LinkedHashSet<>();
        deltas.forEach(d -> responseIds.add(d.response()));
        Tally.Accumulator tally = new Tally.Accumulator(latest.tally());
        Map<String, Fold.Change> changes = new LinkedHashMap<>();
        ContributionReader reader = ContributionReader.of(flows.flow(latest.wave()));
        for (String responseId : responseIds) {
            Optional<ContributionStore.Latest> counted = contributions.latest(latest.generation(), responseId);
            Contribution before = counted.map(ContributionStore.Latest::contribution).orElse(null);
            Contribution now = current(latest.wave(), responseId, reader);
            if (!Objects.equals(before, now)) {
                if (before != null) {
                    tally.apply(before, -1);
                }
                if (now != null) {
                    tally.apply(now, 1);
                }
                changes.put(responseId, new Fold.Change(counted.map(ContributionStore.Latest::position).orElse(0L) + 1, now));
            }
        }
        return changes.isEmpty() ? Optional.empty() : Optional.of(latest.next(tally.tally(), changes, ids(deltas)));
    }

    /** What the response adds now: null when it is gone, not completed, or of another wave. */
    private Contribution current(WaveId wave, String responseId, ContributionReader reader) {
        ResponseView response = responses.find(responseId).orElse(null);
        if (response == null || !response.completed() || !wave.equals(new WaveId(response.survey(), response.wave()))) {
            return null;
        }
        Contribution uncoded = reader.read(response, Map.of());
        if (uncoded.texts().isEmpty()) {
            return uncoded;
        }
        return reader.read(response, codings.forAnswers(responseId, uncoded.texts().keySet()));
    }

    /** Brings the contributions, the pointer and the queue in line with a committed fold; safe to repeat. */
    private void complete(Fold fold) {
        if (fold.seq() == 0) {
            return;
        }
        fold.changes().forEach((responseId, change) ->
                contributions.insert(fold.wave(), fold.generation(), responseId, change, fold.seq()));
        results.checkpoint(fold);
        results.advance(fold);
        queue.remove(fold.consumed());
    }

    private static List<String> ids(List<DeltaQueue.Delta> deltas) {
        return deltas.stream().map(DeltaQueue.Delta::id).distinct().toList();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, attempt * 2L) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while folding", e);
        }
    }
}
