package nl.peilbot.console;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PostConstruct;

/**
 * The {@code reminders} collection, one document per reminder sent:
 * {@code {_id: "<responseId>:<n>", survey, wave, responseId, channel: "telegram" | "email", sentAt, by}}; nothing
 * about the person. The n-th reminder of a response is claimed by inserting its {@code _id} before it goes out, so
 * two organisers (or instances) sending at once never remind anyone twice nor beyond the maximum.
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

    /** Claims reminder number {@code number} of the response; false when someone else sent it already. */
    boolean claim(String survey, String wave, String responseId, int number, String channel, Instant at, String by) {
        try {
            reminders.insertOne(new Document("_id", key(responseId, number)).append("survey", survey).append("wave", wave)
                    .append("responseId", responseId).append("channel", channel).append("sentAt", Date.from(at))
                    .append("by", by));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    /** The claimed reminder went out by another channel than claimed. */
    void sentBy(String responseId, int number, String channel) {
        reminders.updateOne(Filters.eq("_id", key(responseId, number)), Updates.set("channel", channel));
    }

    /** The claimed reminder could not go out after all. */
    void release(String responseId, int number) {
        reminders.deleteOne(Filters.eq("_id", key(responseId, number)));
    }

    static String key(String responseId, int number) {
        return responseId + ":" + number;
    }
}
