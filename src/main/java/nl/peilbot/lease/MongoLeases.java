package nl.peilbot.lease;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/** Slot claims in {@code leases}: {@code {_id: "<name>@<slot number>", claimedAt}}, inserted once per slot. */
@Component
class MongoLeases implements Leases {

    private final MongoCollection<Document> leases;
    private final Clock clock;

    MongoLeases(MongoDatabase database, Clock clock) {
        this.leases = database.getCollection("leases");
        this.clock = clock;
    }

    @Override
    public boolean tryRun(String name, Duration slot, Runnable work) {
        if (name == null || name.isBlank() || slot == null || slot.toMillis() <= 0) {
            throw new IllegalArgumentException("a lease needs a name and a positive slot length");
        }
        Instant now = clock.instant();
        long number = Math.floorDiv(now.toEpochMilli(), slot.toMillis());
        try {
            leases.insertOne(new Document("_id", id(name, number)).append("claimedAt", Date.from(now)));
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
        // the slot before is over: its claim is no longer needed, so the collection keeps about one per name
        leases.deleteOne(Filters.eq("_id", id(name, number - 1)));
        work.run();
        return true;
    }

    private static String id(String name, long number) {
        return name + "@" + number;
    }
}
