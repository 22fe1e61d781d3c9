package nl.peilbot.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the n-th wait is at least {@code initial * 2^(n-1)} (capped at the maximum) and up
 * to half again as long, so instances that failed together do not retry together.
 */
final class Backoff {

    private final Duration max;
    private final DoubleSupplier random;

    /** @param random uniform in [0, 1); a fixed value in tests */
    Backoff(Duration max, DoubleSupplier random) {
        this.max = max;
        this.random = random;
    }

    /** The wait after {@code failedTries} failed tries (1 for the first failure). */
    Duration after(int failedTries, Duration initial) {
        long cap = max.toMillis();
        long full = initial.toMillis() << Math.min(Math.max(failedTries - 1, 0), 30);
        if (full <= 0 || full > cap) {
            full = cap;
        }
        long jitter = (long) (full / 2 * random.getAsDouble());
        return Duration.ofMillis(Math.min(cap, full + jitter));
    }
}
