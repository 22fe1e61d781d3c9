package nl.peilbot.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.bson.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.testsupport.MovableClock;

/** Invitees, validity windows, revoking, re-issuing and all-or-nothing imports, against a real FerretDB. */
class InvitationLifecycleTests {

    private static final Flow FLOW = Flows.load(Path.of("src/test/resources/flows/valid/small-survey.yaml"));
    private static final Instant NOW = Instant.parse("2024-03-01T09:00:00Z");

    private static MongoDatabase database;
    private static MongoCollection<Document> raw;
    private static MovableClock clock = new MovableClock(NOW);
    private static Invitations invitations;

    @BeforeAll
    static void connect() {
        database = FerretDb.database("invitation_lifecycle");
        raw = database.getCollection("invitations");
        Surveys surveys = id -> FLOW.id().equals(id) ? Optional.of(FLOW) : Optional.empty();
        invitations = new Invitations(database, surveys, clock, event -> { });
        invitations.createIndexes();
    }

    private static InvitationDraft draft(String hospital, String email) {
        return new InvitationDraft(Map.of("hospital", hospital), new Invitee("An Jansen", email, "an_jansen"), null, null);
    }

    @Nested
    class Invitees {

        @Test
        void shouldKeepTheInviteeWithTheInvitationOnly() {
            IssuedInvitation issued = invitations.createAll(FLOW.id(), List.of(draft("Ziekenhuis Invitee", "an@example.org"))).get(0);

            InvitationSummary summary = invitations.summary(issued.responseId()).orElseThrow();

            assertThat(summary.invitee()).isEqualTo(new Invitee("An Jansen", "an@example.org", "an_jansen"));
            assertThat(summary.profile()).isEqualTo(Map.of("hospital", "Ziekenhuis Invitee"));
            assertThat(invitations.find(issued.token()).orElseThrow().responseId()).isEqualTo(issued.responseId());
        }
    }

    @Nested
    class ValidityWindow {

