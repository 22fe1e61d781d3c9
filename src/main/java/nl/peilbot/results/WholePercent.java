package nl.peilbot.results;

/**
 * Whole percents rounded half up, as the aggregation module rounds its materialised tables (docs/aggregation.md),
 * for the tables this module counts itself from filtered raw responses.
 */
final class WholePercent {

    private WholePercent() {
    }

    static int of(int count, int base) {
        return base <= 0 ? 0 : (int) ((200L * count + base) / (2L * base));
    }
}
