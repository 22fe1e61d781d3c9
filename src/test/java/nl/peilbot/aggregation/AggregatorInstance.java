package nl.peilbot.aggregation;

import java.nio.file.Path;
import java.time.Clock;

import org.bson.Document;
import org.springframework.core.task.TaskExecutor;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;

import nl.peilbot.flow.FlowDirectory;
import nl.peilbot.response.FlowSnapshots;
import nl.peilbot.response.ResponseReader;
import nl.peilbot.testsupport.FerretDb;
import tools.jackson.databind.json.JsonMapper;

/** The aggregation of one application instance, wired as Spring wires it, with its own client to the test FerretDB. */
final class AggregatorInstance implements AutoCloseable {

    final MongoClient client = MongoClients.create(FerretDb.uri("unused"));
    final MongoCollection<Document> responses;
    final ResultsStore results;
    final ContributionStore contributions;
    final DeltaQueue queue;
    final Folder folder;
    final Aggregator aggregator;

    AggregatorInstance(String database, TaskExecutor executor) {
        MongoDatabase db = client.getDatabase(database);
        JsonMapper json = JsonMapper.builder().build();
        Clock clock = Clock.systemUTC();
        responses = db.getCollection("responses");
        results = new ResultsStore(db, json, clock);
        contributions = new ContributionStore(db, json);
        queue = new DeltaQueue(db, clock);
        ResponseReader source = new ResponseReader(db);
        folder = new Folder(results, contributions, queue, source, new CodingStore(db, clock),
                new WaveFlows(FlowDirectory.load(Path.of("conversation-flows")), new FlowSnapshots(db)), event -> { });
        aggregator = new Aggregator(folder, queue, source, results, executor);
    }

    @Override
    public void close() {
        client.close();
    }
}
