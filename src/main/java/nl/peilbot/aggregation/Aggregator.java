package nl.peilbot.aggregation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.peilbot.response.ResponseCompleted;

/**
 * Keeps the results documents current: folds in each completed response when it is stored, and at start-up
 * repairs whatever a crash left out (responses or codings whose version differs from the one aggregated).
 *
 * <p>Writes of one wave are serialised in this JVM as well as guarded by the document version, because
 * FerretDB's filtered replace is not atomic (see docs/storage.md).
 */
@Component
class Aggregator {

    private static final Logger log = LoggerFactory.getLogger(Aggregator.class);
    private static final int MAX_ATTEMPTS = 20;

    private final ResultsStore results;
    private final ResponseSource responses;
    private final CodingStore codings;
    private final ApplicationEventPublisher events;
    private final Map<WaveId, ReentrantLock> locks = new ConcurrentHashMap<>();

    Aggregator(ResultsStore results, ResponseSource responses, CodingStore codings, ApplicationEventPublisher events) {
        this.results = results;
        this.responses = responses;
        this.codings = codings;
        this.events = events;
    }

    @EventListener
    void on(ResponseCompleted event) {
        aggregate(event.responseId());
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            reconcile();
        } catch (RuntimeException e) {
            log.error("could not bring the results up to date at start-up", e);
        }
    }

    /** Folds the response's current state into its wave's results; a response no longer completed is taken out. */
    void aggregate(String responseId) {
        responses.find(responseId).ifPresent(document -> {
            WaveId wave = ResponseSource.stamp(document).wave();
            update(wave, current -> {
                Document latest = responses.find(responseId).orElse(null);
                return current.replacing(responseId, contribution(latest, codings.forResponse(responseId)));
            });
        });
    }

    /** Brings every wave's results to the stored responses and codings; returns the number of responses refolded. */
    int reconcile() {
        Map<WaveId, List<ResponseSource.Stamp>> byWave = new LinkedHashMap<>();
        responses.stamps().forEach(s -> byWave.computeIfAbsent(s.wave(), w -> new ArrayList<>()).add(s));
        results.waves().forEach(w -> byWave.putIfAbsent(w, List.of()));
        int refolded = 0;
        for (Map.Entry<WaveId, List<ResponseSource.Stamp>> wave : byWave.entrySet()) {
            refolded += reconcile(wave.getKey(), wave.getValue());
        }
        return refolded;
    }

    /** Computes the wave's results from scratch from its completed responses and codings, and stores them. */
    WaveResults rebuild(WaveId wave) {
        return update(wave, current -> {
            Map<String, Map<String, Coding>> coded = codings.forWave(wave);
            List<Contribution> all = responses.completed(wave).stream()
                    .map(d -> ContributionReader.read(d, coded.getOrDefault(d.getString("_id"), Map.of()))).toList();
            return WaveResults.rebuilt(wave, current.version(), all);
        });
    }

    /** Runs {@code action} while no results of the wave are written in this JVM, e.g. to store a coding. */
    <T> T locked(WaveId wave, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(wave, w -> new ReentrantLock());
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private int reconcile(WaveId wave, List<ResponseSource.Stamp> stamps) {
        int[] refolded = {0};
        update(wave, current -> {
            Map<String, Map<String, Coding>> coded = codings.forWave(wave);
            Map<String, Contribution> changes = new HashMap<>();
            Map<String, ResponseSource.Stamp> completed = new HashMap<>();
            stamps.stream().filter(ResponseSource.Stamp::completed).forEach(s -> completed.put(s.id(), s));
            for (ResponseSource.Stamp stamp : completed.values()) {
                Contribution applied = current.contributions().get(stamp.id());
                Map<String, Coding> ofResponse = coded.getOrDefault(stamp.id(), Map.of());
                if (applied == null || applied.version() != stamp.version() || !codingsApplied(applied, ofResponse)) {
                    changes.put(stamp.id(), contribution(responses.find(stamp.id()).orElse(null), ofResponse));
                }
            }
            current.contributions().keySet().stream().filter(id -> !completed.containsKey(id))
                    .forEach(id -> changes.put(id, null));
            refolded[0] = changes.size();
            return current.replacing(changes);
        });
        if (refolded[0] > 0) {
            log.info("start-up: refolded {} responses into the results of {}", refolded[0], wave.key());
        }
        return refolded[0];
    }

    private static boolean codingsApplied(Contribution applied, Map<String, Coding> codings) {
        for (Map.Entry<String, Contribution.OpenText> text : applied.texts().entrySet()) {
            Coding coding = codings.get(text.getKey());
            if (text.getValue().codingVersion() != (coding == null ? 0 : coding.version())) {
                return false;
            }
        }
        return true;
    }

    private static Contribution contribution(Document response, Map<String, Coding> codings) {
        if (response == null || !ResponseSource.stamp(response).completed()) {
            return null;
        }
        return ContributionReader.read(response, codings);
    }

    private WaveResults update(WaveId wave, UnaryOperator<WaveResults> change) {
        WaveResults[] before = new WaveResults[1];
        WaveResults after = locked(wave, () -> {
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
                before[0] = results.load(wave);
                WaveResults updated = change.apply(before[0]);
                if (Objects.equals(updated, before[0]) && before[0].version() > 0) {
                    return before[0];
                }
                if (results.save(updated, before[0].version())) {
                    return updated.atVersion(before[0].version() + 1);
                }
            }
            throw new IllegalStateException("results of " + wave.key() + " kept changing under " + MAX_ATTEMPTS + " attempts");
        });
        if (after.version() != before[0].version()) {
            events.publishEvent(new ResultsChanged(wave, after.version()));
        }
        return after;
    }
}
