package nl.peilbot.outbox;

import java.util.Map;

/**
 * The outbox at one moment.
 *
 * @param pending        messages not yet delivered, per kind
 * @param givenUp        messages given up on (permanent failure or tries exhausted), per kind
 * @param oldestPendingSeconds age of the oldest pending message, 0 when none
 */
public record OutboxStats(Map<String, Long> pending, Map<String, Long> givenUp, long oldestPendingSeconds) {

    public OutboxStats {
        pending = Map.copyOf(pending);
        givenUp = Map.copyOf(givenUp);
    }

    public long pendingTotal() {
        return pending.values().stream().mapToLong(Long::longValue).sum();
    }

    public long givenUpTotal() {
        return givenUp.values().stream().mapToLong(Long::longValue).sum();
    }
}
