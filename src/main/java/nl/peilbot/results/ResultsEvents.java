package nl.peilbot.results;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.task.TaskExecutor;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import nl.peilbot.aggregation.ResultsChanged;
import nl.peilbot.aggregation.WaveId;

/**
 * Tells open results pages that a wave's results changed, as server-sent events. {@link ResultsChanged} is published
 * in the thread that stored a completed response (the respondent's), so sending is handed to Boot's task executor:
 * a slow browser never holds up the chat.
 */
@Component
class ResultsEvents {

    /** Proxies close idle streams; a comment line every so often keeps them open. */
    private static final Duration HEARTBEAT = Duration.ofSeconds(25);

    private record Subscriber(WaveId wave, SseEmitter emitter) {
    }

    private final List<Subscriber> subscribers = new CopyOnWriteArrayList<>();
    private final TaskExecutor sender;
    private final ScheduledFuture<?> heartbeat;

    // The heartbeat only hands the sending to the executor: a slow browser never holds up the shared scheduler.
    ResultsEvents(TaskScheduler scheduler, @Qualifier("applicationTaskExecutor") TaskExecutor sender) {
        this.sender = sender;
        this.heartbeat = scheduler.scheduleAtFixedRate(() -> sender.execute(this::beat),
                scheduler.getClock().instant().plus(HEARTBEAT), HEARTBEAT);
    }

    SseEmitter subscribe(WaveId wave) {
        SseEmitter emitter = new SseEmitter(0L);
        Subscriber subscriber = new Subscriber(wave, emitter);
        subscribers.add(subscriber);
        emitter.onCompletion(() -> subscribers.remove(subscriber));
        emitter.onTimeout(() -> subscribers.remove(subscriber));
        emitter.onError(e -> subscribers.remove(subscriber));
        sender.execute(() -> send(subscriber, SseEmitter.event().name("ready").data(Map.of("wave", wave.wave()),
                MediaType.APPLICATION_JSON)));
        return emitter;
    }

    @EventListener
    void on(ResultsChanged changed) {
        sender.execute(() -> subscribers.stream().filter(s -> s.wave().equals(changed.wave())).forEach(s ->
                send(s, SseEmitter.event().name("changed").id(String.valueOf(changed.version()))
                        .data(Map.of("survey", changed.wave().survey(), "wave", changed.wave().wave(),
                                "version", changed.version()), MediaType.APPLICATION_JSON))));
    }

    private void beat() {
        subscribers.forEach(s -> send(s, SseEmitter.event().comment("keep-alive")));
    }

    private void send(Subscriber subscriber, SseEmitter.SseEventBuilder event) {
        try {
            subscriber.emitter().send(event);
        } catch (IOException | IllegalStateException gone) {
            subscribers.remove(subscriber);
            subscriber.emitter().completeWithError(gone);
        }
    }

    // At the start of the shutdown, not at bean destruction: the web server's graceful shutdown comes first and
    // would wait its whole timeout for these never-ending streams.
    @EventListener(ContextClosedEvent.class)
    void stop() {
        heartbeat.cancel(false);
        subscribers.forEach(s -> s.emitter().complete());
    }
}
