package nl.peilbot.results;

import nl.peilbot.aggregation.internal.AggregationInternalType;

/**
 * A deliberate boundary violation, imported only by {@code BoundaryViolationsTests}: the results module, which may
 * use the aggregation's API, using a type internal to the aggregation module.
 */
class ResultsReadingAggregationInternalsViolation {

    Object read(AggregationInternalType internal) {
        return internal;
    }
}
