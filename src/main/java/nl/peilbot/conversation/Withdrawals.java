package nl.peilbot.conversation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Date;
import java.util.HexFormat;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;

import nl.peilbot.invitation.ChannelBindings;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.response.ResponseStore;
import nl.peilbot.response.ResponseWithdrawn;
import nl.peilbot.response.StoredResponse;

/**
 * Carries out a respondent's withdrawal (right to erasure): the response is deleted, its invitation revoked so the
 * link no longer opens it, its chats unbound, and {@link ResponseWithdrawn} published for the aggregates.
 *
 * <p>The {@code withdrawals} collection records that it happened without personal data: {@code _id} is a hash of
 * the response id (so a repeated withdrawal is one record, and a link can say why it stopped working), with the
 * survey, wave and time. While the steps are under way the record also holds the response id in plain
 * ({@code pending}); a withdrawal cut short by a crash is completed at the next start and the field removed.
 */
@Component
class Withdrawals {

    static final String COLLECTION = "withdrawals";

    private static final Logger log = LoggerFactory.getLogger(Withdrawals.class);

    private final MongoCollection<Document> withdrawals;
    private final ResponseStore responses;
    private final Invitations invitations;
    private final ChannelBindings bindings;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Withdrawals(MongoDatabase database, ResponseStore responses, Invitations invitations, ChannelBindings bindings,
                ApplicationEventPublisher events, Clock clock) {
        this.withdrawals = database.getCollection(COLLECTION);
        this.responses = responses;
        this.invitations = invitations;
        this.bindings = bindings;
        this.events = events;
        this.clock = clock;
    }

    /** Erases the response; safe to repeat. */
    void withdraw(StoredResponse response) {
        Document record = new Document("_id", key(response.id())).append("survey", response.survey())
                .append("wave", response.wave()).append("withdrawnAt", Date.from(clock.instant()))
                .append("pending", response.id());
        try {
            withdrawals.insertOne(record);
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
        }
        complete(response.id(), response.survey(), response.wave());
    }

    /** Whether the respondent of this response withdrew (read by {@code _id}). */
    boolean withdrew(String responseId) {
        return withdrawals.find(Filters.eq("_id", key(responseId))).first() != null;
    }

    /** Completes withdrawals a crash interrupted; a start-up task over a small collection. */
    @EventListener(ApplicationReadyEvent.class)
    void completeInterrupted() {
        for (Document record : withdrawals.find(Filters.exists("pending"))) {
            try {
                complete(record.getString("pending"), record.getString("survey"), record.getString("wave"));
            } catch (RuntimeException e) {
                log.error("could not complete an interrupted withdrawal in survey {}", record.getString("survey"), e);
            }
        }
    }

    private void complete(String responseId, String survey, String wave) {
        invitations.revoke(responseId);
        responses.delete(responseId);
        bindings.unbind(responseId);
        events.publishEvent(new ResponseWithdrawn(responseId, survey, wave));
        withdrawals.updateOne(Filters.eq("_id", key(responseId)), Updates.unset("pending"));
    }

    static String key(String responseId) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(("withdrawal:" + responseId).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
