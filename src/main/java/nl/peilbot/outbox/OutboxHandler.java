package nl.peilbot.outbox;

/**
 * Delivers the messages of one kind; a Spring bean of each kind is picked up by the outbox worker.
 *
 * <p>A delivery may be attempted more than once (after a crash between sending and recording it), so handlers
 * de-duplicate on the receiving side's terms where they can (Telegram: edit the message sent before).
 * A handler must return within its own time-out and never throws for an expected failure.
 */
public interface OutboxHandler {

    /** The {@link OutboxMessage#kind()} this handler delivers. */
    String kind();

    /** Tries to deliver once. */
    Delivery deliver(OutboxMessage message);
}
