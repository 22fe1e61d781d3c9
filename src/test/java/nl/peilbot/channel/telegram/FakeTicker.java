package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Time that passes only when someone sleeps: the rate limiter's waits take no real time. */
final class FakeTicker implements Ticker {

    private final AtomicLong now = new AtomicLong(Duration.ofHours(1).toNanos());
    private final AtomicLong slept = new AtomicLong();

    @Override
    public long nanoTime() {
        return now.get();
    }

    @Override
    public void sleep(Duration duration) {
        now.addAndGet(duration.toNanos());
        slept.addAndGet(duration.toNanos());
        Thread.yield();
    }

    Duration slept() {
        return Duration.ofNanos(slept.get());
    }
}
