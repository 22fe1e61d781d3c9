package nl.peilbot.invitation;

import java.time.Clock;
import java.util.Date;
import java.util.Optional;

import org.bson.Document;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import jakarta.annotation.PostConstruct;

/**
 * Which chat user of a channel (a Telegram chat) answers which invitation, in the {@code channelBindings}
 * collection. An invitation is bound to one user for good; a user's chat follows the invitation it last opened.
 *
 * <p>Each binding is claimed by inserting a document with a derived {@code _id}, because a duplicate key is the
 * one atomic test-and-set FerretDB offers across threads and instances. Chat user ids are stored only as
 * SHA-256 hashes and never in the {@code responses} collection, so they do not reach analysts' exports.
 */
@Component
public class ChannelBindings {

    static final String COLLECTION = "channelBindings";

    private final MongoCollection<Document> bindings;
    private final Clock clock;

    ChannelBindings(MongoDatabase database, Clock clock) {
        this.bindings = database.getCollection(COLLECTION);
        this.clock = clock;
    }

    /**
     * Binds the invitation to the user, and the user's chat to the invitation's response.
     *
     * @return false, binding nothing, when the invitation is bound to another user of this channel already
     */
    public boolean bind(String channel, String userId, Invitation invitation) {
        String user = Hashes.sha256Hex(channel + ":" + userId);
        Document claim = new Document("_id", invitationKey(channel, invitation.id())).append("user", user)
                .append("createdAt", Date.from(clock.instant()));
        if (!insert(claim)) {
            Document existing = bindings.find(Filters.eq("_id", claim.get("_id"))).first();
            if (existing == null || !user.equals(existing.getString("user"))) {
                return false;
            }
        }
        // The user id in plain is what a reminder is sent to; it stays here, never with the response.
        Document chat = new Document("_id", chatKey(channel, userId)).append("invitation", invitation.id())
                .append("responseId", invitation.responseId()).append("channel", channel).append("userId", userId)
                .append("createdAt", Date.from(clock.instant()));
        if (!insert(chat)) {
            // The user opened another invitation: only this user's own updates, handled one at a time, get here.
            bindings.replaceOne(Filters.eq("_id", chat.get("_id")), chat);
        }
        point(channel, invitation.responseId(), chat.getString("_id"));
        return true;
    }

    /** The response the user's chat answers, if it has opened an invitation. */
    public Optional<String> responseOf(String channel, String userId) {
        return Optional.ofNullable(bindings.find(Filters.eq("_id", chatKey(channel, userId))).first())
                .map(binding -> binding.getString("responseId"));
    }

    /**
     * The user whose chat answers this response now (to send a reminder to), if any: the chat that opened it last
     * and has not moved on to another invitation. Bindings made before user ids were kept give none.
     */
    public Optional<String> userOf(String channel, String responseId) {
        // Two reads by _id: a filter on responseId would scan the collection on FerretDB's SQLite backend.
        return Optional.ofNullable(bindings.find(Filters.eq("_id", responseKey(channel, responseId))).first())
                .map(pointer -> bindings.find(Filters.eq("_id", pointer.getString("chat"))).first())
                .filter(chat -> responseId.equals(chat.getString("responseId")))
                .map(chat -> chat.getString("userId"));
    }

    /**
     * Gives every chat binding made before responses pointed to their chat its pointer; reads every binding once,
     * at start-up, so that {@link #userOf} never has to.
     */
    @PostConstruct
    void pointResponsesToTheirChats() {
        bindings.find(Filters.exists("responseId")).forEach(chat -> {
            try {
                bindings.insertOne(pointer(chat.getString("channel"), chat.getString("responseId"), chat.getString("_id")));
            } catch (MongoWriteException e) {
                if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
        });
    }

    /** The response's pointer to the chat that opened it last; a pointer to a chat that moved on is ignored. */
    private void point(String channel, String responseId, String chatKey) {
        Document pointer = pointer(channel, responseId, chatKey);
        if (!insert(pointer)) {
            bindings.replaceOne(Filters.eq("_id", pointer.get("_id")), pointer);
        }
    }

    private Document pointer(String channel, String responseId, String chatKey) {
        return new Document("_id", responseKey(channel, responseId)).append("chat", chatKey)
                .append("createdAt", Date.from(clock.instant()));
    }

    /**
     * Forgets which chats answer this response (its respondent withdrew): the chat documents, with the chat ids
     * in plain, go. Rare, so it may filter by {@code responseId}; the invitation's claim keeps only a hash.
     */
    public void unbind(String responseId) {
        bindings.deleteMany(Filters.eq("responseId", responseId));
    }

    /**
     * Removes the chat ids kept in plain for reminders from the chats that answer these responses (retention);
     * the chats' hashed keys stay, so nothing else changes. Safe to repeat.
     */
    public void forgetUsers(java.util.List<String> responseIds) {
        if (!responseIds.isEmpty()) {
            bindings.updateMany(Filters.and(Filters.in("responseId", responseIds), Filters.exists("userId")),
                    com.mongodb.client.model.Updates.unset("userId"));
        }
    }

    private boolean insert(Document document) {
        try {
            bindings.insertOne(document);
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
                return false;
            }
            throw e;
        }
    }

    private static String invitationKey(String channel, String invitationId) {
        return channel + ":invitation:" + invitationId;
    }

    private static String responseKey(String channel, String responseId) {
        return channel + ":response:" + responseId;
    }

    private static String chatKey(String channel, String userId) {
        return channel + ":chat:" + Hashes.sha256Hex(channel + ":" + userId);
    }
}
