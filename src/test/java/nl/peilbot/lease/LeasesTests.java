package nl.peilbot.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.SeparateClients;

/** Leases on the real FerretDB from two "instances" (separate clients) racing for the same slots. */
class LeasesTests {

    private static final Duration SLOT = Duration.ofMinutes(1);
    private static final Instant START = Instant.parse("2026-03-02T09:00:10Z");

    private final String database = FerretDb.uniqueDatabase("leases");
    private final SeparateClients clients = new SeparateClients(database);
    private final AtomicClock clock = new AtomicClock();
    private MongoLeases first;
    private MongoLeases second;

    @BeforeEach
    void instances() {
        first = instance();
        second = instance();
    }

    @AfterEach
    void close() {
        clients.close();
    }

    private MongoLeases instance() {
        return new MongoLeases(clients.next(), clock);
    }

    @Test
    void shouldRunEachSlotOnceAcrossInstancesRacingForIt() throws Exception {
        Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            for (int slot = 0; slot < 3; slot++) {
                List<Callable<Boolean>> racers = new ArrayList<>();
                for (int racer = 0; racer < 8; racer++) {
                    MongoLeases leases = racer % 2 == 0 ? first : second;
                    for (String job : List.of("turn-repair", "reminders", "aggregation-rebuild")) {
                        String counted = job + "@" + slot;
                        racers.add(() -> leases.tryRun(job, SLOT,
                                () -> runs.computeIfAbsent(counted, k -> new AtomicInteger()).incrementAndGet()));
                    }
                }
                long ran = 0;
                for (Future<Boolean> result : threads.invokeAll(racers)) {
                    ran += result.get() ? 1 : 0;
                }
                assertThat(ran).as("claims won in slot " + slot).isEqualTo(3);
                clock.advance(SLOT);
            }
        } finally {
            threads.shutdown();
        }
        System.out.printf("leases: %d slot runs for 3 jobs x 3 slots, most runs of one slot %d%n", runs.size(),
                runs.values().stream().mapToInt(AtomicInteger::get).max().orElse(0));
        assertThat(runs).hasSize(9).allSatisfy((slot, count) -> assertThat(count.get()).as(slot).isEqualTo(1));
    }

    @Test
    void shouldPassOnTheWorksFailureAndLeaveTheSlotUsed() {
        assertThatThrownBy(() -> first.tryRun("export", SLOT, () -> {
            throw new IllegalStateException("boom");
        })).hasMessage("boom");

        assertThat(second.tryRun("export", SLOT, () -> { })).isFalse();
        clock.advance(SLOT);
        assertThat(second.tryRun("export", SLOT, () -> { })).isTrue();
    }

    @Test
    void shouldRefuseALeaseWithoutNameOrSlot() {
        assertThatThrownBy(() -> first.tryRun(" ", SLOT, () -> { })).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> first.tryRun("job", Duration.ZERO, () -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static final class AtomicClock extends Clock {

        private volatile Instant now = START;

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
