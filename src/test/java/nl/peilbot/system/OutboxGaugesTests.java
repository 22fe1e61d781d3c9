package nl.peilbot.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.peilbot.outbox.Outbox;
import nl.peilbot.outbox.OutboxMessage;
import nl.peilbot.outbox.OutboxStats;

class OutboxGaugesTests {

    /** An outbox that counts how often its backlog is read. */
    private static final class CountedReads implements Outbox {

        final AtomicInteger reads = new AtomicInteger();

        @Override
        public boolean enqueue(OutboxMessage message) {
            throw new UnsupportedOperationException();
        }

        @Override
        public OutboxStats stats() {
            reads.incrementAndGet();
            return new OutboxStats(Map.of("mail", 3L, "telegram", 2L), Map.of("mail", 1L), 42);
        }
    }

    @Test
    void shouldReadTheOutboxOnceForTheThreeGaugesOfAScrapeAndKeepReadingAfterAGarbageCollection() {
        CountedReads outbox = new CountedReads();
        StaticListableBeanFactory beans = new StaticListableBeanFactory(Map.of("outbox", outbox));
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        new OutboxGauges(beans.getBeanProvider(Outbox.class)).bindTo(registry);
        collectGarbage();

        double pending = registry.get("peilbot.outbox.pending").gauge().value();
        double givenUp = registry.get("peilbot.outbox.given.up").gauge().value();
        double oldest = registry.get("peilbot.outbox.oldest.pending.seconds").gauge().value();

        assertThat(pending).isEqualTo(5.0);
        assertThat(givenUp).isEqualTo(1.0);
        assertThat(oldest).isEqualTo(42.0);
        assertThat(outbox.reads).hasValue(1);
    }

    /** A full collection, known to have run once an object only weakly held is gone. */
    private static void collectGarbage() {
        WeakReference<Object> sentinel = new WeakReference<>(new Object());
        while (sentinel.get() != null) {
            System.gc();
        }
    }
}
