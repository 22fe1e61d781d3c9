package nl.peilbot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves one second per reading, and can run something once at the test thread's next reading: the
 * service reads the time between loading a response and writing it, which lets a test put another tab's write in
 * between. Only the thread that set the action runs it: the app's background work (the outbox's poll, the
 * aggregation's sweep) reads the same clock and would otherwise run it at some other moment.
 */
final class SteppingClock extends Clock {

    private final AtomicReference<Instant> now;
    private final AtomicReference<Pending> atNextReading = new AtomicReference<>();

    private record Pending(Thread reader, Runnable action) {
    }

    SteppingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void atNextReading(Runnable action) {
        atNextReading.set(new Pending(Thread.currentThread(), action));
    }

    @Override
    public Instant instant() {
        Pending pending = atNextReading.get();
        if (pending != null && pending.reader() == Thread.currentThread() && atNextReading.compareAndSet(pending, null)) {
            pending.action().run();
        }
        return now.getAndUpdate(t -> t.plusSeconds(1));
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("tests use UTC");
    }
}
