package nl.peilbot.aggregation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.bson.Document;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;

/**
 * The flow that gives a wave's questions their labels, kinds, order and coding categories: the wave's flow file
 * when there is one, else the most recently first used version kept in {@code flowVersions} (a closed wave whose
 * file was removed). Answers are matched to it by question id and option code, whatever version they were
 * given under.
 */
@Component
@EnableConfigurationProperties(FlowDirectory.class)
class WaveFlows {

    private final Map<WaveId, Flow> files = new LinkedHashMap<>();
    private final MongoCollection<Document> snapshots;
    private final Map<String, Flow> parsedSnapshots = new ConcurrentHashMap<>();

    WaveFlows(FlowDirectory flows, MongoDatabase database) {
        Path directory = flows.directory();
        this.snapshots = database.getCollection("flowVersions");
        if (directory != null && Files.isDirectory(directory)) {
            for (Path file : Flows.files(directory)) {
                Flow flow = Flows.load(file);
                files.put(new WaveId(flow.id(), flow.wave()), flow);
            }
        }
    }

    Optional<Flow> flow(WaveId wave) {
        Flow file = files.get(wave);
        if (file != null) {
            return Optional.of(file);
        }
        Document latest = snapshots.find(Filters.and(Filters.eq("survey", wave.survey()), Filters.eq("wave", wave.wave())))
                .sort(Sorts.descending("firstUsedAt")).first();
        return Optional.ofNullable(latest).map(d -> parsedSnapshots.computeIfAbsent(d.getString("_id"),
                version -> Flows.parse("stored version " + version + " of " + wave.key(), d.getString("yaml"))));
    }
}
