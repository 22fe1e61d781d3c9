package nl.peilbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import nl.peilbot.response.ResponseStatus;
import nl.peilbot.response.ResponseStore;

/**
 * {@code peilbot.responses{status=in_progress|completed}}: open conversations and completed responses in the
 * database, shared by every instance. Counted at most every {@link #FRESH_FOR}, because the count scans the
 * collection on FerretDB; a failed count keeps the last value (the health endpoint reports the database).
 */
@Component
class ResponseGauges implements MeterBinder {

    static final Duration FRESH_FOR = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(ResponseGauges.class);

    private final ResponseStore responses;
    private final Clock clock;
    private final Map<ResponseStatus, Double> counts = new EnumMap<>(ResponseStatus.class);
    private Instant countedAt = Instant.MIN;

    ResponseGauges(ResponseStore responses, Clock clock) {
        this.responses = responses;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ResponseStatus status : ResponseStatus.values()) {
            Gauge.builder("peilbot.responses", this, gauges -> gauges.count(status))
                    .description("Responses in the database by status; in_progress are the open conversations")
                    .tag("status", status.code()).register(registry);
        }
    }

    private synchronized double count(ResponseStatus status) {
        Instant now = clock.instant();
        if (countedAt.plus(FRESH_FOR).isBefore(now)) {
            try {
                for (ResponseStatus each : ResponseStatus.values()) {
                    counts.put(each, (double) responses.count(each));
                }
                countedAt = now;
            } catch (RuntimeException e) {
                log.warn("Could not count responses for the metrics: {}", e.getClass().getSimpleName());
            }
        }
        return counts.getOrDefault(status, Double.NaN);
    }
}
