package nl.peilbot.channel.telegram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;
import java.util.Optional;

import org.bson.Document;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * What the bot must remember per chat across retries, restarts and instances, in {@code telegramChats}, every
 * read and write by {@code _id}: how far the chat's current outbox message got and which message has the live
 * inline keyboard ({@code delivery:<chat hash>}), and the first part of a paste Telegram split
 * ({@code paste:<chat hash>}). Two documents, because different threads write them: each document has one writer
 * per chat at a time (the outbox delivers a chat's messages one by one; updates of a chat are handled one by one).
 */
@Component
@Conditional(TelegramConditions.Enabled.class)
final class ChatLedger {

    static final String COLLECTION = "telegramChats";

    /**
     * @param message  the outbox message delivered last, or being delivered
     * @param parts    how many of its parts Telegram has confirmed
     * @param keyboard the bot's message in the chat whose inline keyboard is live; null for none
     */
    record Delivered(String message, int parts, Integer keyboard) {

        static final Delivered NONE = new Delivered(null, 0, null);

        /** The parts of {@code id} confirmed before: a retry starts after them. */
        int doneOf(String id) {
            return id.equals(message) ? parts : 0;
        }
    }

    /**
     * The first part(s) of a text Telegram split into several messages, held until the rest arrives.
     *
     * @param firstUpdate the update of the first part: the joined text is applied with its id
     * @param lastUpdate  the update of the last part held
     * @param messageId   Telegram's message id of the last part held; a continuation has the next id
     * @param date        Telegram's date of the last part held, in epoch seconds
     */
    record Paste(int firstUpdate, int lastUpdate, int messageId, long date, String text, String language) {
    }

    private final MongoCollection<Document> chats;
    private final Clock clock;

    ChatLedger(MongoDatabase database, Clock clock) {
        this.chats = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    Delivered delivered(long chat) {
        Document found = chats.find(Filters.eq("_id", "delivery:" + hash(chat))).first();
        return found == null ? Delivered.NONE
                : new Delivered(found.getString("message"), found.getInteger("parts", 0), found.getInteger("keyboard"));
    }

    void save(long chat, Delivered delivered) {
        Document document = new Document("_id", "delivery:" + hash(chat)).append("message", delivered.message())
                .append("parts", delivered.parts()).append("keyboard", delivered.keyboard())
                .append("updatedAt", Date.from(clock.instant()));
        chats.replaceOne(Filters.eq("_id", document.getString("_id")), document, new ReplaceOptions().upsert(true));
    }

    Optional<Paste> paste(long chat) {
        Document found = chats.find(Filters.eq("_id", "paste:" + hash(chat))).first();
        return Optional.ofNullable(found).map(d -> new Paste(d.getInteger("firstUpdate"), d.getInteger("lastUpdate"),
                d.getInteger("messageId"), d.getLong("date"), d.getString("text"), d.getString("language")));
    }

    void hold(long chat, Paste paste) {
        Document document = new Document("_id", "paste:" + hash(chat)).append("firstUpdate", paste.firstUpdate())
                .append("lastUpdate", paste.lastUpdate()).append("messageId", paste.messageId())
                .append("date", paste.date()).append("text", paste.text()).append("language", paste.language())
                .append("updatedAt", Date.from(clock.instant()));
        chats.replaceOne(Filters.eq("_id", document.getString("_id")), document, new ReplaceOptions().upsert(true));
    }

    void release(long chat) {
        chats.deleteOne(Filters.eq("_id", "paste:" + hash(chat)));
    }

    /** Chat ids are personal data and easy to guess back from a hash, but not to be read at a glance. */
    private static String hash(long chat) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("telegram:" + chat).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
