package nl.peilbot.response;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

import nl.peilbot.lease.Leases;

/**
 * Runs the turn log's repair at start-up and then every {@code peilbot.turns.repair-interval}: finishes turns whose
 * respondent never came back after their writer died, republishes {@link ResponseCompleted} where it is due, and
 * deletes old records. The periodic run takes a lease, so it runs on about one instance per interval; the repair
 * is idempotent anyway, so two at once (clocks apart, a run outlasting its slot, start-ups) do no harm.
 *
 * <p>The repair reads every record kept (the last retention's turns, about 5 KB each), so it runs about once per
 * retention, not every few seconds: every {@code peilbot.turns.cleanup-interval} each instance instead deletes the
 * records it finished itself by {@code _id}, which keeps the log a retention deep without reading it.
 */
@Component
class TurnRepair implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TurnRepair.class);

    private static final String LEASE = "turn-repair";

    private final ResponseStore responses;
    private final TurnsProperties settings;
    private final Leases leases;

    TurnRepair(ResponseStore responses, TurnsProperties settings, Leases leases) {
        this.responses = responses;
        this.settings = settings;
        this.leases = leases;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        // What a crash of this instance left is at most seconds old: nobody is still publishing it.
        run(Duration.ZERO);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(this::runUnderLease, settings.repairInterval(),
                settings.repairInterval()));
        registrar.addFixedDelayTask(new FixedDelayTask(this::deleteSettled, settings.cleanupInterval(),
                settings.cleanupInterval()));
    }

    private void deleteSettled() {
        try {
            responses.deleteSettled();
        } catch (RuntimeException e) {
            log.warn("turn records could not be deleted, left to the repair: {}", e.toString());
        }
    }

    private void runUnderLease() {
        try {
            leases.tryRun(LEASE, settings.repairInterval(), () -> run(settings.repairInterval()));
        } catch (RuntimeException e) {
            log.warn("turn log repair could not take its lease, tried again in {}: {}", settings.repairInterval(),
                    e.toString());
        }
    }

    private void run(Duration settle) {
        try {
            ResponseStore.Repair repair = responses.repair(settle);
            if (repair.finished() > 0 || repair.announced() > 0) {
                log.info("turn log repair: {} versions written to their response, {} completions published, "
                        + "{} old records deleted", repair.finished(), repair.announced(), repair.deleted());
            }
        } catch (RuntimeException e) {
            log.warn("turn log repair failed, tried again in {}: {}", settings.repairInterval(), e.toString());
        }
    }
}
