package nl.peilbot.aggregation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import nl.peilbot.lease.Leases;

/**
 * Rebuilds, once at start-up, every wave whose stored results are of another {@link Fold#SHAPE} than this release
 * writes (a release changed what a contribution or counter holds): no {@code rebuild(wave)} by hand after an upgrade.
 *
 * <p>Each wave's rebuild runs under a lease named for the wave and the shape, so instances starting together rebuild
 * it on one of them; the shape is read again under the lease, so a wave another instance rebuilt already is left
 * alone. A rebuild that failed (a crash, the database down) is tried again at the next start after the lease's slot.
 */
@Component
class OutdatedResults {

    /** How long one instance's claim on a wave's rebuild keeps the others from starting it too. */
    static final Duration SLOT = Duration.ofMinutes(15);

    private static final Logger log = LoggerFactory.getLogger(OutdatedResults.class);

    private final ResultsStore results;
    private final Folder folder;
    private final Leases leases;

    OutdatedResults(ResultsStore results, Folder folder, Leases leases) {
        this.results = results;
        this.folder = folder;
        this.leases = leases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        try {
            rebuild();
        } catch (RuntimeException e) {
            log.error("could not rebuild the results stored in an older shape; the next start tries again", e);
        }
    }

    /** Rebuilds the waves whose latest results are of another shape; returns those this instance rebuilt. */
    List<WaveId> rebuild() {
        List<WaveId> rebuilt = new ArrayList<>();
        for (WaveId wave : results.waves()) {
            if (!outdated(wave)) {
                continue;
            }
            leases.tryRun("aggregation-shape-" + Fold.SHAPE + ":" + wave.key(), SLOT, () -> {
                if (outdated(wave)) {
                    log.info("start-up: rebuilding the results of {}, stored in an older shape", wave.key());
                    folder.rebuild(wave);
                    rebuilt.add(wave);
                }
            });
        }
        return rebuilt;
    }

    private boolean outdated(WaveId wave) {
        return results.latest(wave).map(fold -> fold.shape() != Fold.SHAPE).orElse(false);
    }
}
