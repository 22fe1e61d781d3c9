package nl.peilbot.aggregation;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import nl.peilbot.response.ResponseCompleted;
import nl.peilbot.response.ResponseWithdrawn;
import nl.peilbot.response.ResponseReader;

/**
 * Keeps the results current: queues a delta when a response is completed, changed, withdrawn or coded (in the
 * caller's thread, one read and one insert by {@code _id}), and folds the wave's queue right after on a task
 * executor thread. A periodic sweep folds whatever a crashed instance queued but did not fold.
 */
@Component
class Aggregator {

    private static final Logger log = LoggerFactory.getLogger(Aggregator.class);

    private final Folder folder;
    private final DeltaQueue queue;
    private final ResponseReader responses;
    private final ResultsStore results;
    private final TaskExecutor executor;
    private final Set<WaveId> scheduled = ConcurrentHashMap.newKeySet();

    Aggregator(Folder folder, DeltaQueue queue, ResponseReader responses, ResultsStore results,
               @Qualifier("applicationTaskExecutor") TaskExecutor executor) {
        this.folder = folder;
        this.queue = queue;
        this.responses = responses;
        this.results = results;
        this.executor = executor;
    }

    @EventListener
    void on(ResponseCompleted event) {
        WaveId wave = new WaveId(event.surveyId(), event.wave());
        enqueue(event.responseId(), wave);
        foldSoon(wave);
    }

    @EventListener
    void on(ResponseWithdrawn event) {
        WaveId wave = new WaveId(event.surveyId(), event.wave());
        queue.add(event.responseId() + ":withdrawn:" + UUID.randomUUID(), wave, event.responseId());
        foldSoon(wave);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            for (WaveId wave : results.legacyWaves()) {
                log.info("start-up: rebuilding the results of {} into the per-response form", wave.key());
                folder.rebuild(wave);
            }
            sweep();
        } catch (RuntimeException e) {
            log.error("could not bring the results up to date at start-up", e);
        }
    }

    /** Folds every wave with queued deltas: those whose folder crashed, or lost too many races. */
    @Scheduled(fixedDelayString = "${peilbot.aggregation.sweep-interval:PT30S}",
            initialDelayString = "${peilbot.aggregation.sweep-interval:PT30S}")
    void sweep() {
        for (WaveId wave : queue.waves()) {
            foldQuietly(wave);
        }
    }

    /** Queues the response's stored state; false when that state was queued already. */
    boolean enqueue(String responseId, WaveId wave) {
        String state = responses.version(responseId).map(String::valueOf)
                .orElseGet(() -> "gone:" + UUID.randomUUID());
        return queue.add(responseId + ":" + state, wave, responseId);
    }

    /** Queues the response for an analyst's coding of one of its answers, before the coding is stored. */
    void enqueueCoding(String responseId, WaveId wave, String answerKey) {
        queue.add(responseId + ":coding:" + answerKey + ":" + UUID.randomUUID(), wave, responseId);
    }

    /** Folds the wave on an executor thread, once for any number of requests made before it starts. */
    void foldSoon(WaveId wave) {
        if (scheduled.add(wave)) {
            executor.execute(() -> {
                scheduled.remove(wave);
                foldQuietly(wave);
            });
        }
    }

    private void foldQuietly(WaveId wave) {
        try {
            folder.fold(wave);
        } catch (RuntimeException e) {
            log.warn("could not fold the results of {} now; the sweep tries again: {}", wave.key(), e.toString());
        }
    }
}
