package nl.peilbot.response;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;

import jakarta.annotation.PostConstruct;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;

/**
 * The {@code flowVersions} collection: the text of every flow version that responses were started with, and those
 * versions parsed again for the modules that label or continue such responses.
 */
@Component
@NamedInterface("reader")
public class FlowSnapshots {

    static final String COLLECTION = "flowVersions";

    private final MongoCollection<Document> snapshots;
    private final Map<String, Flow> parsedVersions = new ConcurrentHashMap<>();

    public FlowSnapshots(MongoDatabase database) {
        this.snapshots = database.getCollection(COLLECTION);
    }

    @PostConstruct
    void createIndexes() {
        snapshots.createIndex(Indexes.ascending("survey"));
    }

    /**
     * Keeps {@code yaml}, the text {@code flow} was parsed from, unless its version is kept already.
     *
     * @return whether it was new
     */
    public boolean saveIfAbsent(Flow flow, String yaml, Instant firstUsedAt) {
        Document snapshot = new Document("_id", flow.version())
                .append("survey", flow.id())
                .append("wave", flow.wave())
                .append("source", flow.source())
                .append("yaml", yaml)
                .append("firstUsedAt", Date.from(firstUsedAt));
        try {
            snapshots.insertOne(snapshot);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The flow with this version parsed from its kept text, if a response used it; parsed once per version. */
    public Optional<Flow> flow(String version) {
        Flow known = parsedVersions.get(version);
        if (known != null) {
            return Optional.of(known);
        }
        return Optional.ofNullable(snapshots.find(Filters.eq("_id", version)).first()).map(this::parse);
    }

    /**
     * The most recently first used version of a survey wave, parsed: the flow that labels a closed wave whose file
     * was removed. A scan of the kept versions (a handful per survey).
     */
    public Optional<Flow> latest(String survey, String wave) {
        return Optional.ofNullable(snapshots.find(Filters.and(Filters.eq("survey", survey), Filters.eq("wave", wave)))
                .sort(Sorts.descending("firstUsedAt")).first()).map(this::parse);
    }

    private Flow parse(Document document) {
        return parsedVersions.computeIfAbsent(document.getString("_id"), version -> Flows.parse(
                "stored version " + version + " of " + document.getString("survey"), document.getString("yaml")));
    }

    /** Every kept version of a survey, oldest first. */
    public List<FlowSnapshot> forSurvey(String survey) {
        return snapshots.find(Filters.eq("survey", survey)).sort(Sorts.ascending("firstUsedAt"))
                .map(FlowSnapshots::snapshot).into(new ArrayList<>());
    }

    private static FlowSnapshot snapshot(Document document) {
        Date firstUsedAt = document.getDate("firstUsedAt");
        return new FlowSnapshot(document.getString("_id"), document.getString("survey"), document.getString("wave"),
                document.getString("source"), document.getString("yaml"),
                firstUsedAt == null ? null : firstUsedAt.toInstant());
    }
}
