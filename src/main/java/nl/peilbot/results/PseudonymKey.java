package nl.peilbot.results;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Date;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

/**
 * The key of the pseudonyms: {@code PEILBOT_PSEUDONYM_SECRET} when set, else 32 random bytes made on the first start
 * and kept in the {@code settings} collection. The first instance to insert the document wins (an insert of a taken
 * {@code _id} fails on every database), so all instances sharing a database use the same key.
 */
final class PseudonymKey {

    static final String SETTING_ID = "pseudonymSecret";

    private static final Logger log = LoggerFactory.getLogger(PseudonymKey.class);

    private PseudonymKey() {
    }

    static String resolve(String configured, MongoDatabase database, Clock clock) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        MongoCollection<Document> settings = database.getCollection("settings");
        Document stored = settings.find(Filters.eq("_id", SETTING_ID)).first();
        if (stored == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                settings.insertOne(new Document("_id", SETTING_ID)
                        .append("value", Base64.getEncoder().encodeToString(random))
                        .append("createdAt", Date.from(clock.instant())));
                log.info("Generated the pseudonym key and kept it in the database (set PEILBOT_PSEUDONYM_SECRET to choose one)");
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            stored = settings.find(Filters.eq("_id", SETTING_ID)).first();
        }
        if (stored == null || stored.getString("value") == null) {
            throw new IllegalStateException("the pseudonym key in settings is missing after it was written");
        }
        return stored.getString("value");
    }
}
