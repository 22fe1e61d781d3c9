package nl.peilbot.outbox;

/**
 * Queues messages for delivery by the {@link OutboxHandler} of their kind.
 *
 * <p>Enqueueing is idempotent by {@link OutboxMessage#id()}: callers derive the id from what caused the message
 * (a Telegram update id, a response id and version), so a repeated cause after a crash or a redelivery queues
 * nothing new. A message is stored before this method returns; it survives a kill -9 from then on.
 */
public interface Outbox {

    /**
     * Stores the message for delivery.
     *
     * @return false when a message with this id was queued before (whether or not it was sent since): nothing new
     *         is stored
     */
    boolean enqueue(OutboxMessage message);

    /** Backlog and give-ups, for organisers and health checks. */
    OutboxStats stats();
}
