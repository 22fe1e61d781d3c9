package nl.peilbot.system;

import java.time.Duration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;

import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxStats;

/**
 * The outbox's backlog in {@code /actuator/health} as component {@code outbox}: {@code UP} while messages leave
 * in time, {@code BACKLOG} (still answered with 200, so a load balancer keeps the instance: respondents are served
 * either way) when the oldest undelivered message waits longer than {@link #LATE} or messages were given up.
 * Organisers see the figures; anonymous callers only the status.
 */
@Component("outboxHealthIndicator")
class OutboxHealth implements HealthIndicator {

    static final Status BACKLOG = new Status("BACKLOG", "messages wait long or were given up; see the console");
    private static final Duration LATE = Duration.ofMinutes(10);

    private final ObjectProvider<Outbox> outbox;

    OutboxHealth(ObjectProvider<Outbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public Health health() {
        Outbox running = outbox.getIfAvailable();
        if (running == null) {
            return Health.unknown().withDetail("outbox", "not running").build();
        }
        OutboxStats stats = running.stats();
        long givenUp = stats.givenUpTotal();
        boolean late = stats.oldestPendingSeconds() > LATE.toSeconds();
        return Health.status(late || givenUp > 0 ? BACKLOG : Status.UP)
                .withDetail("pending", stats.pending())
                .withDetail("givenUp", stats.givenUp())
                .withDetail("oldestPendingSeconds", stats.oldestPendingSeconds())
                .build();
    }
}
