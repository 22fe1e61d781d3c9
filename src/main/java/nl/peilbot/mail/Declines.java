package nl.peilbot.mail;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.bson.Document;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;

/**
 * "I will not take part": {@code mailDeclines {_id: ref, survey, at}}, inserted once (a repeat changes nothing).
 * The link in a mail carries {@code <ref>.<HMAC of ref>}, not the invitation's token, so it declines and nothing
 * else; the HMAC key is made on the first start and kept in {@code mailSettings} (insert-once, so instances agree).
 */
final class Declines {

    static final String COLLECTION = "mailDeclines";
    private static final String KEY_ID = "#declineKey";

    private final MongoCollection<Document> declines;
    private final MongoCollection<Document> settings;
    private volatile byte[] key;

    Declines(MongoDatabase database) {
        this.declines = database.getCollection(COLLECTION);
        this.settings = database.getCollection(MailSettings.COLLECTION);
    }

    void createIndexes() {
        declines.createIndex(Indexes.ascending("survey"));
    }

    /** The token of the decline link of a reference. */
    String token(String ref) {
        return ref + "." + signature(ref);
    }

    /** The reference a decline token stands for, when its signature holds. */
    Optional<String> ref(String token) {
        if (token == null) {
            return Optional.empty();
        }
        int dot = token.lastIndexOf('.');
        if (dot <= 0 || token.length() > 200) {
            return Optional.empty();
        }
        String ref = token.substring(0, dot);
        byte[] given = token.substring(dot + 1).getBytes(StandardCharsets.US_ASCII);
        byte[] expected = signature(ref).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(given, expected) ? Optional.of(ref) : Optional.empty();
    }

    /** Records the decline; false when it was recorded before. */
    boolean record(String survey, String ref, Instant at) {
        try {
            declines.insertOne(new Document("_id", ref).append("survey", survey).append("at", Date.from(at)));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    boolean declined(String ref) {
        return declines.find(Filters.eq("_id", ref)).first() != null;
    }

    Set<String> ofSurvey(String survey) {
        Set<String> refs = new HashSet<>();
        declines.find(Filters.eq("survey", survey)).forEach(document -> refs.add(document.getString("_id")));
        return refs;
    }

    private String signature(String ref) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key(), "HmacSHA256"));
            byte[] digest = mac.doFinal(ref.getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    private byte[] key() {
        byte[] known = key;
        if (known != null) {
            return known;
        }
        Document stored = settings.find(Filters.eq("_id", KEY_ID)).first();
        if (stored == null) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            try {
                settings.insertOne(new Document("_id", KEY_ID).append("value", Base64.getEncoder().encodeToString(random)));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            stored = settings.find(Filters.eq("_id", KEY_ID)).first();
        }
        if (stored == null) {
            throw new IllegalStateException("the decline key is missing after it was written");
        }
        key = Base64.getDecoder().decode(stored.getString("value"));
        return key;
    }
}
