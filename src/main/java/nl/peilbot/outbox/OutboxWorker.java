package nl.peilbot.outbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

import nl.peilbot.outbox.OutboxStore.Queued;
import nl.peilbot.outbox.OutboxStore.Stored;

/**
 * Delivers the backlog: reads it (when woken by an enqueue, at the next due retry, and every poll interval),
 * keeps one lane per key so a key's messages go one at a time in enqueue order while other keys go in parallel,
 * claims each try atomically by inserting its claim document, calls the handler with a time-out, and records
 * the outcome by {@code _id}.
 *
 * <p>A try whose outcome is not recorded (kill -9, a stopped database, a stall) keeps its claim until it expires;
 * then any instance tries again: delivery is at least once, and only such tries can be repeated.
 *
 * <p>Timing (the poll interval, due retries) is on the application's {@link TaskScheduler}, which only hands the
 * read to the worker's pool. Reads and tries run on a pool of {@code peilbot.outbox.parallelism} threads of the
 * worker's own, and handler calls on threads of their own: a try blocks for as long as a handler may take (an SMTP
 * or Bot API call, up to its time-out), so on the application's shared executor a backlog would hold all its
 * threads, and tries waiting for calls queued behind them would time out.
 */
final class OutboxWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxWorker.class);

    private enum Outcome {
        /** Done with the message (sent or given up): the lane's next message may go. */
        NEXT,
        /** Not now (claimed elsewhere, retry later, stale plan, an error): the lane waits for the next read. */
        PAUSE
    }

    private final OutboxStore store;
    private final Supplier<List<OutboxHandler>> handlerSource;
    private final OutboxProperties settings;
    private final Clock clock;
    private final Backoff backoff;
    private final String owner = UUID.randomUUID().toString();
    private final TaskScheduler scheduler;
    private final ThreadPoolTaskExecutor tries = new ThreadPoolTaskExecutor();
    // A handler call runs on a thread of its own, so a call abandoned after its time-out holds no try slot.
    private final SimpleAsyncTaskExecutor calls = new SimpleAsyncTaskExecutor("outbox-call-");
    private final Set<String> kindsWithoutHandler = ConcurrentHashMap.newKeySet();
    private final AtomicLong reads = new AtomicLong();

    private volatile Map<String, OutboxHandler> handlers = Map.of();

    // guarded by this
    private final Map<String, Deque<Queued>> lanes = new LinkedHashMap<>();
    private final Map<String, String> busy = new HashMap<>();
    private boolean readQueued;
    private boolean running;
    private ScheduledFuture<?> polling;
    private ScheduledFuture<?> earlyRead;
    private Instant earlyReadAt;

    OutboxWorker(OutboxStore store, Supplier<List<OutboxHandler>> handlers, OutboxProperties settings, Clock clock,
                 Backoff backoff, TaskScheduler scheduler) {
        this.store = store;
        this.handlerSource = handlers;
        this.settings = settings;
        this.clock = clock;
        this.backoff = backoff;
        this.scheduler = scheduler;
        tries.setThreadNamePrefix("outbox-try-");
        tries.setCorePoolSize(settings.parallelism());
        tries.setMaxPoolSize(settings.parallelism());
        tries.setWaitForTasksToCompleteOnShutdown(true);
        tries.setAwaitTerminationMillis(settings.shutdownWait().toMillis());
        calls.setDaemon(true);
    }

    /** Reads the backlog soon; repeated calls before that read coalesce into it. */
    void wake() {
        synchronized (this) {
            if (!running || readQueued) {
                return;
            }
            readQueued = true;
        }
        try {
            tries.execute(this::read);
        } catch (TaskRejectedException stopping) {
            synchronized (this) {
                readQueued = false;
            }
        }
    }

    private void read() {
        synchronized (this) {
            readQueued = false;
        }
        List<Queued> backlog;
        try {
            backlog = store.pending();
        } catch (RuntimeException e) {
            log.warn("outbox: cannot read the backlog ({}); trying again in {}", e.getClass().getSimpleName(),
                    settings.pollInterval());
            return;
        }
        backlog.sort(Comparator.comparing(Queued::enqueuedAt).thenComparingLong(Queued::seq)
                .thenComparing(Queued::id));
        synchronized (this) {
            lanes.clear();
            for (Queued queued : backlog) {
                if (!queued.id().equals(busy.get(queued.lane()))) {
                    lanes.computeIfAbsent(queued.lane(), lane -> new ArrayDeque<>()).add(queued);
                }
            }
            dispatch();
        }
        reads.incrementAndGet();
    }

    // guarded by this
    private void dispatch() {
        Instant now = clock.instant();
        Instant earliest = null;
        Iterator<Map.Entry<String, Deque<Queued>>> entries = lanes.entrySet().iterator();
        while (entries.hasNext() && busy.size() < settings.parallelism()) {
            Map.Entry<String, Deque<Queued>> lane = entries.next();
            Queued head = lane.getValue().peekFirst();
            if (head == null) {
                entries.remove();
                continue;
            }
            if (busy.containsKey(lane.getKey())) {
                continue;
            }
            if (head.due().isAfter(now)) {
                earliest = earliest == null || head.due().isBefore(earliest) ? head.due() : earliest;
                continue;
            }
            OutboxHandler handler = handlers.get(head.kind());
            if (handler == null) {
                if (kindsWithoutHandler.add(head.kind())) {
                    log.warn("outbox: no handler for kind {}; its messages wait", head.kind());
                }
                continue;
            }
            lane.getValue().pollFirst();
            busy.put(lane.getKey(), head.id());
            try {
                tries.execute(() -> attempt(head, handler));
            } catch (TaskRejectedException stopping) {
                busy.remove(lane.getKey());
                return;
            }
        }
        if (earliest != null) {
            readAt(earliest);
        }
    }

    private void attempt(Queued queued, OutboxHandler handler) {
        Outcome outcome = Outcome.PAUSE;
        try {
            outcome = tryOnce(queued, handler);
        } catch (RuntimeException e) {
            log.warn("outbox message {}: the try was not recorded ({}); its claim will expire and it is tried again",
                    queued.id(), e.getClass().getSimpleName());
        } finally {
            synchronized (this) {
                busy.remove(queued.lane());
                if (outcome != Outcome.NEXT) {
                    lanes.remove(queued.lane());
                }
                if (running) {
                    dispatch();
                }
            }
        }
    }

    private Outcome tryOnce(Queued queued, OutboxHandler handler) {
        Instant now = clock.instant();
        Duration timeout = handler.timeout();
        int attempt = store.claim(queued.id(), queued.attempt(), owner, now,
                now.plus(timeout).plus(settings.claimMargin()));
        if (attempt < 0) {
            return Outcome.PAUSE;
        }
        try {
            Stored stored = store.find(queued.id());
            if (stored == null) {
                return Outcome.NEXT;
            }
            if (stored.attempt() > attempt || stored.due().isAfter(now)) {
                return Outcome.PAUSE;
            }
            if (store.done(queued.id())) {
                // enqueued again after it was sent: the enqueue removes it too, this only closes the gap
                store.delete(queued.id());
                return Outcome.NEXT;
            }
            Delivery result = call(handler, stored.message(), timeout);
            return record(stored, attempt, result, handler);
        } finally {
            release(queued.id(), attempt);
        }
    }

    private Delivery call(OutboxHandler handler, OutboxMessage message, Duration timeout) {
        Future<Delivery> future = calls.submit(() -> handler.deliver(message));
        try {
            Delivery result = future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return result == null ? Delivery.retry("the handler returned nothing") : result;
        } catch (TimeoutException e) {
            future.cancel(true);
            return Delivery.retry("timed out after " + timeout);
        } catch (ExecutionException e) {
            return Delivery.retry("the handler threw " + e.getCause().getClass().getSimpleName());
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        }
    }

    private Outcome record(Stored stored, int attempt, Delivery result, OutboxHandler handler) {
        Instant now = clock.instant();
        int triesSoFar = attempt + 1;
        String id = stored.message().id();
        if (result instanceof Delivery.Sent) {
            store.sent(stored, attempt, now);
            return Outcome.NEXT;
        }
        if (result instanceof Delivery.GiveUp giveUp) {
            giveUp(stored, triesSoFar, giveUp.reason(), now);
            return Outcome.NEXT;
        }
        Delivery.RetryLater retry = (Delivery.RetryLater) result;
        if (triesSoFar >= handler.maxAttempts()) {
            giveUp(stored, triesSoFar, "no success in " + triesSoFar + " tries, last: " + retry.reason(), now);
            return Outcome.NEXT;
        }
        if (Duration.between(stored.enqueuedAt(), now).compareTo(settings.maxAge()) > 0) {
            giveUp(stored, triesSoFar, "no success within " + settings.maxAge() + ", last: " + retry.reason(), now);
            return Outcome.NEXT;
        }
        Duration wait = retry.after() != null && !retry.after().isNegative() ? retry.after()
                : backoff.after(triesSoFar, handler.initialBackoff());
        Instant due = now.plus(wait);
        store.retryLater(id, triesSoFar, due, retry.reason(), now);
        log.debug("outbox message {} ({}) try {} failed ({}); next try in {}", id, stored.message().kind(),
                triesSoFar, retry.reason(), wait);
        synchronized (this) {
            readAt(due);
        }
        return Outcome.PAUSE;
    }

    private void giveUp(Stored stored, int triesSoFar, String reason, Instant now) {
        store.giveUp(stored, triesSoFar, reason, now);
        log.warn("outbox message {} ({}) given up after {} tries: {}", stored.message().id(),
                stored.message().kind(), triesSoFar, reason);
    }

    private void release(String id, int attempt) {
        try {
            store.release(id, attempt);
        } catch (RuntimeException e) {
            log.debug("outbox message {}: claim left to expire ({})", id, e.getClass().getSimpleName());
        }
    }

    // guarded by this
    private void readAt(Instant at) {
        if (!running || (earlyReadAt != null && !at.isBefore(earlyReadAt) && !earlyRead.isDone())) {
            return;
        }
        if (earlyRead != null) {
            earlyRead.cancel(false);
        }
        earlyReadAt = at;
        Duration delay = Duration.between(clock.instant(), at);
        try {
            earlyRead = scheduler.schedule(this::wake, Instant.now().plus(delay.isNegative() ? Duration.ZERO : delay));
        } catch (TaskRejectedException stopping) {
            earlyReadAt = null;
        }
    }

    @Override
    public void start() {
        Map<String, OutboxHandler> byKind = new HashMap<>();
        for (OutboxHandler handler : handlerSource.get()) {
            OutboxHandler other = byKind.putIfAbsent(handler.kind(), handler);
            if (other != null) {
                throw new IllegalStateException("two outbox handlers for kind " + handler.kind() + ": "
                        + other.getClass().getName() + " and " + handler.getClass().getName());
            }
        }
        handlers = Map.copyOf(byKind);
        tries.initialize();
        synchronized (this) {
            running = true;
            polling = scheduler.scheduleWithFixedDelay(this::wake, settings.pollInterval());
        }
        wake();
    }

    @Override
    public void stop() {
        synchronized (this) {
            running = false;
            lanes.clear();
            if (polling != null) {
                polling.cancel(false);
            }
            if (earlyRead != null) {
                earlyRead.cancel(false);
            }
        }
        tries.shutdown();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }

    /** Backlog reads finished (with their dispatch), for tests that wait for one. */
    long reads() {
        return reads.get();
    }

    /** Tries in flight on this instance, for tests. */
    synchronized int inFlight() {
        return busy.size();
    }
}
