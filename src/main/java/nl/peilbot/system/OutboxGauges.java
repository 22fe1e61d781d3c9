package nl.peilbot.system;

import java.util.function.ToDoubleFunction;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxStats;

/**
 * {@code peilbot.outbox.pending}, {@code peilbot.outbox.given.up} and {@code peilbot.outbox.oldest.pending.seconds}
 * from {@link Outbox#stats()}, when an outbox is running.
 *
 * <p>A scrape reads the three gauges one after another; they share one read of the outbox, taken at most once a
 * second, so a scrape costs one read and the three figures describe the same moment.
 */
@Component
class OutboxGauges implements MeterBinder {

    private final ObjectProvider<Outbox> outbox;

    OutboxGauges(ObjectProvider<Outbox> outbox) {
        this.outbox = outbox;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Outbox running = outbox.getIfAvailable();
        if (running == null) {
            return;
        }
        OneReadPerScrape read = new OneReadPerScrape(running);
        gauge(registry, read, "peilbot.outbox.pending", "Messages not yet delivered", OutboxStats::pendingTotal);
        gauge(registry, read, "peilbot.outbox.given.up", "Messages given up on", OutboxStats::givenUpTotal);
        gauge(registry, read, "peilbot.outbox.oldest.pending.seconds", "Age of the oldest undelivered message",
                OutboxStats::oldestPendingSeconds);
    }

    private static void gauge(MeterRegistry registry, OneReadPerScrape stats, String name, String description,
                              ToDoubleFunction<OutboxStats> value) {
        // Strong: the registry is the only holder of the shared read, and a weakly held gauge would read NaN after a GC.
        Gauge.builder(name, stats, s -> value.applyAsDouble(s.get())).strongReference(true).description(description)
                .register(registry);
    }

    /** The outbox's stats, read again when the last read is more than a second old. */
    static final class OneReadPerScrape {

        private static final long FRESH_NANOS = 1_000_000_000L;

        private final Outbox outbox;
        private OutboxStats last;
        private long readAt;

        OneReadPerScrape(Outbox outbox) {
            this.outbox = outbox;
        }

        synchronized OutboxStats get() {
            long now = System.nanoTime();
            if (last == null || now - readAt > FRESH_NANOS) {
                last = outbox.stats();
                readAt = now;
            }
            return last;
        }
    }
}
