package nl.peilbot.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.bson.Document;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import nl.peilbot.conversation.Wave;
import nl.peilbot.conversation.WaveState;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Flows;
import nl.peilbot.invitation.InvitationDraft;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.Invitee;
import nl.peilbot.invitation.Surveys;
import nl.peilbot.testsupport.FerretDb;
import nl.peilbot.response.ResponseReader;

/**
 * The dashboard's maintained counters end exactly where a full recount of the wave's invitations and responses ends,
 * on FerretDB: after a random mix of invitations, revocations, turns, withdrawals, duplicated deltas and folds by two
 * instances (each with its own client) at once, and after a fold that crashed between its commit and its clean-up.
 */
class DashboardCountersProperties {

    private static final Flow FLOW = Flows.load(Path.of("src/test/resources/console-flows/peil-2020.yaml"));
    private static final Wave WAVE = new Wave(FLOW, WaveState.OPEN, 0, true);
    private static final Instant T0 = Instant.parse("2026-11-02T09:00:00Z");
    private static final List<String> HOSPITALS = List.of("Alpha", "Beta", "Gamma");
    private static final List<String> STEPS = List.of("#consent", "familiarity", "policy", "remarks", "#summary");

    enum Kind { INVITE, REVOKE, TURN, COMPLETE, WITHDRAW, FOLD_ONE, FOLD_BOTH }

    /** One thing that happens to respondent {@code who}; {@code seconds} drives the durations (always < 100). */
    record Event(Kind kind, int who, int hospital, int step, int seconds, boolean duplicate) {
    }

    /** One application instance: its own client, queue, folds and progress reader. */
    private record Instance(MongoClient client, MongoDatabase database, DashboardQueue queue, DashboardFolds folds,
                            ProgressReader progress, Invitations invitations, DashboardCounters counters) {

        static Instance start(String name) {
            MongoClient client = MongoClients.create(FerretDb.uri(name));
            MongoDatabase database = client.getDatabase(name);
            DashboardQueue queue = new DashboardQueue(database);
            DashboardFolds folds = new DashboardFolds(database);
            ProgressReader progress = new ProgressReader(new ResponseReader(database));
            Invitations invitations = newInvitations(database);
            return new Instance(client, database, queue, folds, progress, invitations,
                    new DashboardCounters(folds, queue, invitations, progress));
        }
    }

    @Property(tries = 6)
    void shouldEqualAFullRecount(@ForAll("events") List<Event> events) {
        String name = FerretDb.uniqueDatabase("dashboard_counters");
        Instance one = Instance.start(name);
        Instance two = Instance.start(name);
        try {
            Map<Integer, String> refs = new HashMap<>();
            for (Event event : events) {
                apply(event, one, two, refs);
            }
            CompletableFuture.allOf(CompletableFuture.runAsync(() -> one.counters().fold(WAVE)),
                    CompletableFuture.runAsync(() -> two.counters().fold(WAVE))).join();

            assertThat(figures(one.counters().counters(WAVE))).isEqualTo(recount(one));
            assertThat(one.database().getCollection(DashboardQueue.COLLECTION).countDocuments()).as("queue drained").isZero();
        } finally {
            one.client().close();
            two.client().close();
        }
    }

