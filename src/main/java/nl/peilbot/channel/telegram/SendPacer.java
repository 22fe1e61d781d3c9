package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Telegram's limits as points in time: when a chat may get its next message, when any message may go given the
 * ones sent in the last second, and how long a 429 stops everything. Not thread-safe; the queue guards it.
 */
final class SendPacer {

    private static final long SECOND = Duration.ofSeconds(1).toNanos();

    private final long perChatNanos;
    private final int perSecond;
    private final Map<Long, Long> chatReadyAt = new HashMap<>();
    private final Deque<Long> sentInLastSecond = new ArrayDeque<>();
    private long pausedUntil = Long.MIN_VALUE;

    SendPacer(Duration perChatInterval, int perSecond) {
        this.perChatNanos = perChatInterval.toNanos();
        this.perSecond = perSecond;
    }

    /** When the chat's own interval allows its next message. */
    long chatReadyAt(long chat) {
        return chatReadyAt.getOrDefault(chat, Long.MIN_VALUE);
    }

    /** When a message to the chat may go, all limits considered. */
    long readyAt(long chat, long now) {
        while (!sentInLastSecond.isEmpty() && sentInLastSecond.peekFirst() <= now - SECOND) {
            sentInLastSecond.pollFirst();
        }
        long global = sentInLastSecond.size() < perSecond ? Long.MIN_VALUE : sentInLastSecond.peekFirst() + SECOND;
        return Math.max(Math.max(chatReadyAt(chat), pausedUntil), global);
    }

    /** A call to Telegram for the chat started at {@code startedAt} and ended at {@code endedAt}, whatever its result. */
    void called(long chat, long startedAt, long endedAt) {
        sentInLastSecond.addLast(startedAt);
        chatReadyAt.put(chat, endedAt + perChatNanos);
    }

    /** Nothing goes before {@code until}: after a 429, or while Telegram is unreachable. */
    void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }

    /** Forgets chats whose interval has passed and that have nothing waiting, so the map does not grow forever. */
    void forgetIdle(Set<Long> waiting, long now) {
        chatReadyAt.entrySet().removeIf(entry -> entry.getValue() <= now && !waiting.contains(entry.getKey()));
    }
}
