package nl.peilbot.system;

import java.util.Map;
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
        gauge(registry, running, "peilbot.outbox.pending", "Messages not yet delivered", stats -> sum(stats.pending()));
        gauge(registry, running, "peilbot.outbox.given.up", "Messages given up on", stats -> sum(stats.givenUp()));
        gauge(registry, running, "peilbot.outbox.oldest.pending.seconds", "Age of the oldest undelivered message",
                OutboxStats::oldestPendingSeconds);
    }

    private static void gauge(MeterRegistry registry, Outbox outbox, String name, String description,
                              ToDoubleFunction<OutboxStats> value) {
        Gauge.builder(name, outbox, box -> value.applyAsDouble(box.stats())).description(description).register(registry);
    }

    private static double sum(Map<String, Long> perKind) {
        return perKind.values().stream().mapToLong(Long::longValue).sum();
    }
}
