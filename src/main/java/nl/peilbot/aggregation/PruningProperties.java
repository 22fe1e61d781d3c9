package nl.peilbot.aggregation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the pruning of superseded results ({@code peilbot.aggregation.pruning.*}).
 *
 * @param interval how often one instance (under a lease) removes superseded folds, checkpoints, old generations and
 *                 the contribution chains of withdrawn responses
 * @param margin   how long a superseded fold, checkpoint or tombstone is kept at least, for readers and folders still
 *                 working from it (docs/aggregation.md, "Pruning")
 */
@ConfigurationProperties("peilbot.aggregation.pruning")
record PruningProperties(@DefaultValue("5m") Duration interval, @DefaultValue("10m") Duration margin) {

    PruningProperties {
        if (interval.isNegative() || interval.isZero() || margin.isNegative()) {
            throw new IllegalArgumentException("peilbot.aggregation.pruning.interval must be positive, margin not negative");
        }
    }
}
