package nl.peilbot.aggregation.internal;

/**
 * Public, but in a sub-package of the aggregation module, so internal to it; imported only by
 * {@code BoundaryViolationsTests}.
 */
public final class AggregationInternalType {
}
