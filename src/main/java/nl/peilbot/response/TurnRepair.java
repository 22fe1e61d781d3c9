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

/**
 * Runs the turn log's repair at start-up and then every {@code peilbot.turns.repair-interval}: finishes turns whose
 * respondent never came back after their writer died, republishes {@link ResponseCompleted} where it is due, and
 * deletes old records. Every instance runs it; it is idempotent, so two at once do no harm.
 */
@Component
class TurnRepair implements SchedulingConfigurer {

    private static final Logger log = LoggerFactory.getLogger(TurnRepair.class);

    private final ResponseStore responses;
    private final TurnsProperties settings;

    TurnRepair(ResponseStore responses, TurnsProperties settings) {
        this.responses = responses;
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        // What a crash of this instance left is at most seconds old: nobody is still publishing it.
        run(Duration.ZERO);
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar registrar) {
        registrar.addFixedDelayTask(new FixedDelayTask(() -> run(settings.repairInterval()), settings.repairInterval(),
                settings.repairInterval()));
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
