package nl.peilbot.console;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.task.TaskExecutor;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import nl.peilbot.response.ResponseProgressed;

/**
 * Tells open dashboards that their wave moved, over server-sent events. The event carries only the survey id; the
 * page then fetches the dashboard again.
 *
 * <p>Changes are coalesced per wave: the first change schedules one push after {@code peilbot.console.live-refresh}
 * and every change until then rides on it, so a wave that takes N turns per second costs its open dashboards at
 * most one fetch per interval, whatever N is. The push comes after the change it reports, so the last change is
 * never left unshown. Sending happens off the respondent's thread, so a slow dashboard never slows an answer.
 */
@Component
class ProgressBroadcaster {

    static final Duration TIMEOUT = Duration.ofMinutes(30);

    private final Map<String, Set<SseEmitter>> bySurvey = new ConcurrentHashMap<>();
    private final Set<String> scheduled = ConcurrentHashMap.newKeySet();
    private final TaskScheduler scheduler;
    private final Duration interval;
    private final TaskExecutor sender;
    private volatile boolean closed;

    ProgressBroadcaster(TaskScheduler scheduler, @Qualifier("applicationTaskExecutor") TaskExecutor sender,
                        ConsoleProperties properties) {
        this.scheduler = scheduler;
        this.sender = sender;
        this.interval = properties.liveRefresh();
    }

    SseEmitter subscribe(String survey) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        add(survey, emitter);
        return emitter;
    }

    void add(String survey, SseEmitter emitter) {
        Set<SseEmitter> emitters = bySurvey.computeIfAbsent(survey, s -> ConcurrentHashMap.newKeySet());
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        send(emitters, emitter, "ready", survey);
    }

    @EventListener
    void on(ResponseProgressed progressed) {
        changed(progressed.surveyId());
    }

    /** Tells the wave's dashboards to fetch again, within one refresh interval. */
    void changed(String survey) {
        Set<SseEmitter> emitters = bySurvey.get(survey);
        if (emitters == null || emitters.isEmpty() || !scheduled.add(survey)) {
            return;
        }
        scheduler.schedule(() -> push(survey), scheduler.getClock().instant().plus(interval));
    }

    private void push(String survey) {
        // Cleared before sending: a change arriving while the dashboards fetch schedules the next push.
        scheduled.remove(survey);
        Set<SseEmitter> emitters = bySurvey.get(survey);
        if (emitters != null && !closed) {
            sender.execute(() -> emitters.forEach(emitter -> send(emitters, emitter, "progress", survey)));
        }
    }

    private static void send(Set<SseEmitter> emitters, SseEmitter emitter, String name, String survey) {
        try {
            emitter.send(SseEmitter.event().name(name).data(survey));
        } catch (IOException | IllegalStateException e) {
            emitters.remove(emitter);
        }
    }

    // At the start of the shutdown, not at bean destruction: the web server's graceful shutdown comes first and
    // would wait its whole timeout for these never-ending streams.
    @EventListener(ContextClosedEvent.class)
    void close() {
        closed = true;
        bySurvey.values().forEach(emitters -> emitters.forEach(SseEmitter::complete));
    }
}
