package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.atomic.AtomicLong;

/** Time that passes only when someone waits: the rate limiter's waits take no real time. */
final class FakeTicker implements Ticker {

    private final AtomicLong now = new AtomicLong(Duration.ofHours(1).toNanos());
    private final AtomicLong slept = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    /** Lets the time pass at once: the queue sees the wait over without any real waiting. */
    @Override
    public void await(Condition condition, Duration duration) {
        now.addAndGet(duration.toNanos());
        slept.addAndGet(duration.toNanos());
    }

    Duration slept() {
        return Duration.ofNanos(slept.get());
    }
}
