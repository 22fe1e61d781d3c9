package nl.peilbot.aggregation;

import nl.peilbot.response.ResponseStore;

/**
 * A deliberate boundary violation, imported only by {@code BoundaryViolationsTests}: the aggregation, which may use
 * the response module's {@code events} only, using its store (public in the response module's base package).
 */
class AggregationUsingResponseStoreViolation {

    Object read(ResponseStore store) {
        return store;
    }
}
