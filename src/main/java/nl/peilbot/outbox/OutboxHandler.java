package nl.peilbot.outbox;

import java.time.Duration;

/**
 * Delivers the messages of one kind; a Spring bean of each kind is picked up by the outbox worker.
 *
 * <p>A delivery may be attempted more than once (after a crash between sending and recording it), so handlers
 * de-duplicate on the receiving side's terms where they can (Telegram: edit the message sent before).
 * A handler must return within its own time-out and never throws for an expected failure; the worker abandons
 * (and interrupts) an attempt that runs longer than {@link #timeout()} and counts it as a failed try.
 */
public interface OutboxHandler {

    /** The {@link OutboxMessage#kind()} this handler delivers. */
    String kind();

    /** Tries to deliver once. */
    Delivery deliver(OutboxMessage message);

    /** The longest one try may take; the handler's own network time-outs should be shorter. */
    default Duration timeout() {
        return Duration.ofSeconds(30);
    }

    /** Tries in all, the first included, before a message that keeps failing is given up. */
    default int maxAttempts() {
        return 10;
    }

    /** The wait after the first failed try; each later wait doubles (with jitter), up to the outbox's maximum. */
    default Duration initialBackoff() {
        return Duration.ofSeconds(2);
    }
}
