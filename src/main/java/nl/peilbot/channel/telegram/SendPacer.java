package nl.peilbot.channel.telegram;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/**
 * Telegram's limits within this instance, as reservations: each call asks when it may start and thereby takes
 * that moment. At most one call per chat per {@code perChatInterval}, calls over all chats at least
 * {@code 1 s / perSecond} apart, and nothing while a 429's {@code retry_after} runs. Thread-safe; a call that
 * waits for its moment holds no lock, so a slow call to one chat delays no other chat.
 */
final class SendPacer {

    private static final int FORGET_ABOVE = 10_000;

    private final long perChatNanos;
    private final long spacingNanos;
    private final Map<Long, Long> chatNext = new HashMap<>();
    private long globalNext = Long.MIN_VALUE;
    private long pausedUntil = Long.MIN_VALUE;

    SendPacer(Duration perChatInterval, int perSecond) {
        this.perChatNanos = perChatInterval.toNanos();
        this.spacingNanos = Duration.ofSeconds(1).toNanos() / Math.max(1, perSecond);
    }

    /** Takes the first moment, at or after {@code now}, at which a call to the chat may start, and returns it. */
    synchronized long reserve(long chat, long now) {
        long start = Math.max(Math.max(now, pausedUntil), Math.max(globalNext, chatNext.getOrDefault(chat, Long.MIN_VALUE)));
        chatNext.put(chat, start + perChatNanos);
        globalNext = start + spacingNanos;
        if (chatNext.size() > FORGET_ABOVE) {
            chatNext.values().removeIf(next -> next <= now);
        }
        return start;
    }

    /** Nothing starts before {@code until}: Telegram answered 429 with a {@code retry_after}. */
    synchronized void pauseUntil(long until) {
        pausedUntil = Math.max(pausedUntil, until);
    }
}
