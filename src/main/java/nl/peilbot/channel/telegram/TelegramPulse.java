package nl.peilbot.channel.telegram;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * What this instance last heard from the Bot API: when a {@code getUpdates} poll and a send last succeeded, and
 * whether polling fails now. The poller and the sender report here as they go, so reading it ({@link TelegramHealth})
 * costs no call to Telegram. Kept in memory on purpose: it describes this instance's connection, not a conversation.
 */
final class TelegramPulse {

    private final Clock clock;
    private final Instant started;
    private volatile Instant lastPoll;
    private volatile Instant lastSend;
    private volatile String pollError;

    TelegramPulse(Clock clock) {
        this.clock = clock;
        this.started = clock.instant();
    }

    /** A {@code getUpdates} call (or the {@code deleteWebhook} polling needs first) succeeded. */
    void polled() {
        lastPoll = clock.instant();
        pollError = null;
    }

    /** A {@code getUpdates} call (or the {@code deleteWebhook} before it) failed, for this reason (no token in it). */
    void pollFailed(String why) {
        pollError = why;
    }

    /** A message of the outbox reached Telegram. */
    void sent() {
        lastSend = clock.instant();
    }

    Optional<Duration> sinceLastPoll() {
        return since(lastPoll);
    }

    Optional<Duration> sinceLastSend() {
        return since(lastSend);
    }

    /** Why the latest poll failed; empty while polling works (or has not been tried yet). */
    Optional<String> pollError() {
        return Optional.ofNullable(pollError);
    }

    /**
     * How long polling has been failing: since the last successful poll (or the start, when none succeeded yet), if
     * the latest attempt failed; zero while it works. A long poll in progress does not count as failing.
     */
    Duration pollingFailingFor() {
        if (pollError == null) {
            return Duration.ZERO;
        }
        Instant lastGood = lastPoll == null ? started : lastPoll;
        return Duration.between(lastGood, clock.instant());
    }

    private Optional<Duration> since(Instant moment) {
        return moment == null ? Optional.empty() : Optional.of(Duration.between(moment, clock.instant()));
    }
}
