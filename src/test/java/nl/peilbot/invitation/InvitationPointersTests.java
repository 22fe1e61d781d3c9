package nl.peilbot.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.testsupport.FerretDb;

/**
 * The console's actions on one invitation (summary, revoke, re-issue) find it through pointer documents by
 * {@code _id}, stay right when two instances act at once, and survive a crash in the middle of a re-issue.
 */
class InvitationPointersTests {

    private static final Flow FLOW = Flows.load(Path.of("src/test/resources/flows/valid/small-survey.yaml"));
    private static final Instant NOW = Instant.parse("2024-03-01T09:00:00Z");
    private static final Map<String, String> PROFILE = Map.of("hospital", "Ziekenhuis Zuid");

    private static MongoDatabase database;
    private static MongoCollection<Document> raw;
    private static MongoCollection<Document> pointers;
    private static Invitations one;
    private static Invitations other;
    private static ExecutorService threads;

    @BeforeAll
    static void connect() {
        database = FerretDb.database("invitationpointers");
        raw = database.getCollection("invitations");
        pointers = database.getCollection(InvitationPointers.COLLECTION);
        one = instance();
        other = instance();
        threads = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void stop() {
        threads.shutdownNow();
    }

    /** An Invitations as another application instance on the same database would have it. */
    private static Invitations instance() {
        Surveys surveys = id -> FLOW.id().equals(id) ? Optional.of(FLOW) : Optional.empty();
        Invitations invitations = new Invitations(database, surveys, Clock.fixed(NOW, ZoneOffset.UTC), event -> { });
        invitations.createIndexes();
        return invitations;
    }

    private static String responseOf(String token) {
        return one.find(token).orElseThrow().responseId();
    }

    @Test
    void shouldLeaveExactlyOneWorkingLinkAfterTwoSimultaneousReissues() throws Exception {
        for (int round = 0; round < 20; round++) {
            String token = one.create(FLOW.id(), PROFILE);
            String responseId = responseOf(token);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Optional<IssuedInvitation>> reissueOne = () -> { start.await(); return one.reissue(responseId); };
            Callable<Optional<IssuedInvitation>> reissueOther = () -> { start.await(); return other.reissue(responseId); };
            Future<Optional<IssuedInvitation>> a = threads.submit(reissueOne);
            Future<Optional<IssuedInvitation>> b = threads.submit(reissueOther);
            start.countDown();
            List<IssuedInvitation> issued = new ArrayList<>();
            a.get().ifPresent(issued::add);
            b.get().ifPresent(issued::add);

            // Both may go through when one read the chain after the other's claim: then it re-issued the newer link,
            // as a second click would. Either way exactly one link works, one of those handed out.
            assertThat(issued).as("round " + round).isNotEmpty();
            assertThat(issued.stream().filter(i -> one.check(i.token()) instanceof TokenCheck.Valid))
                    .as("round " + round + ": the link that works was handed out").hasSize(1);
            assertThat(one.check(token)).as("the old link").isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
            assertThat(raw.countDocuments(Filters.and(Filters.eq("responseId", responseId), Filters.exists("revokedAt", false))))
                    .as("one working link per response").isEqualTo(1);
        }
    }

    @Test
    void shouldPassOverAReissueCutShortAfterItsClaim() {
        String token = one.create(FLOW.id(), PROFILE);
        String responseId = responseOf(token);
        pointers.insertOne(new Document("_id", InvitationPointers.key(responseId, 2)).append("invitation", "f0".repeat(32))
                .append("createdAt", new Date()));

        assertThat(one.summary(responseId)).as("the first link is still the current one").isPresent();
        IssuedInvitation reissued = one.reissue(responseId).orElseThrow();

        assertThat(one.check(reissued.token())).isInstanceOf(TokenCheck.Valid.class);
        assertThat(one.check(token)).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
        assertThat(pointers.find(Filters.eq("_id", InvitationPointers.key(responseId, 3))).first()).isNotNull();
    }

    @Test
    void shouldRevokeEveryLinkLeftWorkingByAReissueCutShort() {
        String token = one.create(FLOW.id(), PROFILE);
        String responseId = responseOf(token);
        IssuedInvitation reissued = one.reissue(responseId).orElseThrow();
        // As if the re-issue had died before retiring the old token.
        raw.updateOne(Filters.eq("_id", Hashes.sha256Hex(token)), new Document("$unset", new Document("revokedAt", "")
                .append("replaced", "")));

        assertThat(other.revoke(responseId)).isTrue();

        assertThat(one.check(token)).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
        assertThat(one.check(reissued.token())).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
        assertThat(one.revoke(responseId)).as("nothing left to revoke").isFalse();
    }

    @Test
    void shouldGiveInvitationsStoredBeforeThePointersTheirsOnce() {
        String token = one.create(FLOW.id(), PROFILE);
        String responseId = responseOf(token);
        IssuedInvitation reissued = one.reissue(responseId).orElseThrow();
        pointers.deleteMany(new Document());

        assertThat(one.summary(responseId)).as("without pointers").isEmpty();
        instance();

        assertThat(one.summary(responseId)).isPresent();
        IssuedInvitation again = one.reissue(responseId).orElseThrow();
        assertThat(one.check(reissued.token())).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
        assertThat(one.check(again.token())).isInstanceOf(TokenCheck.Valid.class);
    }

    @Test
    void shouldFindNoInvitationOfAFailedImport() {
        String token = one.create(FLOW.id(), PROFILE);
        String responseId = responseOf(token);
        raw.updateOne(Filters.eq("_id", Hashes.sha256Hex(token)), new Document("$set", new Document("importing", "batch")));

        assertThat(one.summary(responseId)).isEmpty();
        assertThat(one.revoke(responseId)).isFalse();
        assertThat(one.reissue(responseId)).isEmpty();
    }
}
