package nl.peilbot.mail;

import org.bson.Document;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * The sender of a wave's mails, set in the console: {@code mailSettings {_id: survey, senderName, replyTo}}. The
 * same collection keeps the decline key ({@link Declines}).
 */
final class MailSettings {

    static final String COLLECTION = "mailSettings";

    private final MongoCollection<Document> settings;

    MailSettings(MongoDatabase database) {
        this.settings = database.getCollection(COLLECTION);
    }

    Sender of(String survey) {
        Document document = settings.find(Filters.eq("_id", survey)).first();
        return document == null ? Sender.NONE
                : new Sender(document.getString("senderName"), document.getString("replyTo"));
    }

    /** Last writer wins: two organisers saving at once both meant to set it. */
    void save(String survey, Sender sender) {
        Document document = new Document("_id", survey);
        if (sender.name() != null) {
            document.append("senderName", sender.name());
        }
        if (sender.replyTo() != null) {
            document.append("replyTo", sender.replyTo());
        }
        settings.replaceOne(Filters.eq("_id", survey), document, new ReplaceOptions().upsert(true));
    }
}
