package nl.peilbot.conversation;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import nl.peilbot.response.ResponseStore;

/**
 * The survey waves and their settings (collection {@code waves}, one document per survey id, read by {@code _id}):
 * whether each takes answers, its target and whether its open link works. A wave without a document is open.
 */
@Component
public class Waves {

    static final String COLLECTION = "waves";
    /** How long a turn may go by a wave's state as read before: a pause or close reaches every instance within it. */
    static final Duration STATE_FRESH_FOR = Duration.ofSeconds(1);

    private final MongoCollection<Document> waves;
    private final FlowCatalog flows;
    private final ResponseStore responses;
    private final Clock clock;
    private final boolean openLinkByDefault;
    private final Map<String, Known> known = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    Waves(MongoDatabase database, FlowCatalog flows, ResponseStore responses, Clock clock,
          WavesProperties properties) {
        this.waves = database.getCollection(COLLECTION);
        this.flows = flows;
        this.responses = responses;
        this.clock = clock;
        this.openLinkByDefault = properties.openLink();
    }

    /** Every survey with a flow file, in file order. */
    public List<Wave> all() {
        return flows.surveys().stream().map(this::find).flatMap(Optional::stream).toList();
    }

    /**
     * The wave as this instance read it at most {@link #STATE_FRESH_FOR} ago: what every turn checks, so that a turn
     * costs no read of {@code waves}. A change made through this instance is seen at once; one made through another
     * instance within {@link #STATE_FRESH_FOR} (docs/storage.md, "Per-turn commands").
     */
    Optional<Wave> current(String survey) {
        if (survey == null) {
            return Optional.empty();
        }
        Known hit = known.get(survey);
        if (hit != null && System.nanoTime() - hit.readAtNanos() < STATE_FRESH_FOR.toNanos()) {
            return hit.wave();
        }
        long generation = changes.get();
        long readAt = System.nanoTime();
        Optional<Wave> wave = find(survey);
        // Not kept when this instance changed a wave while it was read: that change must be seen at once.
        known.compute(survey, (key, before) -> changes.get() == generation ? new Known(wave, readAt) : before);
        return wave;
    }

    /** A wave read from the database, and {@link System#nanoTime()} before the read. */
    private record Known(Optional<Wave> wave, long readAtNanos) {
    }

    public Optional<Wave> find(String survey) {
        return flows.current(survey).map(flow -> {
            Document stored = waves.find(Filters.eq("_id", flow.id())).first();
            if (stored == null) {
                return new Wave(flow, WaveState.OPEN, 0, openLinkByDefault);
            }
            Number target = (Number) stored.get("target");
            return new Wave(flow, WaveState.fromStored(stored.getString("state")), target == null ? 0 : target.intValue(),
                    stored.getBoolean("openLink", openLinkByDefault));
        });
    }

    /**
     * Opens, pauses or closes a wave; closing marks its unfinished responses partial.
     *
     * @return the wave as it is now, empty for an unknown survey
     */
    public Optional<Wave> change(String survey, WaveState state) {
        Optional<Wave> changed = find(survey).map(wave -> save(new Wave(wave.flow(), state, wave.target(), wave.openLink())));
        changed.filter(wave -> wave.state() == WaveState.CLOSED)
                .ifPresent(wave -> responses.markPartial(wave.survey(), wave.wave()));
        return changed;
    }

    /** Sets the target number of completed responses and whether the open link works. */
    public Optional<Wave> configure(String survey, int target, boolean openLink) {
        return find(survey).map(wave -> save(new Wave(wave.flow(), wave.state(), Math.max(0, target), openLink)));
    }

    /** When the survey's wave was closed, while it is closed. */
    Optional<Instant> closedSince(String survey) {
        Document stored = waves.find(Filters.eq("_id", survey)).first();
        if (stored == null || WaveState.fromStored(stored.getString("state")) != WaveState.CLOSED) {
            return Optional.empty();
        }
        Date closedAt = stored.getDate("closedAt") != null ? stored.getDate("closedAt") : stored.getDate("changedAt");
        return Optional.ofNullable(closedAt).map(Date::toInstant);
    }

    private Wave save(Wave wave) {
        Date now = Date.from(clock.instant());
        Document document = new Document("_id", wave.survey())
                .append("survey", wave.survey())
                .append("wave", wave.wave())
                .append("state", wave.state().stored())
                .append("target", wave.target())
                .append("openLink", wave.openLink())
                .append("changedAt", now);
        if (wave.state() == WaveState.CLOSED) {
            // Closed since the first close, not since a later change of its settings: retention counts from it.
            document.append("closedAt", closedSince(wave.survey()).map(Date::from).orElse(now));
        }
        waves.replaceOne(Filters.eq("_id", wave.survey()), document, new ReplaceOptions().upsert(true));
        changes.incrementAndGet();
        known.remove(wave.survey());
        return wave;
    }
}
