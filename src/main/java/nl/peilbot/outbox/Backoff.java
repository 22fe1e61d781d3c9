package nl.peilbot.outbox;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Exponential back-off with "equal jitter": the n-th wait lies between half and all of {@code initial * 2^(n-1)}. */
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
        long half = full / 2;
        return Duration.ofMillis(half + (long) ((full - half) * random.getAsDouble()));
    }
}
