package nl.peilbot.console;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.bson.types.ObjectId;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

import jakarta.annotation.PostConstruct;

/**
 * The {@code reminders} collection, one document per reminder sent:
 * {@code {survey, wave, responseId, channel: "telegram" | "email", sentAt, by}}; nothing about the person.
 */
@Component
class ReminderStore {

    static final String COLLECTION = "reminders";

    private final MongoCollection<Document> reminders;

    ReminderStore(MongoDatabase database) {
        this.reminders = database.getCollection(COLLECTION);
    }

    @PostConstruct
    void createIndexes() {
        reminders.createIndex(Indexes.ascending("survey"));
    }

    record Sent(int count, Instant last) {
    }

    /** Reminders sent per response of a survey. */
    Map<String, Sent> sent(String survey) {
        Map<String, Sent> sent = new HashMap<>();
        for (Document reminder : reminders.find(Filters.eq("survey", survey))) {
            Instant at = reminder.getDate("sentAt").toInstant();
            sent.merge(reminder.getString("responseId"), new Sent(1, at),
                    (a, b) -> new Sent(a.count() + b.count(), a.last().isAfter(b.last()) ? a.last() : b.last()));
        }
        return sent;
    }

    void record(String survey, String wave, String responseId, String channel, Instant at, String by) {
        reminders.insertOne(new Document("_id", new ObjectId()).append("survey", survey).append("wave", wave)
                .append("responseId", responseId).append("channel", channel).append("sentAt", Date.from(at))
                .append("by", by));
    }
}
