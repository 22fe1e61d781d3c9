package nl.peilbot.testsupport;

import java.util.ArrayList;
import java.util.List;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;

/**
 * One test database seen through separate driver clients, as separate app instances see it (each with its own
 * connection pool): for tests of what must hold across instances. Closing closes every client handed out.
 */
public final class SeparateClients implements AutoCloseable {

    private final String database;
    private final List<MongoClient> clients = new ArrayList<>();

    public SeparateClients(String database) {
        this.database = database;
    }

    /** The database through a new client of its own. */
    public MongoDatabase next() {
        MongoClient client = MongoClients.create(FerretDb.uri(database));
        clients.add(client);
        return client.getDatabase(database);
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
    }
}
