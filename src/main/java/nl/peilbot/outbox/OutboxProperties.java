package nl.peilbot.outbox;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the outbox worker runs.
 *
 * @param pollInterval how often other instances' messages and due retries are looked for; local enqueues wake the
 *                     worker at once
 * @param parallelism  tries running at the same time on this instance (one per key at most)
 * @param claimMargin  added to a handler's time-out for the expiry of a claim: a claim of a crashed instance is
 *                     taken over after time-out plus margin
 * @param maxBackoff   the longest wait between two tries
 * @param maxAge       a message still failing this long after it was enqueued is given up
 * @param shutdownWait how long a stopping instance waits for tries in flight before it leaves them to their claims
 */
@ConfigurationProperties("peilbot.outbox")
record OutboxProperties(@DefaultValue("1s") Duration pollInterval, @DefaultValue("8") int parallelism,
                        @DefaultValue("30s") Duration claimMargin, @DefaultValue("10m") Duration maxBackoff,
                        @DefaultValue("2d") Duration maxAge, @DefaultValue("10s") Duration shutdownWait) {

    OutboxProperties {
        if (parallelism < 1) {
            throw new IllegalArgumentException("peilbot.outbox.parallelism must be at least 1");
        }
    }

    static OutboxProperties defaults() {
        return new OutboxProperties(Duration.ofSeconds(1), 8, Duration.ofSeconds(30), Duration.ofMinutes(10),
                Duration.ofDays(2), Duration.ofSeconds(10));
    }
}
