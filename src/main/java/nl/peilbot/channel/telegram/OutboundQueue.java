package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends messages to Telegram from one worker thread, within Telegram's limits ({@link SendPacer}): at most one
 * message per chat per {@code perChatInterval} and {@code perSecond} messages in any second. Each chat's messages
 * go out in the order given; a chat waiting for its turn does not hold up the others.
 *
 * <p>An HTTP 429 pauses all sending for its {@code retry_after} and the same message is tried again, so nothing
 * is dropped or reordered. A timeout or outage is retried with a growing pause; a message Telegram refuses
 * outright (HTTP 400, e.g. an edit of a message that is gone) is dropped, as no retry could fix it.
 */
final class OutboundQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);

    private final OutgoingSender sender;
    private final Ticker ticker;
    private final SendPacer pacer;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Deque<Outgoing>> pending = new LinkedHashMap<>();
    private final Thread worker;
    private boolean busy;
    private volatile boolean running = true;

    OutboundQueue(OutgoingSender sender, Ticker ticker, SendPacer pacer) {
        this.sender = sender;
        this.ticker = ticker;
        this.pacer = pacer;
        this.worker = new Thread(this::work, "telegram-outbound");
        this.worker.setDaemon(true);
    }

    void start() {
        worker.start();
    }

    void enqueue(List<Outgoing> messages) {
        if (messages.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            messages.forEach(message -> pending.computeIfAbsent(message.chatId(), chat -> new ArrayDeque<>()).add(message));
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until everything enqueued was sent (or dropped); for tests and an orderly shutdown. */
    boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!pending.isEmpty() || busy) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                changed.awaitNanos(left);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Gives what is queued a few seconds to go out, then stops. */
    @Override
    public void close() {
        try {
            awaitIdle(CLOSE_TIMEOUT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        running = false;
        worker.interrupt();
    }

    private void work() {
        while (running) {
            try {
                step();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Telegram sender failed: {}", e.getClass().getName());
            }
        }
    }

    /** Sends the next message that may go now, or waits until one may (or another chat's message arrives). */
    private void step() throws InterruptedException {
        long chat;
        Outgoing next;
        lock.lock();
        try {
            while (pending.isEmpty()) {
                changed.await();
            }
            chat = readiestChat();
            long now = ticker.nanoTime();
            long readyAt = pacer.readyAt(chat, now);
            if (readyAt > now) {
                ticker.await(changed, Duration.ofNanos(readyAt - now));
                return;
            }
            next = pending.get(chat).peekFirst();
            if (sender.nothingToDo(next)) {
                finish(chat);
                return;
            }
            busy = true;
        } finally {
            lock.unlock();
        }
        long startedAt = ticker.nanoTime();
        OutgoingSender.Result result = sender.send(next);
        lock.lock();
        try {
            busy = false;
            long endedAt = ticker.nanoTime();
            pacer.called(chat, startedAt, endedAt);
            if (result instanceof OutgoingSender.Result.Retry retry) {
                pacer.pauseUntil(endedAt + retry.pause().toNanos());
            } else {
                finish(chat);
            }
            pacer.forgetIdle(pending.keySet(), endedAt);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void finish(long chat) {
        Deque<Outgoing> queue = pending.get(chat);
        queue.pollFirst();
        if (queue.isEmpty()) {
            pending.remove(chat);
        }
        changed.signalAll();
    }

    /** The chat whose own interval allows its next message first. */
    private long readiestChat() {
        long best = 0;
        long bestReady = Long.MAX_VALUE;
        for (Long chat : pending.keySet()) {
            long ready = pacer.chatReadyAt(chat);
            if (ready < bestReady) {
                best = chat;
                bestReady = ready;
            }
        }
        return best;
    }
}