        @Test
        void shouldOpenOnlyInsideTheWindow() {
            Instant from = NOW.plus(Duration.ofDays(1));
            Instant until = NOW.plus(Duration.ofDays(3));
            String token = invitations.createAll(FLOW.id(), List.of(new InvitationDraft(Map.of("hospital", "Venster"),
                    null, from, until))).get(0).token();
            try {
                assertThat(invitations.check(token)).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.NOT_YET_VALID));
                clock.set(from);
                assertThat(invitations.check(token)).isInstanceOf(TokenCheck.Valid.class);
                clock.set(until);
                assertThat(invitations.check(token)).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.EXPIRED));
            } finally {
                clock.set(NOW);
            }
        }

        @Test
        void shouldRefuseAWindowThatEndsBeforeItBegins() {
            assertThatThrownBy(() -> invitations.createAll(FLOW.id(), List.of(new InvitationDraft(Map.of("hospital", "X"),
                    null, NOW, NOW.minusSeconds(1))))).isInstanceOf(InvalidInvitationException.class);
        }
    }

    @Nested
    class RevokeAndReissue {

        @Test
        void shouldRefuseARevokedToken() {
            IssuedInvitation issued = invitations.createAll(FLOW.id(), List.of(draft("Ziekenhuis Revoke", null))).get(0);

            assertThat(invitations.revoked(issued.responseId())).isFalse();
            assertThat(invitations.revoke(issued.responseId())).isTrue();

            assertThat(invitations.revoked(issued.responseId())).as("what a bound chat asks on every turn").isTrue();
            assertThat(invitations.check(issued.token())).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
            assertThat(invitations.revoke(issued.responseId())).as("revoked once").isFalse();
            assertThat(invitations.reissue(issued.responseId())).as("a revoked invitation is not re-issued").isEmpty();
            assertThat(invitations.summary(issued.responseId()).orElseThrow().revokedAt()).isEqualTo(NOW);
        }

        @Test
        void shouldReplaceTheTokenAndKeepTheResponse() {
            IssuedInvitation issued = invitations.createAll(FLOW.id(), List.of(draft("Ziekenhuis Reissue", "re@example.org"))).get(0);

            IssuedInvitation again = invitations.reissue(issued.responseId()).orElseThrow();

            assertThat(again.token()).isNotEqualTo(issued.token());
            assertThat(invitations.revoked(issued.responseId())).as("re-issued, not revoked").isFalse();
            assertThat(invitations.check(issued.token())).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.REVOKED));
            TokenCheck.Valid valid = (TokenCheck.Valid) invitations.check(again.token());
            assertThat(valid.invitation().responseId()).isEqualTo(issued.responseId());
            assertThat(valid.invitation().profile()).isEqualTo(Map.of("hospital", "Ziekenhuis Reissue"));
            assertThat(invitations.list(FLOW.id())).filteredOn(i -> i.responseId().equals(issued.responseId()))
                    .singleElement().satisfies(i -> {
                        assertThat(i.revokedAt()).isNull();
                        assertThat(i.invitee().email()).isEqualTo("re@example.org");
                    });
        }
    }

    @Nested
    class BulkCreate {

        @Test
        void shouldStoreNothingWhenOneDraftIsInvalid() {
            long before = raw.countDocuments();
            List<InvitationDraft> drafts = List.of(draft("Goed", "a@example.org"),
                    new InvitationDraft(Map.of("hospital", "Fout", "role", "janitor"), null, null, null));

            assertThatThrownBy(() -> invitations.createAll(FLOW.id(), drafts)).isInstanceOf(InvalidInvitationException.class);

            assertThat(raw.countDocuments()).isEqualTo(before);
        }

        @Test
        void shouldDeleteWhatAFailedImportInsertedAndLeaveNoMarks() {
            IssuedInvitation first = invitations.createAll(FLOW.id(), List.of(draft("Eerst", null))).get(0);
            assertThat(raw.countDocuments(Filters.exists("importing"))).isZero();
            // A document marked importing (left by a crash) is never accepted and is removed at start-up.
            raw.updateOne(Filters.eq("responseId", first.responseId()), new Document("$set", new Document("importing", "x")));
            assertThat(invitations.check(first.token())).isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN));

            invitations.createIndexes();

            assertThat(raw.countDocuments(Filters.eq("responseId", first.responseId()))).isZero();
        }

        @Test
        void shouldImportManyRowsInChunksAndCommitThemWithOneRecord() {
            int rows = Invitations.IMPORT_CHUNK * 3 + 17;
            List<IssuedInvitation> issued = invitations.createAll(FLOW.id(), drafts("Chunk", rows));

            assertThat(issued).hasSize(rows);
            assertThat(issued).allSatisfy(i -> assertThat(invitations.check(i.token())).isInstanceOf(TokenCheck.Valid.class));
            String batch = raw.find(Filters.eq("responseId", issued.get(0).responseId())).first().getString("importing");
            assertThat(database.getCollection(Invitations.IMPORTS).find(Filters.eq("_id", batch)).first())
                    .containsEntry("count", rows).containsKey("committedAt");
            assertThat(invitations.list(FLOW.id())).extracting(InvitationSummary::responseId)
                    .containsAll(issued.stream().map(IssuedInvitation::responseId).toList());
        }

        /** What a kill -9 before the commit leaves behind: every document in, no record. */
        @Test
        void shouldLeaveNoUsableInvitationOfAnImportCutShortAndRemoveItInChunksAtStartUp() {
            int rows = Invitations.IMPORT_CHUNK * 2 + 5;
            List<IssuedInvitation> issued = invitations.createAll(FLOW.id(), drafts("Crash", rows));
            String batch = raw.find(Filters.eq("responseId", issued.get(0).responseId())).first().getString("importing");
            database.getCollection(Invitations.IMPORTS).deleteOne(Filters.eq("_id", batch));

            assertThat(issued).allSatisfy(i -> assertThat(invitations.check(i.token()))
                    .isEqualTo(new TokenCheck.Refused(TokenCheck.Reason.UNKNOWN)));
            assertThat(invitations.list(FLOW.id())).extracting(InvitationSummary::responseId)
                    .doesNotContainAnyElementsOf(issued.stream().map(IssuedInvitation::responseId).toList());
            assertThat(invitations.summary(issued.get(0).responseId())).isEmpty();
            assertThat(invitations.revoke(issued.get(0).responseId())).isFalse();

            invitations.createIndexes();

            assertThat(raw.countDocuments(Filters.eq("importing", batch))).isZero();
            assertThat(database.getCollection(Invitations.IMPORTS).find(Filters.eq("_id", batch)).first().getBoolean("abandoned"))
                    .as("a commit arriving late now fails").isTrue();
        }
    }

    private static List<InvitationDraft> drafts(String prefix, int count) {
        return java.util.stream.IntStream.range(0, count)
                .mapToObj(i -> new InvitationDraft(Map.of("hospital", prefix + " " + i), null, null, null)).toList();
    }
}
