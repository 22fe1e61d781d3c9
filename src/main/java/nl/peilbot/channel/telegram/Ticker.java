package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.concurrent.locks.Condition;

/** Time for the rate limiter, replaceable so tests need not wait for real seconds. */
interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void await(Condition condition, Duration duration) throws InterruptedException {
            condition.awaitNanos(duration.toNanos());
        }
    };

    long nanoTime();

    /** Waits up to {@code duration}, or until {@code condition} (whose lock the caller holds) is signalled. */
    void await(Condition condition, Duration duration) throws InterruptedException;
}
