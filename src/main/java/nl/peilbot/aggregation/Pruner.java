package nl.peilbot.aggregation;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import nl.peilbot.lease.Leases;
import nl.peilbot.response.ResponseReader;

/**
 * Removes what the results no longer need, every {@code peilbot.aggregation.pruning.interval} on one instance (a
 * lease): folds and checkpoints below the checkpoint before the latest, fold bodies of earlier releases, the
 * contributions of generations a rebuild replaced, and the contribution chains of withdrawn responses. Consumed deltas
 * need no pruning: every folder deletes them when it completes the latest fold. Everything it does is idempotent.
 */
@Component
class Pruner implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(Pruner.class);
    private static final String LEASE = "aggregation-prune";

    private final ResultsStore results;
    private final ContributionStore contributions;
    private final ResponseReader responses;
    private final PruningProperties settings;
    private final Leases leases;

    Pruner(ResultsStore results, ContributionStore contributions, ResponseReader responses, PruningProperties settings,
           Leases leases) {
        this.results = results;
        this.contributions = contributions;
        this.responses = responses;
        this.settings = settings;
        this.leases = leases;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runUnderLease, settings.interval(), settings.interval()));
    }

    /** Prunes every wave now; returns the number of documents removed. */
    int prune() {
        int removed = 0;
        for (WaveId wave : results.waves()) {
            removed += prune(wave);
        }
        return removed;
    }

    /** Prunes one wave now; returns the number of documents removed. */
    int prune(WaveId wave) {
        ResultsStore.Pruned pruned = results.prune(wave, settings.margin());
        int removed = pruned.documents();
        for (String generation : pruned.generations()) {
            removed += contributions.removeGeneration(wave, generation);
        }
        if (pruned.horizon() > 0) {
            removed += contributions.pruneWithdrawn(wave, pruned.generation(), pruned.horizon(), responses);
        }
        return removed;
    }

    private void runUnderLease() {
        try {
            leases.tryRun(LEASE, settings.interval(), () -> {
                int removed = prune();
                if (removed > 0) {
                    log.info("results pruning: {} superseded documents removed", removed);
                }
            });
        } catch (RuntimeException e) {
            log.warn("results pruning failed, tried again in {}: {}", settings.interval(), e.toString());
        }
    }
}
