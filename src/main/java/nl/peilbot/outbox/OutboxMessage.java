package nl.peilbot.outbox;

import java.time.Instant;
import java.util.Map;

/**
 * One message to deliver.
 *
 * @param id       unique and derived from the cause, e.g. {@code telegram:<update id>:<n>}; the idempotency key
 * @param kind     selects the {@link OutboxHandler}, e.g. {@code telegram}, {@code webhook}, {@code email}
 * @param key      messages with the same key are delivered one at a time in the order they were enqueued
 *                 (a Telegram chat, a webhook endpoint); null for no ordering
 * @param payload  what the handler needs; plain values only (String, Number, Boolean, Instant, List, Map), since it
 *                 is stored as a document. Never log it: it may hold answers or chat ids
 * @param notBefore not sent before this instant; null for at once
 */
public record OutboxMessage(String id, String kind, String key, Map<String, Object> payload, Instant notBefore) {

    public OutboxMessage {
        if (id == null || id.isBlank() || kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("an outbox message needs an id and a kind");
        }
        payload = payload == null ? Map.of() : Map.copyOf(payload);
    }

    public static OutboxMessage of(String id, String kind, String key, Map<String, Object> payload) {
        return new OutboxMessage(id, kind, key, payload, null);
    }
}
