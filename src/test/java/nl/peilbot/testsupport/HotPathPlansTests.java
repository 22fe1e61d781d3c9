package nl.peilbot.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.bson.BsonDocument;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.mongodb.MongoClientSettings;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Every per-request read and write of the app finds its document through the {@code _id} index of the
 * embedded database, so a turn costs the same with 100 or 20,000 stored responses (docs/storage.md, "Why the
 * embedded database needs a patch").
 *
 * <p>FerretDB runs an update, replace, delete or findAndModify as a query with the command's filter followed by
 * a write {@code WHERE <_id expression> = ?}; the query is the same as a find with that filter, so explaining the
 * find shows the plan of both steps. Add a collection's per-request filters to {@link #HOT_PATH} when it gets
 * some (the turn log and the outbox too); the filter must have the exact form the app's code builds. Only a string
 * or ObjectId {@code _id} is served by the index on FerretDB: a document as {@code _id} (say
 * {@code {response, version}}) scans.
 */
class HotPathPlansTests {

    /** The per-request queries of the app: collection, what it is for, the filter as the app's code builds it. */
    static final List<HotPathQuery> HOT_PATH = List.of(
            new HotPathQuery("responses", "ResponseStore.find, every turn", Filters.eq("_id", "r_0000000000000000000000a1")),
            new HotPathQuery("responses", "ResponseStore snapshot write (replaceOne by _id), every turn",
                    Filters.eq("_id", "r_0000000000000000000000a1")),
            new HotPathQuery("turns", "ResponseStore.find probing past the snapshot, every turn; announced mark",
                    Filters.eq("_id", "r_0000000000000000000000a1:4")),
            new HotPathQuery("invitations", "Invitations.find by token hash, opening a chat", Filters.eq("_id", "1f".repeat(32))),
            new HotPathQuery("invitations", "Invitations re-issue: updateOne of the old token", Filters.eq("_id", "1f".repeat(32))),
            new HotPathQuery("revocations", "Revocations: the change marker, read at most once a second per instance, and its replace",
                    Filters.eq("_id", "#changed")),
            new HotPathQuery("channelBindings", "ChannelBindings claim and chat lookup, replace of the chat binding",
                    Filters.eq("_id", "telegram:chat:" + "2e".repeat(32))),
            new HotPathQuery("waves", "Waves.find (for turns at most once a second per instance) and the console's replace (upsert)",
                    Filters.eq("_id", "ai-in-hospitals-2020")),
            new HotPathQuery("flowVersions", "FlowSnapshots.find, a response started under an older flow", Filters.eq("_id", "0123456789abcdef")),
            new HotPathQuery("results", "ResultsStore pointer read and replace, every fold", Filters.eq("_id", "ai-in-hospitals-2020/2020")),
            new HotPathQuery("resultFolds", "ResultsStore latest fold check, every table read and fold",
                    Filters.eq("_id", "ai-in-hospitals-2020/2020#3")),
            new HotPathQuery("resultCheckpoints", "ResultsStore full counters of a checkpoint fold: written by a fold, read cold",
                    Filters.eq("_id", "ai-in-hospitals-2020/2020#32")),
            new HotPathQuery("resultFoldBodies", "ResultsStore counters of a fold of an earlier release",
                    Filters.eq("_id", "ai-in-hospitals-2020/2020#3/0b3c5e0e-7d1a-4c53-9a0e-2f1f0c7d9e11")),
            new HotPathQuery("contributions", "ContributionStore chain of one response, every fold",
                    Filters.eq("_id", "r_0000000000000000000000a1|0#1")),
            new HotPathQuery("aggregationQueue", "DeltaQueue delete of a folded delta", Filters.eq("_id", "r_0000000000000000000000a1:3")),
            new HotPathQuery("codings", "CodingStore find and replace of one coding, a fold's codings of a response",
                    Filters.eq("_id", "r_0000000000000000000000a1/policy")),
            new HotPathQuery("reportTemplates", "TemplateRevisions.current probing past the newest known revision, "
                    + "every report, preview and editor load", Filters.eq("_id", "ai-in-hospitals-2020/2020#2")),
            new HotPathQuery("accounts", "BootstrapAccount.find, every login of the first-run account", Filters.eq("_id", "admin")),
            new HotPathQuery("outbox", "OutboxStore: the worker's re-read, retry update and delete of one message",
                    Filters.eq("_id", "webhook:R-0123456789ab:3")),
            new HotPathQuery("outboxClaims", "OutboxStore.claim and release, every try",
                    Filters.eq("_id", "webhook:R-0123456789ab:3#0")),
            new HotPathQuery("outboxDone", "OutboxStore.done, every enqueue and try", Filters.eq("_id", "telegram:1234:1")),
            new HotPathQuery("leases", "MongoLeases: delete of the previous slot", Filters.eq("_id", "turn-repair@29436721")),
            new HotPathQuery("withdrawals", "Withdrawals.withdrew, opening a revoked link; the withdrawal record's insert and update",
                    Filters.eq("_id", "3c".repeat(32))),
            new HotPathQuery("responses", "ResponseStore.delete, a respondent's withdrawal", Filters.eq("_id", "r_0000000000000000000000a2")),
            new HotPathQuery("invitations", "Invitations.forgetInvitees, retention by _id", Filters.eq("_id", "2f".repeat(32))),
            new HotPathQuery("telegramChats", "ChatLedger: a chat's delivery progress and live keyboard, every Telegram send; its held paste, every update",
                    Filters.eq("_id", "delivery:" + "5e".repeat(32))),
            new HotPathQuery("invitationPointers", "InvitationPointers.chain and claim: the console's summary, revoke and re-issue",
                    Filters.eq("_id", "r_0000000000000000000000a1#1")),
            new HotPathQuery("invitations", "Invitations.revoke: updateOne of each token of the response",
                    Filters.and(Filters.eq("_id", "1f".repeat(32)), Filters.exists("revokedAt", false))),
            new HotPathQuery("invitations", "Invitations.reissue: updateOne of each earlier token of the response",
                    Filters.and(Filters.eq("_id", "1f".repeat(32)), Filters.exists("replaced", false))),
            new HotPathQuery("reminders", "ReminderStore.sentBy and release of a claimed reminder",
                    Filters.eq("_id", "r_0000000000000000000000a1:1")),
            new HotPathQuery("responses", "ResponseReader.find and .progress: an aggregation or dashboard fold re-reads one "
                    + "queued respondent, the webhook and an analyst's coding read one",
                    Filters.eq("_id", "r_0000000000000000000000a1")),
            new HotPathQuery("dashboardHeads", "DashboardFolds hint to the latest fold, every dashboard fetch and fold; its replace",
                    Filters.eq("_id", "peil-2020/2020")),
            new HotPathQuery("dashboardFolds", "DashboardFolds latest fold and the probe past it, every dashboard fetch",
                    Filters.eq("_id", "peil-2020/2020#3")),
            new HotPathQuery("dashboardCounted", "DashboardFolds.counted: a respondent's chain, every fold",
                    Filters.eq("_id", "peil-2020/2020|r_0000000000000000000000a1#2")),
            new HotPathQuery("dashboardQueue", "DashboardQueue delete of a folded delta",
                    Filters.eq("_id", "r_0000000000000000000000a1:0b3c5e0e-7d1a-4c53-9a0e-2f1f0c7d9e11")),
            new HotPathQuery("mails", "MailLog.find and mark, every try of a mail", Filters.eq("_id",
                    "r_0000000000000000000000a1:invitation:1")),
            new HotPathQuery("mailDeclines", "Declines.declined, every try of a mail and every decline click",
                    Filters.eq("_id", "r_0000000000000000000000a1")),
            new HotPathQuery("mailSettings", "MailSettings.of (the wave's sender) and the decline key, every try",
                    Filters.eq("_id", "ai-in-hospitals-2020")));

    private static MongoDatabase database;

    record HotPathQuery(String collection, String purpose, Bson filter) {

        BsonDocument filterDocument() {
            return filter.toBsonDocument(BsonDocument.class, MongoClientSettings.getDefaultCodecRegistry());
        }

        @Override
        public String toString() {
            return collection + " " + filterDocument().toJson() + " (" + purpose + ")";
        }
    }

    @BeforeAll
    static void fillCollections() {
        database = FerretDb.database("plans");
        for (String collection : HOT_PATH.stream().map(HotPathQuery::collection).distinct().toList()) {
            // More than one document, so that a plan without the index would have to scan to find the one.
            for (int i = 0; i < 50; i++) {
                database.getCollection(collection).insertOne(new Document("_id", collection + "-filler-" + i).append("version", 3L));
            }
        }
        for (HotPathQuery query : HOT_PATH) {
            Document document = Document.parse(query.filterDocument().toJson());
            if (document.containsKey("$and")) {
                document = new Document();
                for (Object condition : query.filterDocument().getArray("$and")) {
                    document.putAll(Document.parse(((BsonDocument) condition).toJson()));
                }
            }
            Bson byId = Filters.eq("_id", document.get("_id"));
            Document merged = database.getCollection(query.collection()).find(byId).first();
            merged = merged == null ? document.append("version", document.getOrDefault("version", 3L))
                    : merged.append("version", document.getOrDefault("version", merged.get("version")));
            database.getCollection(query.collection()).replaceOne(byId, merged, new ReplaceOptions().upsert(true));
        }
    }

    static Stream<HotPathQuery> hotPath() {
        return HOT_PATH.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hotPath")
    void shouldFindTheDocumentThroughTheIdIndex(HotPathQuery query) {
        Document explained = explainFind(query.collection(), query.filterDocument());

        List<String> plan = plan(explained);
        assertThat(explained.getBoolean("filterPushdown"))
                .as("FerretDB pushes the filter of %s down to SQLite; scripts/install-ferretdb builds the patched binary", query)
                .isTrue();
        assertThat(plan).as("SQLite plan of %s", query)
                .anyMatch(step -> step.contains("SEARCH") && step.contains("USING INDEX"))
                .noneMatch(step -> step.contains("SCAN"));
        assertThat(database.getCollection(query.collection()).find(query.filter()).into(new java.util.ArrayList<>()))
                .as("documents matching %s", query).hasSize(1);
    }

    @Test
    void shouldStillApplyTheOtherConditionsOfAFilterWhoseIdIsPushedDown() {
        Bson staleVersion = Filters.and(Filters.eq("_id", "r_0000000000000000000000a1"), Filters.eq("version", 2L));
        Bson otherStatus = Filters.and(Filters.eq("_id", "r_0000000000000000000000a1"),
                Filters.or(Filters.eq("status", "completed"), Filters.exists("version", false)));

        assertThat(database.getCollection("responses").find(staleVersion).first()).isNull();
        assertThat(database.getCollection("responses").find(otherStatus).first()).isNull();
        assertThat(database.getCollection("responses").replaceOne(staleVersion, new Document("version", 9L)).getMatchedCount()).isZero();
        assertThat(database.getCollection("responses").deleteOne(staleVersion).getDeletedCount()).isZero();
        assertThat(database.getCollection("responses").find(Filters.eq("_id", "r_0000000000000000000000a1")).first()
                .get("version", Number.class).longValue()).isEqualTo(3L);
    }

    @Test
    void shouldScanForAFilterWithoutId() {
        // The guard above would pass for any filter if the plan never said SCAN; this one must.
        assertThat(plan(explainFind("responses", new BsonDocument("version", new org.bson.BsonInt64(3L)))))
                .anyMatch(step -> step.contains("SCAN"));
    }

    private static Document explainFind(String collection, BsonDocument filter) {
        return database.runCommand(new Document("explain", new Document("find", collection).append("filter", filter)));
    }

    private static List<String> plan(Document explained) {
        return explained.get("queryPlanner", Document.class).getList("Plan", String.class);
    }
}