    @Example
    void shouldFoldAgainWhatAFoldThatCrashedAfterItsCommitLeftBehind() {
        String name = FerretDb.uniqueDatabase("dashboard_crash");
        Instance one = Instance.start(name);
        Instance two = Instance.start(name);
        try {
            Map<Integer, String> refs = new HashMap<>();
            one.counters().fold(WAVE);
            for (int who = 0; who < 4; who++) {
                apply(new Event(Kind.INVITE, who, who % 3, 0, 0, false), one, two, refs);
                apply(new Event(Kind.TURN, who, who % 3, who, 10 + who, false), one, two, refs);
            }
            apply(new Event(Kind.COMPLETE, 1, 1, 4, 40, false), one, two, refs);
            // Instance one queued everything and died before folding: instance two folds it.
            assertThat(figures(two.counters().counters(WAVE))).isEqualTo(recount(two));

            // The crash after a commit: the chains and the hint of the last fold not written, its deltas not removed.
            apply(new Event(Kind.TURN, 2, 2, 3, 30, false), one, two, refs);
            DashboardFolds.Fold before = two.folds().latest(FLOW.id() + "/" + FLOW.wave()).orElseThrow();
            two.counters().fold(WAVE);
            DashboardFolds.Fold crashed = two.folds().latest(FLOW.id() + "/" + FLOW.wave()).orElseThrow();
            assertThat(crashed.seq()).isEqualTo(before.seq() + 1);
            crashed.changes().forEach((ref, change) -> two.database().getCollection("dashboardCounted")
                    .deleteOne(Filters.eq("_id", FLOW.id() + "/" + FLOW.wave() + "|" + ref + "#" + change.position())));
            crashed.consumed().forEach(id -> two.database().getCollection(DashboardQueue.COLLECTION).insertOne(
                    new Document("_id", id).append("survey", FLOW.id()).append("wave", FLOW.wave())
                            .append("ref", crashed.changes().keySet().iterator().next())));
            two.database().getCollection("dashboardHeads").replaceOne(Filters.eq("_id", FLOW.id() + "/" + FLOW.wave()),
                    new Document("head", before.seq()));

            apply(new Event(Kind.COMPLETE, 3, 0, 4, 50, true), one, two, refs);

            assertThat(figures(one.counters().counters(WAVE))).isEqualTo(recount(one));
            assertThat(one.database().getCollection(DashboardQueue.COLLECTION).countDocuments()).isZero();
        } finally {
            one.client().close();
            two.client().close();
        }
    }

    @Example
    void shouldCostTheSameForOneChangeWhateverTheSizeOfTheWave() {
        assertThat(commandsForOneChange(200)).isEqualTo(commandsForOneChange(20));
    }

    /** The database commands of one dashboard fetch after one respondent moved, in a wave of {@code size}. */
    private static int commandsForOneChange(int size) {
        String name = FerretDb.uniqueDatabase("dashboard_cost");
        java.util.concurrent.atomic.AtomicInteger commands = new java.util.concurrent.atomic.AtomicInteger();
        MongoClient client = MongoClients.create(com.mongodb.MongoClientSettings.builder()
                .applyConnectionString(new com.mongodb.ConnectionString(FerretDb.uri(name)))
                .addCommandListener(new com.mongodb.event.CommandListener() {
                    @Override
                    public void commandStarted(com.mongodb.event.CommandStartedEvent event) {
                        commands.incrementAndGet();
                    }
                }).build());
        try {
            MongoDatabase database = client.getDatabase(name);
            DashboardQueue queue = new DashboardQueue(database);
            ProgressReader progress = new ProgressReader(new ResponseReader(database));
            Invitations invitations = newInvitations(database);
            DashboardCounters counters = new DashboardCounters(new DashboardFolds(database), queue, invitations, progress);
            for (int who = 0; who < size; who++) {
                store(database, "r_open" + who, new Event(Kind.TURN, who, who % 3, who % STEPS.size(), who % 100, false));
            }
            counters.counters(WAVE);
            store(database, "r_open7", new Event(Kind.TURN, 7, 1, 3, 42, false));
            queue.add(FLOW.id(), FLOW.wave(), "r_open7");
            commands.set(0);

            Map<DashboardKey, Long> figures = counters.counters(WAVE);

            assertThat(figures.get(new DashboardKey.Started("Open Alpha")) + figures.get(new DashboardKey.Started("Open Beta"))
                    + figures.get(new DashboardKey.Started("Open Gamma"))).isEqualTo(size);
            return commands.get();
        } finally {
            client.close();
        }
    }

    @Provide
    Arbitrary<List<Event>> events() {
        Arbitrary<Event> event = Combinators.combine(Arbitraries.of(Kind.class), Arbitraries.integers().between(0, 7),
                Arbitraries.integers().between(0, HOSPITALS.size() - 1), Arbitraries.integers().between(0, STEPS.size() - 1),
                Arbitraries.integers().between(0, 99), Arbitraries.of(true, false)).as(Event::new);
        return event.list().ofMinSize(5).ofMaxSize(40);
    }

