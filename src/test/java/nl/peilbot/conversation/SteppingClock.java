package nl.peilbot.conversation;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock that moves one second per reading, and can run something once at its next reading: the service reads
 * the time between loading a response and writing it, which lets a test put another tab's write in between.
 */
final class SteppingClock extends Clock {

    private final AtomicReference<Instant> now;
    private final AtomicReference<Runnable> atNextReading = new AtomicReference<>();

    SteppingClock(Instant start) {
        this.now = new AtomicReference<>(start);
    }

    void atNextReading(Runnable action) {
        atNextReading.set(action);
    }

    @Override
    public Instant instant() {
        Runnable action = atNextReading.getAndSet(null);
        if (action != null) {
            action.run();
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
