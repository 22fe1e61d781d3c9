package nl.peilbot.aggregation;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on Spring's scheduling for the aggregation's sweep of deltas a crashed instance left queued. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AggregationScheduling {
}
