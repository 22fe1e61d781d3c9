package nl.peilbot.conversation;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;

/**
 * The conversation module as channels see it: {@link StorageFailures} (the service) with every turn counted by outcome
 * ({@code peilbot.turns}, {@code outcome=error} for a turn that threw), timed ({@code peilbot.turn.latency}) and
 * the turns that complete a response counted ({@code peilbot.completions}, including later edits of a completed
 * response). No tag holds an id, a text or a survey answer.
 */
@Primary
@Component("conversations")
class MeteredConversations implements Conversations {

    private final Conversations conversations;
    private final MeterRegistry registry;
    private final Counter completions;

    MeteredConversations(StorageFailures conversations, MeterRegistry registry) {
        this.conversations = conversations;
        this.registry = registry;
        this.completions = Counter.builder("peilbot.completions")
                .description("Applied turns that leave a response completed").register(registry);
    }

    @Override
    public Session open(Access access, String channel) {
        return conversations.open(access, channel);
    }

    @Override
    public Session open(Access access, String channel, String channelUserId) {
        return conversations.open(access, channel, channelUserId);
    }

    @Override
    public Optional<Session> resume(String channel, String channelUserId) {
        return conversations.resume(channel, channelUserId);
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel) {
        return measured(channel, () -> conversations.handle(responseId, clientMessageId, input, channel));
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep) {
        return measured(channel, () -> conversations.handle(responseId, clientMessageId, input, channel, expectedStep));
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep,
                        String expectedAsk) {
        return measured(channel, () -> conversations.handle(responseId, clientMessageId, input, channel, expectedStep,
                expectedAsk));
    }

    @Override
    public Optional<String> channelUser(String channel, String responseId) {
        return conversations.channelUser(channel, responseId);
    }

    @Override
    public List<Outbound> current(String responseId) {
        return conversations.current(responseId);
    }

    private Reply measured(String channel, java.util.function.Supplier<Reply> turn) {
        Timer.Sample sample = Timer.start(registry);
        String outcome = "error";
        try {
            Reply reply = turn.get();
            outcome = reply.outcome().name().toLowerCase(Locale.ROOT);
            if (reply.outcome() == Reply.Outcome.APPLIED && reply.completed()) {
                completions.increment();
            }
            return reply;
        } finally {
            String channelTag = "telegram".equals(channel) ? "telegram" : "web";
            sample.stop(Timer.builder("peilbot.turn.latency").description("Time to handle one inbound message")
                    .tag("channel", channelTag).tag("outcome", outcome).publishPercentileHistogram().register(registry));
            registry.counter("peilbot.turns", "channel", channelTag, "outcome", outcome).increment();
        }
    }
}
