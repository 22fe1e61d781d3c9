package nl.peilbot.console;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import nl.peilbot.conversation.Wave;
import nl.peilbot.flow.Flow;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;

/**
 * Keeps each wave's dashboard counters: folds the queued deltas into them, the way the results are folded
 * (docs/console.md). A fold re-reads each queued respondent by {@code _id} (its invitation and its response), takes
 * what it was counted as out and what it is now in, and commits the next fold by inserting it; a folder that loses
 * that insert to another starts again from the new latest fold. The respondents' chains and the queue are brought in
 * line after the commit, and again by whoever folds next, so a crash at any point neither loses nor double-counts.
 */
@Component
class DashboardCounters {

    static final int BATCH = 200;
    private static final int MAX_ATTEMPTS = 100;
    private static final Logger log = LoggerFactory.getLogger(DashboardCounters.class);

    private final DashboardFolds folds;
    private final DashboardQueue queue;
    private final Invitations invitations;
    private final ProgressReader progress;
    private final Map<String, ReentrantLock> locks = new ConcurrentHashMap<>();
    private final Map<String, String> completed = new ConcurrentHashMap<>();

    DashboardCounters(DashboardFolds folds, DashboardQueue queue, Invitations invitations, ProgressReader progress) {
        this.folds = folds;
        this.queue = queue;
        this.invitations = invitations;
        this.progress = progress;
    }

    /** The wave's counters with everything queued so far folded in. */
    Map<DashboardKey, Long> counters(Wave wave) {
        fold(wave);
        return folds.latest(key(wave.flow())).map(DashboardFolds.Fold::counters).orElse(Map.of());
    }

    /** Queues a look at the respondent after the console changed its invitation. */
    void changed(Wave wave, String ref) {
        queue.add(wave.flow().id(), wave.flow().wave(), ref);
    }

    /** Folds everything queued for the wave; returns the number of deltas taken in. */
    int fold(Wave wave) {
        Flow flow = wave.flow();
        String key = key(flow);
        ReentrantLock lock = locks.computeIfAbsent(key, k -> new ReentrantLock());
        lock.lock();
        try {
            int consumed = 0;
            for (int attempt = 1; attempt <= MAX_ATTEMPTS; ) {
                DashboardFolds.Fold latest = folds.latest(key).orElse(DashboardFolds.Fold.none(key));
                complete(latest);
                if (latest.seq() == 0) {
                    seed(flow);
                }
                List<DashboardQueue.Delta> deltas = queue.pending(flow.id(), flow.wave(), BATCH);
                if (deltas.isEmpty() && latest.seq() > 0) {
                    return consumed;
                }
                DashboardFolds.Fold next = next(flow, latest, deltas);
                if (next.changes().isEmpty() && latest.seq() > 0) {
                    queue.remove(next.consumed());
                    consumed += deltas.size();
                } else if (folds.commit(next)) {
                    complete(next);
                    consumed += deltas.size();
                } else {
                    attempt++;
                    pause(attempt);
                }
            }
            log.warn("dashboard of {}: gave up folding after {} lost races; the next fetch folds the rest", key, MAX_ATTEMPTS);
            return consumed;
        } finally {
            lock.unlock();
        }
    }

    // A wave's first fold counts what was there before the counters existed: one scan of the wave, once, whose
    // deltas are idempotent so two first folders queue the same ones.
    private void seed(Flow flow) {
        for (InvitationSummary invitation : invitations.list(flow.id())) {
            if (invitation.kind() == Invitation.Kind.INVITED && flow.wave().equals(invitation.wave())) {
                queue.seed(flow.id(), flow.wave(), invitation.responseId());
            }
        }
        progress.forEachId(flow, ref -> queue.seed(flow.id(), flow.wave(), ref));
    }

    private DashboardFolds.Fold next(Flow flow, DashboardFolds.Fold latest, List<DashboardQueue.Delta> deltas) {
        Set<String> refs = new LinkedHashSet<>();
        deltas.forEach(d -> refs.add(d.ref()));
        Map<DashboardKey, Long> counters = new HashMap<>(latest.counters());
        Map<String, DashboardFolds.Change> changes = new LinkedHashMap<>();
        for (String ref : refs) {
            DashboardFolds.Counted before = folds.counted(latest.wave(), ref);
            Set<DashboardKey> now = DashboardTally.contribution(flow,
                    invitations.summary(ref).filter(i -> flow.id().equals(i.survey()) && flow.wave().equals(i.wave())).orElse(null),
                    progress.find(flow, ref).orElse(null));
            if (!before.keys().equals(now)) {
                before.keys().forEach(k -> counters.merge(k, -1L, Long::sum));
                now.forEach(k -> counters.merge(k, 1L, Long::sum));
                changes.put(ref, new DashboardFolds.Change(before.position() + 1, now));
            }
        }
        counters.values().removeIf(v -> v == 0);
        List<String> consumed = new ArrayList<>(deltas.stream().map(DashboardQueue.Delta::id).distinct().toList());
        return new DashboardFolds.Fold(latest.wave(), latest.seq() + 1, java.util.UUID.randomUUID().toString(), counters,
                changes, consumed);
    }

    // Redone by every folder for a fold it did not see completed (its committer may have died halfway), but only
    // once per instance: redoing the last fold on every fetch would cost up to a whole batch each time.
    private void complete(DashboardFolds.Fold fold) {
        if (fold.seq() == 0 || fold.nonce().equals(completed.get(fold.wave()))) {
            return;
        }
        folds.complete(fold);
        queue.remove(fold.consumed());
        completed.put(fold.wave(), fold.nonce());
    }

    private static String key(Flow flow) {
        return flow.id() + "/" + flow.wave();
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(Math.min(50, attempt * 2L) + (long) (Math.random() * 10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while folding the dashboard", e);
        }
    }
}
