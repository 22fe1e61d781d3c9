package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.telegram.telegrambots.meta.api.methods.send.SendMessage;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageReplyMarkup;
import org.telegram.telegrambots.meta.api.methods.updatingmessages.EditMessageText;
import org.telegram.telegrambots.meta.api.objects.message.Message;
import org.telegram.telegrambots.meta.exceptions.TelegramApiException;
import org.telegram.telegrambots.meta.exceptions.TelegramApiRequestException;
import org.telegram.telegrambots.meta.generics.TelegramClient;

/**
 * Sends messages to Telegram from one worker thread, within Telegram's limits: at most one message per chat per
 * {@code perChatInterval} and {@code perSecond} messages in any second. Each chat's messages go out in the order
 * given; a chat waiting for its turn does not hold up the others.
 *
 * <p>An HTTP 429 pauses all sending for its {@code retry_after} and the same message is tried again, so nothing
 * is dropped or reordered. A timeout or outage is retried with a growing pause; a message Telegram refuses
 * outright (HTTP 400, e.g. an edit of a message that is gone) is dropped, as no retry could fix it.
 */
final class OutboundQueue implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(OutboundQueue.class);
    private static final long SECOND = Duration.ofSeconds(1).toNanos();
    private static final int MAX_FAILURES = 6;

    private final TelegramClient telegram;
    private final Ticker ticker;
    private final long perChatNanos;
    private final int perSecond;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<Long, Deque<Outgoing>> pending = new LinkedHashMap<>();
    private final Map<Long, Long> chatReadyAt = new HashMap<>();
    private final Deque<Long> sentInLastSecond = new ArrayDeque<>();
    private final Map<Long, Integer> lastKeyboard = new HashMap<>();
    private final Thread worker;
    private long pausedUntil = Long.MIN_VALUE;
    private int failures;
    private boolean busy;
    private volatile boolean running = true;

    OutboundQueue(TelegramClient telegram, Ticker ticker, Duration perChatInterval, int perSecond) {
        this.telegram = telegram;
        this.ticker = ticker;
        this.perChatNanos = perChatInterval.toNanos();
        this.perSecond = perSecond;
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

    @Override
    public void close() {
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

    /** Sends the next message that may go now, or waits until one may. */
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
            long readyAt = Math.max(Math.max(chatReadyAt.getOrDefault(chat, Long.MIN_VALUE), pausedUntil), globalReadyAt());
            if (readyAt > now) {
                long wait = readyAt - now;
                lock.unlock();
                try {
                    ticker.sleep(Duration.ofNanos(Math.min(wait, SECOND)));
                } finally {
                    lock.lock();
                }
                return;
            }
            next = pending.get(chat).peekFirst();
            if (target(next) == null) {
                finish(chat);
                return;
            }
            busy = true;
        } finally {
            lock.unlock();
        }
        boolean done = send(next);
        lock.lock();
        try {
            busy = false;
            long now = ticker.nanoTime();
            chatReadyAt.put(chat, now + perChatNanos);
            if (done) {
                finish(chat);
            }
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

    /** The message a keyboard edit is for; null when there is none to edit (a no-op, not sent). */
    private Integer target(Outgoing message) {
        if (!(message instanceof Outgoing.Keyboard keyboard)) {
            return 0;
        }
        return keyboard.messageId() != null ? keyboard.messageId() : lastKeyboard.get(keyboard.chatId());
    }

    /** The chat whose next message may go first. */
    private long readiestChat() {
        long best = 0;
        long bestReady = Long.MAX_VALUE;
        for (Long chat : pending.keySet()) {
            long ready = chatReadyAt.getOrDefault(chat, Long.MIN_VALUE);
            if (ready < bestReady) {
                best = chat;
                bestReady = ready;
            }
        }
        return best;
    }

    private long globalReadyAt() {
        long now = ticker.nanoTime();
        while (!sentInLastSecond.isEmpty() && sentInLastSecond.peekFirst() <= now - SECOND) {
            sentInLastSecond.pollFirst();
        }
        return sentInLastSecond.size() < perSecond ? Long.MIN_VALUE : sentInLastSecond.peekFirst() + SECOND;
    }

    /** Whether the message is finished with: sent, or dropped for good. */
    private boolean send(Outgoing message) throws InterruptedException {
        lock.lock();
        try {
            sentInLastSecond.addLast(ticker.nanoTime());
        } finally {
            lock.unlock();
        }
        try {
            execute(message);
            failures = 0;
            return true;
        } catch (TelegramApiRequestException e) {
            Integer retryAfter = e.getParameters() == null ? null : e.getParameters().getRetryAfter();
            if (e.getErrorCode() != null && e.getErrorCode() == 429) {
                pause(Duration.ofSeconds(retryAfter == null ? 1 : Math.max(1, retryAfter)));
                return false;
            }
            if (e.getErrorCode() != null && e.getErrorCode() >= 400 && e.getErrorCode() < 500) {
                log.warn("Telegram refused a {} ({} {}); dropped", kind(message), e.getErrorCode(), e.getApiResponse());
                if (message instanceof Outgoing.Keyboard keyboard && keyboard.keyboard() == null) {
                    lastKeyboard.remove(keyboard.chatId(), target(keyboard));
                } else if (message instanceof Outgoing.Answered answered) {
                    lastKeyboard.remove(answered.chatId(), answered.messageId());
                }
                return true;
            }
            return failed(message, "error " + e.getErrorCode());
        } catch (TelegramApiException e) {
            return failed(message, e.getCause() == null ? e.getClass().getName() : e.getCause().getClass().getName());
        }
    }

    private boolean failed(Outgoing message, String why) {
        failures++;
        if (failures >= MAX_FAILURES) {
            log.error("Telegram unreachable ({}) for {} tries; a {} was dropped", why, failures, kind(message));
            failures = 0;
            return true;
        }
        pause(Duration.ofMillis(500L << failures));
        return false;
    }

    private void pause(Duration duration) {
        lock.lock();
        try {
            pausedUntil = Math.max(pausedUntil, ticker.nanoTime() + duration.toNanos());
        } finally {
            lock.unlock();
        }
    }

    private void execute(Outgoing message) throws TelegramApiException {
        if (message instanceof Outgoing.Text text) {
            Message sent = telegram.execute(SendMessage.builder().chatId(text.chatId()).text(text.text())
                    .replyMarkup(text.keyboard()).build());
            if (text.keyboard() != null && sent != null) {
                lastKeyboard.put(text.chatId(), sent.getMessageId());
            }
            return;
        }
        if (message instanceof Outgoing.Answered answered) {
            telegram.execute(EditMessageText.builder().chatId(answered.chatId()).messageId(answered.messageId())
                    .text(answered.text()).build());
            lastKeyboard.remove(answered.chatId(), answered.messageId());
            return;
        }
        Outgoing.Keyboard keyboard = (Outgoing.Keyboard) message;
        Integer messageId = target(keyboard);
        telegram.execute(EditMessageReplyMarkup.builder().chatId(keyboard.chatId()).messageId(messageId)
                .replyMarkup(keyboard.keyboard()).build());
        if (keyboard.keyboard() == null) {
            lastKeyboard.remove(keyboard.chatId(), messageId);
        }
    }

    private static String kind(Outgoing message) {
        return message instanceof Outgoing.Text ? "message" : "message edit";
    }
}
