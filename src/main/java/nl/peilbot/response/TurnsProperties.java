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
 * @param repairInterval how often the repair finishes turns whose writer died, and deletes old records
 */
@ConfigurationProperties("peilbot.turns")
record TurnsProperties(@DefaultValue("15m") Duration retention, @DefaultValue("30s") Duration repairInterval) {

    TurnsProperties {
        if (retention.isNegative() || retention.isZero() || repairInterval.isNegative() || repairInterval.isZero()) {
            throw new IllegalArgumentException("peilbot.turns.retention and repair-interval must be positive");
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
