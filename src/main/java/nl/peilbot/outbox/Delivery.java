package nl.peilbot.outbox;

import java.time.Duration;

/** How one delivery attempt ended. */
public sealed interface Delivery {

    /** Delivered: the message leaves the outbox. */
    record Sent() implements Delivery {
    }

    /** Not delivered now (network error, 5xx, 429); tried again after {@code after} or the worker's back-off. */
    record RetryLater(Duration after, String reason) implements Delivery {
    }

    /** Never deliverable (a 4xx other than 408/429, an invalid address): counted and shown, never retried. */
    record GiveUp(String reason) implements Delivery {
    }

    static Delivery sent() {
        return new Sent();
    }

    static Delivery retry(String reason) {
        return new RetryLater(null, reason);
    }

    static Delivery retryAfter(Duration after, String reason) {
        return new RetryLater(after, reason);
    }

    static Delivery giveUp(String reason) {
        return new GiveUp(reason);
    }
}
