package nl.peilbot.system;

import nl.peilbot.aggregation.Results;

/**
 * A deliberate boundary violation, imported only by {@code BoundaryViolationsTests}: the cross-cutting
 * {@code system} module reaching into a feature module.
 */
class SystemUsingAggregationViolation {

    private final Results results;

    SystemUsingAggregationViolation(Results results) {
        this.results = results;
    }

    Results results() {
        return results;
    }
}
