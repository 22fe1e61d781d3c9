package nl.peilbot.invitation;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;

import jakarta.annotation.PostConstruct;
import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * The invitation module's entry point: makes, checks, revokes and re-issues invitations. Tokens are returned once
 * and stored only as their SHA-256 hash.
 *
 * <p>A bulk import is all or nothing without transactions, also through a kill -9: its documents carry the import's
 * id ({@code importing}) and count only once the import's record exists in {@code invitationImports}, inserted
 * (atomically, by {@code _id}) after the last of them. They are inserted {@value #IMPORT_CHUNK} at a time with a
 * pause between, one import at a time per instance, so respondents' turns get the database in between. At start-up
 * every import without a record is claimed as abandoned (an insert of its record, so a late commit fails) and its
 * documents are deleted in chunks.
 */
@Component
public class Invitations {

    static final String COLLECTION = "invitations";
    /** One document per revoked invitation, keyed by its response id; see {@link Revocations}. */
    static final String REVOCATIONS = Revocations.COLLECTION;
    /** One record per import: {@code {_id: import id, committedAt}}, or {@code abandoned: true} after a crash. */
    static final String IMPORTS = "invitationImports";
    static final int IMPORT_CHUNK = 200;
    /** The longest text a profile field (a hospital's name) may have. */
    public static final int MAX_PROFILE_TEXT = 200;
    static final Duration IMPORT_PAUSE = Duration.ofMillis(25);
    private static final int TOKEN_BYTES = 32;
    private static final Logger log = LoggerFactory.getLogger(Invitations.class);

    private final MongoCollection<Document> invitations;
    private final Revocations revocations;
    private final InvitationPointers pointers;
    private final MongoCollection<Document> imports;
    private final Lock oneImportAtATime = new ReentrantLock();
    private final Surveys surveys;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final SecureRandom random = new SecureRandom();

    Invitations(MongoDatabase database, Surveys surveys, Clock clock, ApplicationEventPublisher events) {
        this.invitations = database.getCollection(COLLECTION);
        this.revocations = new Revocations(database);
        this.pointers = new InvitationPointers(database);
        this.imports = database.getCollection(IMPORTS);
        this.surveys = surveys;
        this.clock = clock;
        this.events = events;
    }

    @PostConstruct
    void createIndexes() {
        invitations.createIndex(Indexes.ascending("survey"));
        invitations.createIndex(Indexes.ascending("responseId"));
        pointers.backfill(invitations);
        removeAbandonedImports();
    }

    /** Deletes the documents of every import that has no record (a crash cut it short), a chunk at a time. */
    void removeAbandonedImports() {
        for (String batch : invitations.distinct("importing", String.class).into(new ArrayList<>())) {
            if (claimAbandoned(batch)) {
                List<Object> ids = invitations.find(Filters.eq("importing", batch)).projection(Projections.include("_id"))
                        .map(document -> document.get("_id")).into(new ArrayList<>());
                for (int from = 0; from < ids.size(); from += IMPORT_CHUNK) {
                    invitations.deleteMany(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IMPORT_CHUNK))));
                }
                log.info("Removed {} invitations of an import that did not finish", ids.size());
            }
        }
    }

    /** True when this call marked the import abandoned, false when it was committed (or abandoned) before. */
    private boolean claimAbandoned(String batch) {
        Document record = imports.find(Filters.eq("_id", batch)).first();
        if (record != null) {
            return Boolean.TRUE.equals(record.getBoolean("abandoned"));
        }
        try {
            imports.insertOne(new Document("_id", batch).append("abandoned", true).append("at", Date.from(clock.instant())));
            return true;
        } catch (MongoWriteException e) {
            if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
                throw e;
            }
            return claimAbandoned(batch);
        }
    }

    /**
     * Invites one respondent.
     *
     * @param profile profile field values known in advance (option codes for choice fields); blank ones are left out
     * @return the token, which is not stored and cannot be recovered
     * @throws InvalidInvitationException for an unknown survey, field or option code
     */
    public String create(String survey, Map<String, String> profile) {
        return createAll(survey, List.of(new InvitationDraft(profile, null, null, null))).get(0).token();
    }

    /**
     * Invites every draft, or none of them: see the class comment for how that holds without transactions.
     *
     * @throws InvalidInvitationException for an unknown survey, or when any draft does not fit it (nothing is stored)
     */
    public List<IssuedInvitation> createAll(String survey, List<InvitationDraft> drafts) {
        Flow flow = flow(survey);
        List<InvitationDraft> checked = new ArrayList<>();
        for (InvitationDraft draft : drafts) {
            checkValidity(draft);
            checked.add(new InvitationDraft(checkedProfile(flow, draft.profile()), draft.invitee(), draft.validFrom(),
                    draft.validUntil()));
        }
        String batch = UUID.randomUUID().toString();
        List<IssuedInvitation> issued = new ArrayList<>();
        List<Document> documents = new ArrayList<>();
        Map<String, String> firstPointers = new LinkedHashMap<>();
        for (InvitationDraft draft : checked) {
            String token = newToken();
            String id = Hashes.sha256Hex(token);
            String responseId = Invitation.responseIdFor(id);
            documents.add(document(id, flow.id(), flow.wave(), Invitation.Kind.INVITED, responseId, draft)
                    .append("importing", batch));
            issued.add(new IssuedInvitation(responseId, token, draft));
            firstPointers.put(responseId, id);
        }
        if (documents.isEmpty()) {
            return List.of();
        }
        // The pointers first: a pointer to nothing (a crash before the invitation, or an import that failed) is passed
        // over by every lookup, an invitation without its pointer could not be revoked from the console.
        pointers.first(firstPointers, Date.from(clock.instant()));
        if (documents.size() == 1) {
            // A single insert is all or nothing by itself.
            documents.get(0).remove("importing");
            invitations.insertOne(documents.get(0));
        } else {
            oneImportAtATime.lock();
            try {
                importAll(batch, documents);
            } finally {
                oneImportAtATime.unlock();
            }
        }
        events.publishEvent(new InvitationsIssued(flow.id(), flow.wave(),
                issued.stream().map(IssuedInvitation::responseId).toList()));
        return issued;
    }

    private void importAll(String batch, List<Document> documents) {
        try {
            for (int from = 0; from < documents.size(); from += IMPORT_CHUNK) {
                if (from > 0) {
                    pause();
                }
                invitations.insertMany(documents.subList(from, Math.min(documents.size(), from + IMPORT_CHUNK)));
            }
            // The commit: one atomic insert. A start-up that declared this import abandoned got there first.
            imports.insertOne(new Document("_id", batch).append("committedAt", Date.from(clock.instant()))
                    .append("count", documents.size()));
        } catch (RuntimeException e) {
            List<Object> ids = documents.stream().map(document -> document.get("_id")).toList();
            for (int from = 0; from < ids.size(); from += IMPORT_CHUNK) {
                invitations.deleteMany(Filters.in("_id", ids.subList(from, Math.min(ids.size(), from + IMPORT_CHUNK))));
            }
            pointers.forget(documents.stream().map(document -> document.getString("responseId")).toList());
            throw e;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(IMPORT_PAUSE.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("import interrupted", e);
        }
    }

    /** A new invitation for a visitor of the survey's open link, with nothing known in advance. */
    public String openLink(String survey) {
        Flow flow = flow(survey);
        String token = newToken();
        String id = Hashes.sha256Hex(token);
        String responseId = Invitation.responseIdFor(id);
        pointers.claim(responseId, 1, id, Date.from(clock.instant()));
        invitations.insertOne(document(id, flow.id(), flow.wave(), Invitation.Kind.OPEN, responseId,
                new InvitationDraft(Map.of(), null, null, null)));
        return token;
    }

    /** The invitation of a token, whatever its state (revoked, outside its validity window). */
    public Optional<Invitation> find(String token) {
        return document(token).map(Invitations::invitation);
    }

    /** Whether a token opens its invitation now. */
    public TokenCheck check(String token) {
        Optional<Document> found = document(token);
        if (found.isEmpty()) {
            return new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN);
        }
        Document document = found.get();
        Instant now = clock.instant();
        if (document.get("revokedAt") != null) {
            return new TokenCheck.Refused(TokenCheck.Reason.REVOKED);
        }
        Date validFrom = document.getDate("validFrom");
        if (validFrom != null && now.isBefore(validFrom.toInstant())) {
            return new TokenCheck.Refused(TokenCheck.Reason.NOT_YET_VALID);
        }
        Date validUntil = document.getDate("validUntil");
        if (validUntil != null && !now.isBefore(validUntil.toInstant())) {
            return new TokenCheck.Refused(TokenCheck.Reason.EXPIRED);
        }
        return new TokenCheck.Valid(invitation(document));
    }

    /** The survey's invitations as organisers see them (current tokens only), oldest first. */
    public List<InvitationSummary> list(String survey) {
        List<Document> documents = invitations.find(Filters.and(Filters.eq("survey", survey), current()))
                .sort(Sorts.ascending("createdAt")).into(new ArrayList<>());
        Map<String, Boolean> batches = new HashMap<>();
        return documents.stream()
                .filter(document -> document.getString("importing") == null
                        || batches.computeIfAbsent(document.getString("importing"), this::committed))
                .map(Invitations::summary).toList();
    }

    /** The current invitation with this reference. */
    public Optional<InvitationSummary> summary(String responseId) {
        return currentDocument(responseId).map(Invitations::summary);
    }

    /**
     * Revokes the invitation with this reference: its link stops working, its response is kept.
     *
     * @return false when there is no such invitation or it was revoked already
     */
    public boolean revoke(String responseId) {
        if (currentDocument(responseId).filter(document -> document.get("revokedAt") == null).isEmpty()) {
            return false;
        }
        // The revocation first: should the updates below not happen, a retried revoke completes them.
        revocations.add(responseId, Date.from(clock.instant()));
        // Every token of the chain, by _id: a re-issue cut short may have left the one before still working.
        long revoked = 0;
        for (String id : pointers.chain(responseId)) {
            revoked += invitations.updateOne(Filters.and(Filters.eq("_id", id), Filters.exists("revokedAt", false)),
                    Updates.set("revokedAt", Date.from(clock.instant()))).getModifiedCount();
        }
        return revoked > 0;
    }

    /**
     * A new token for an invitation whose link was lost; the old link stops working and the same response goes on.
     *
     * @return empty when there is no such invitation, it was revoked, or another re-issue of it came first
     */
    public Optional<IssuedInvitation> reissue(String responseId) {
        List<String> chain = pointers.chain(responseId);
        Optional<Document> found = current(chain).filter(document -> document.get("revokedAt") == null);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Document old = found.get();
        InvitationSummary summary = summary(old);
        InvitationDraft draft = new InvitationDraft(summary.profile(), summary.invitee(), summary.validFrom(),
                summary.validUntil());
        String token = newToken();
        String id = Hashes.sha256Hex(token);
        invitations.insertOne(document(id, old.getString("survey"), old.getString("wave"), summary.kind(), responseId, draft));
        // The position is claimed by insert once the new token exists, so a pointer of a re-issue always leads to a
        // document: of two re-issues that read the same chain only one goes on, the other takes its token back; one
        // that read the longer chain re-issues the newer token, as a second click would.
        if (!pointers.claim(responseId, chain.size() + 1, id, Date.from(clock.instant()))) {
            invitations.deleteOne(Filters.eq("_id", id));
            return Optional.empty();
        }
        // Every earlier token, by _id: a re-issue cut short before this step may have left one working.
        for (String earlier : chain) {
            invitations.updateOne(Filters.and(Filters.eq("_id", earlier), Filters.exists("replaced", false)),
                    Updates.combine(Updates.set("revokedAt", Date.from(clock.instant())), Updates.set("replaced", true)));
        }
        return Optional.of(new IssuedInvitation(responseId, token, draft));
    }

    /**
     * Hands the survey's invitations that still hold an invitee's name, e-mail or Telegram handle to {@code chunk},
     * {@code size} at a time, in one pass (a daily retention task, so it may filter by survey).
     *
     * @return how many were handed over
     */
    public int withInvitee(String survey, int size, java.util.function.Consumer<List<Invitation>> chunk) {
        int count = 0;
        List<Invitation> batch = new ArrayList<>();
        try (var cursor = invitations.find(Filters.and(Filters.eq("survey", survey), Filters.exists("invitee")))
                .batchSize(size).map(Invitations::invitation).cursor()) {
            while (cursor.hasNext()) {
                batch.add(cursor.next());
                if (batch.size() == size || !cursor.hasNext()) {
                    chunk.accept(List.copyOf(batch));
                    count += batch.size();
                    batch.clear();
                }
            }
        }
        return count;
    }

    /** Removes the invitee (name, e-mail, Telegram handle) from these invitations, by {@code _id}; safe to repeat. */
    public void forgetInvitees(List<Invitation> forgotten) {
        Date now = Date.from(clock.instant());
        for (Invitation invitation : forgotten) {
            invitations.updateOne(Filters.eq("_id", invitation.id()),
                    Updates.combine(Updates.unset("invitee"), Updates.set("inviteeRemovedAt", now)));
        }
    }

    /**
     * Whether the organisers revoked the invitation with this reference (every turn asks): at once for a revocation
     * made through this instance, within a second for one made through another, without a database command per call.
     */
    public boolean revoked(String responseId) {
        return revocations.revoked(responseId);
    }

    private Optional<Document> document(String token) {
        if (token == null || token.isBlank()) {
            return Optional.empty();
        }
        return Optional.ofNullable(invitations.find(Filters.eq("_id", Hashes.sha256Hex(token))).first())
                .filter(this::usable);
    }

    private Optional<Document> currentDocument(String responseId) {
        return current(pointers.chain(responseId));
    }

    /** The newest invitation of the chain that exists, if it is usable (not of an unfinished import), by {@code _id}. */
    private Optional<Document> current(List<String> chain) {
        for (int i = chain.size() - 1; i >= 0; i--) {
            Document document = invitations.find(Filters.eq("_id", chain.get(i))).first();
            if (document != null) {
                return usable(document) ? Optional.of(document) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Not replaced by a re-issued token (the import it came with is checked by {@link #usable}). */
    private static Bson current() {
        return Filters.exists("replaced", false);
    }

    /** Made one by one, or by an import that finished: its record exists and is not marked abandoned. */
    private boolean usable(Document document) {
        return committed(document.getString("importing"));
    }

    private boolean committed(String batch) {
        if (batch == null) {
            return true;
        }
        Document record = imports.find(Filters.eq("_id", batch)).first();
        return record != null && record.get("committedAt") != null;
    }

    private Flow flow(String survey) {
        if (survey == null || survey.isBlank()) {
            throw new InvalidInvitationException("survey is required");
        }
        return surveys.current(survey).orElseThrow(() -> new InvalidInvitationException("unknown survey '" + survey + "'"));
    }

    private Document document(String id, String survey, String wave, Invitation.Kind kind, String responseId,
                              InvitationDraft draft) {
        Document document = new Document("_id", id)
                .append("survey", survey)
                .append("wave", wave)
                .append("kind", kind.stored())
                .append("responseId", responseId)
                .append("profile", new Document(new LinkedHashMap<>(draft.profile())));
        Document invitee = invitee(draft.invitee());
        if (!invitee.isEmpty()) {
            document.append("invitee", invitee);
        }
        if (draft.validFrom() != null) {
            document.append("validFrom", Date.from(draft.validFrom()));
        }
        if (draft.validUntil() != null) {
            document.append("validUntil", Date.from(draft.validUntil()));
        }
        return document.append("createdAt", Date.from(clock.instant()));
    }

    private static Document invitee(Invitee invitee) {
        Document document = new Document();
        if (invitee.name() != null) {
            document.append("name", invitee.name());
        }
        if (invitee.email() != null) {
            document.append("email", invitee.email());
        }
        if (invitee.telegram() != null) {
            document.append("telegram", invitee.telegram());
        }
        return document;
    }

    private String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void checkValidity(InvitationDraft draft) {
        if (draft.validFrom() != null && draft.validUntil() != null && !draft.validFrom().isBefore(draft.validUntil())) {
            throw new InvalidInvitationException("valid from must be before valid until");
        }
    }

    /** The given values in the flow's field order, each checked against the flow's profile fields. */
    private static Map<String, String> checkedProfile(Flow flow, Map<String, String> given) {
        for (String fieldId : given.keySet()) {
            if (!flow.isProfileField(fieldId)) {
                throw new InvalidInvitationException("unknown profile field '" + fieldId + "' for survey '" + flow.id()
                        + "'; known fields: " + flow.profile().stream().map(Question::id).collect(Collectors.joining(", ")));
            }
        }
        Map<String, String> profile = new LinkedHashMap<>();
        for (Question field : flow.profile()) {
            String value = given.get(field.id());
            if (value == null || value.isBlank()) {
                continue;
            }
            value = value.strip();
            if (value.length() > MAX_PROFILE_TEXT) {
                throw new InvalidInvitationException("profile field '" + field.id() + "' is longer than "
                        + MAX_PROFILE_TEXT + " characters");
            }
            if (field.kind() != null && field.kind().isChoice() && field.option(value).isEmpty()) {
                throw new InvalidInvitationException("'" + value + "' is not an option of profile field '" + field.id()
                        + "'; options: " + field.options().stream().map(AnswerOption::code).collect(Collectors.joining(", ")));
            }
            profile.put(field.id(), value);
        }
        return profile;
    }

    private static Map<String, String> profile(Document document) {
        Map<String, String> profile = new LinkedHashMap<>();
        document.get("profile", new Document()).forEach((field, value) -> profile.put(field, String.valueOf(value)));
        return profile;
    }

    private static Invitation invitation(Document document) {
        return new Invitation(document.getString("_id"), document.getString("survey"), document.getString("wave"),
                Invitation.Kind.fromStored(document.getString("kind")), profile(document),
                document.getString("responseId"));
    }

    private static InvitationSummary summary(Document document) {
        Document invitee = document.get("invitee", new Document());
        String responseId = document.getString("responseId");
        return new InvitationSummary(responseId != null ? responseId : Invitation.responseIdFor(document.getString("_id")),
                document.getString("survey"), document.getString("wave"),
                Invitation.Kind.fromStored(document.getString("kind")), profile(document),
                new Invitee(invitee.getString("name"), invitee.getString("email"), invitee.getString("telegram")),
                instant(document.getDate("validFrom")), instant(document.getDate("validUntil")),
                instant(document.getDate("createdAt")), instant(document.getDate("revokedAt")));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
