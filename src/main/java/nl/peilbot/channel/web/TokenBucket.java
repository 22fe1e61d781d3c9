package nl.peilbot.channel.web;

import java.util.function.LongSupplier;

/** One connection's allowance of frames: {@link ChatRateLimit#burst()} at once, refilled continuously. */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final ChatRateLimit limit;
    private final LongSupplier nanoTime;
    private double tokens;
    private long refilledAt;

    TokenBucket(ChatRateLimit limit, LongSupplier nanoTime) {
        this.limit = limit;
        this.nanoTime = nanoTime;
        this.tokens = limit.burst();
        this.refilledAt = nanoTime.getAsLong();
    }

    /** Takes one frame's token: 0 when it was there, else how many milliseconds until one will be. */
    synchronized long take() {
        long now = nanoTime.getAsLong();
        tokens = Math.min(limit.burst(), tokens + (now - refilledAt) / NANOS_PER_SECOND * limit.perSecond());
        refilledAt = now;
        if (tokens >= 1) {
            tokens -= 1;
            return 0;
        }
        return Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond() * 1000));
    }
}
