package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.concurrent.SimpleAsyncTaskScheduler;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Many turns of a wave in a short time cost its open dashboards one push per refresh interval, never less than one. */
class ProgressBroadcasterTests {

    private final ManualScheduler scheduler = new ManualScheduler();
    private final ProgressBroadcaster broadcaster = new ProgressBroadcaster(scheduler, new SimpleAsyncTaskExecutor(),
            new ConsoleProperties(null, null, null, null, null, null));

    @AfterEach
    void close() {
        broadcaster.close();
    }

    @Test
    void shouldPushOnceForABurstOfChangesAndAgainForTheNextChange() {
        RecordingEmitter dashboard = new RecordingEmitter();
        broadcaster.add("wave-a", dashboard);

        for (int turn = 0; turn < 500; turn++) {
            broadcaster.changed("wave-a");
        }

        assertThat(scheduler.tasks).as("one push scheduled for the whole burst").hasSize(1);
        scheduler.runDue();
        await().until(() -> dashboard.names.size() == 2);
        assertThat(dashboard.names).containsExactly("ready", "progress");

        broadcaster.changed("wave-a");
        assertThat(scheduler.tasks).as("a change after the push is pushed too").hasSize(1);
        scheduler.runDue();
        await().until(() -> dashboard.names.size() == 3);
        assertThat(dashboard.names).containsExactly("ready", "progress", "progress");
    }

    @Test
    void shouldCoalescePerWave() {
        RecordingEmitter a = new RecordingEmitter();
        RecordingEmitter b = new RecordingEmitter();
        broadcaster.add("wave-a", a);
        broadcaster.add("wave-b", b);

        broadcaster.changed("wave-a");
        broadcaster.changed("wave-b");
        broadcaster.changed("wave-c");

        assertThat(scheduler.tasks).as("wave-c has no open dashboard").hasSize(2);
        scheduler.runDue();
        await().until(() -> a.names.size() == 2 && b.names.size() == 2);
    }

    @Test
    void shouldScheduleThePushOneIntervalAhead() {
        broadcaster.add("wave-a", new RecordingEmitter());
        Instant before = scheduler.getClock().instant();

        broadcaster.changed("wave-a");

        assertThat(scheduler.times.get(0)).isAfterOrEqualTo(before.plusSeconds(1));
    }

    /** Keeps scheduled tasks until the test runs them. */
    private static final class ManualScheduler extends SimpleAsyncTaskScheduler {
        final List<Runnable> tasks = new CopyOnWriteArrayList<>();
        final List<Instant> times = new CopyOnWriteArrayList<>();

        @Override
        public ScheduledFuture<?> schedule(Runnable task, Instant startTime) {
            tasks.add(task);
            times.add(startTime);
            return null;
        }

        void runDue() {
            List<Runnable> due = List.copyOf(tasks);
            tasks.clear();
            due.forEach(Runnable::run);
        }
    }

    private static final class RecordingEmitter extends SseEmitter {
        final List<String> names = new CopyOnWriteArrayList<>();

        @Override
        public void send(SseEventBuilder builder) {
            builder.build().stream().map(part -> part.getData().toString())
                    .filter(line -> line.startsWith("event:"))
                    .forEach(line -> names.add(line.substring("event:".length()).lines().findFirst().orElseThrow().strip()));
        }
    }
}
