package nl.peilbot.outbox;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/** A handler that records every try and answers as the test tells it (sent by default). */
final class RecordingHandler implements OutboxHandler {

    final List<String> tried = new CopyOnWriteArrayList<>();
    final List<String> sent = new CopyOnWriteArrayList<>();
    final Map<String, AtomicInteger> tries = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> runningPerKey = new ConcurrentHashMap<>();
    final Map<String, Integer> mostRunningPerKey = new ConcurrentHashMap<>();
    private final String kind;
    volatile BiFunction<OutboxMessage, Integer, Delivery> behaviour = (message, attempt) -> Delivery.sent();
    volatile Duration timeout = Duration.ofSeconds(30);
    volatile int maxAttempts = 10;
    volatile Duration initialBackoff = Duration.ofSeconds(4);

    RecordingHandler(String kind) {
        this.kind = kind;
    }

    @Override
    public String kind() {
        return kind;
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        String key = String.valueOf(message.key());
        int running = runningPerKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
        mostRunningPerKey.merge(key, running, Math::max);
        try {
            tried.add(message.id());
            int attempt = tries.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet();
            Delivery result = behaviour.apply(message, attempt);
            if (result instanceof Delivery.Sent) {
                sent.add(message.id());
            }
            return result;
        } finally {
            runningPerKey.get(key).decrementAndGet();
        }
    }

    int triesOf(String id) {
        AtomicInteger count = tries.get(id);
        return count == null ? 0 : count.get();
    }

    @Override
    public Duration timeout() {
        return timeout;
    }

    @Override
    public int maxAttempts() {
        return maxAttempts;
    }

    @Override
    public Duration initialBackoff() {
        return initialBackoff;
    }
}
