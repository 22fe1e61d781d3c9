package nl.peilbot.aggregation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on Spring's scheduling for the aggregation's sweep of deltas a crashed instance left queued, and its pruning
 * of superseded results.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(PruningProperties.class)
class AggregationScheduling {
}
