package nl.peilbot.response;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the turn log ({@code peilbot.turns.*}).
 *
 * @param retention      how long a committed turn record is kept at least; a turn record or a snapshot write is only
 *                       sent within a third of it after the writer learnt which version was the newest, which keeps
 *                       a slow writer from committing twice or setting a response back as long as every write takes
 *                       effect within another third (docs/storage.md)
 * @param repairInterval  how often the repair reads the whole turn log to finish turns whose writer died and delete
 *                        what they left; it reads every record kept, so not much more often than the retention
 * @param cleanupInterval how often an instance deletes, by {@code _id}, the records it committed and finished itself
 *                        once they are older than the retention
 */
@ConfigurationProperties("peilbot.turns")
record TurnsProperties(@DefaultValue("15m") Duration retention, @DefaultValue("15m") Duration repairInterval,
                       @DefaultValue("30s") Duration cleanupInterval) {

    TurnsProperties {
        for (Duration duration : new Duration[] {retention, repairInterval, cleanupInterval}) {
            if (duration.isNegative() || duration.isZero()) {
                throw new IllegalArgumentException(
                        "peilbot.turns.retention, repair-interval and cleanup-interval must be positive");
            }
        }
    }

    /**
     * How late after learning which version is the newest a writer may still send the next version's record, or
     * that version as the snapshot.
     */
    Duration deadline() {
        return retention.dividedBy(3);
    }
}