    private static void apply(Event event, Instance one, Instance two, Map<Integer, String> refs) {
        Instance by = event.who() % 2 == 0 ? one : two;
        String ref = refs.get(event.who());
        switch (event.kind()) {
            case INVITE -> {
                if (ref != null) {
                    return;
                }
                ref = by.invitations().createAll(FLOW.id(), List.of(new InvitationDraft(
                        Map.of("hospital", HOSPITALS.get(event.hospital()), "hospitalType", "algemeen", "role", "cio"),
                        new Invitee("Respondent " + event.who(), null, null), null, null))).get(0).responseId();
                refs.put(event.who(), ref);
            }
            case REVOKE -> {
                if (ref == null) {
                    return;
                }
                by.invitations().revoke(ref);
            }
            case TURN, COMPLETE -> {
                if (ref == null) {
                    ref = "r_open" + event.who();
                    refs.put(event.who(), ref);
                }
                store(by.database(), ref, event);
            }
            case WITHDRAW -> {
                if (ref == null) {
                    return;
                }
                by.database().getCollection("responses").deleteOne(Filters.eq("_id", ref));
            }
            case FOLD_ONE -> {
                by.counters().fold(WAVE);
                return;
            }
            case FOLD_BOTH -> {
                CompletableFuture.allOf(CompletableFuture.runAsync(() -> one.counters().fold(WAVE)),
                        CompletableFuture.runAsync(() -> two.counters().fold(WAVE))).join();
                return;
            }
        }
        by.queue().add(FLOW.id(), FLOW.wave(), ref);
        if (event.duplicate()) {
            (by == one ? two : one).queue().add(FLOW.id(), FLOW.wave(), ref);
        }
    }

    private static void store(MongoDatabase database, String ref, Event event) {
        boolean completed = event.kind() == Kind.COMPLETE;
        Document answers = new Document();
        int answered = completed ? 3 : Math.max(0, event.step() - 1);
        for (int i = 0; i < answered; i++) {
            answers.append(FLOW.questions().get(i).id(), new Document("answeredAt", Date.from(T0))
                    .append("secondsTaken", (event.seconds() + i * 7) % 100).append("source", i == 1 ? "import" : "chat"));
        }
        Document conversation = new Document();
        if (!completed) {
            conversation.append("currentStep", STEPS.get(event.step()));
        }
        Document document = new Document("_id", ref).append("survey", FLOW.id()).append("wave", FLOW.wave())
                .append("status", completed ? "completed" : "in_progress")
                .append("profile", new Document("hospital", "Open " + HOSPITALS.get(event.hospital())))
                .append("answers", answers).append("startedAt", Date.from(T0))
                .append("updatedAt", Date.from(T0.plusSeconds(event.seconds()))).append("conversation", conversation);
        if (completed) {
            document.append("completedAt", Date.from(T0.plusSeconds(event.seconds())));
        }
        database.getCollection("responses").replaceOne(Filters.eq("_id", ref), document, new ReplaceOptions().upsert(true));
    }

    /** The figures of a dashboard computed by reading every invitation and response of the wave. */
    private static Dashboard recount(Instance instance) {
        Dashboard full = DashboardCalculator.calculate(WAVE, instance.invitations().list(FLOW.id()),
                instance.progress().read(FLOW), Map.of(), T0);
        // A revoked invitation that never started is a row of zeros in the recount; the counters leave it out.
        List<Dashboard.UnitCounts> hospitals = new ArrayList<>(full.units().stream()
                .filter(h -> h.invited() + h.started() + h.completed() > 0).toList());
        return withoutRows(full, hospitals);
    }

    private static Dashboard figures(Map<DashboardKey, Long> counters) {
        Dashboard dashboard = DashboardTally.dashboard(WAVE, counters, T0);
        return withoutRows(dashboard, dashboard.units());
    }

    private static Dashboard withoutRows(Dashboard d, List<Dashboard.UnitCounts> hospitals) {
        return new Dashboard(d.survey(), d.wave(), d.title(), d.state(), d.target(), d.openLink(), d.overall(), hospitals,
                d.responseRate(), d.medianSecondsToComplete(), d.funnel(), d.leftBeforeQuestions(), List.of(), T0);
    }

    // Invitations' constructor belongs to its module; a second instance of it needs its own client here.
    private static Invitations newInvitations(MongoDatabase database) {
        try {
            Surveys surveys = id -> FLOW.id().equals(id) ? Optional.of(FLOW) : Optional.empty();
            Constructor<Invitations> constructor = Invitations.class.getDeclaredConstructor(MongoDatabase.class,
                    Surveys.class, Clock.class, org.springframework.context.ApplicationEventPublisher.class);
            constructor.setAccessible(true);
            return constructor.newInstance(database, surveys, Clock.systemUTC(),
                    (org.springframework.context.ApplicationEventPublisher) event -> { });
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
