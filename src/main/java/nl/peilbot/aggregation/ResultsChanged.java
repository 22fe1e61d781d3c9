package nl.peilbot.aggregation;

/**
 * Published after a wave's results document was written: what a live results page or an export cache listens to.
 *
 * @param version the results document's new version
 */
public record ResultsChanged(WaveId wave, long version) {
}
