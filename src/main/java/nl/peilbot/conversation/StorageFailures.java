package nl.peilbot.conversation;

import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;

import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;

/**
 * The {@link Conversations} that channels get: the service, with the driver's "cannot reach the database" failures
 * turned into one {@link StorageUnavailableException}, so that channels can answer "try again" without knowing
 * the driver. {@link MeteredConversations}, the primary bean, wraps it.
 */
@Component
final class StorageFailures implements Conversations {

    private final Conversations service;

    StorageFailures(ConversationService service) {
        this.service = service;
    }

    static <T> T translated(Supplier<T> call) {
        try {
            return call.get();
        } catch (MongoTimeoutException | MongoSocketException | MongoNotPrimaryException
                 | MongoNodeIsRecoveringException e) {
            throw new StorageUnavailableException("the database cannot be reached: " + e.getClass().getSimpleName(), e);
        }
    }

    @Override
    public Session open(Access access, String channel) {
        return translated(() -> service.open(access, channel));
    }

    @Override
    public Session open(Access access, String channel, String channelUserId) {
        return translated(() -> service.open(access, channel, channelUserId));
    }

    @Override
    public Optional<Session> resume(String channel, String channelUserId) {
        return translated(() -> service.resume(channel, channelUserId));
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel) {
        return translated(() -> service.handle(responseId, clientMessageId, input, channel));
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep) {
        return translated(() -> service.handle(responseId, clientMessageId, input, channel, expectedStep));
    }

    @Override
    public Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep,
                        String expectedAsk) {
        return translated(() -> service.handle(responseId, clientMessageId, input, channel, expectedStep, expectedAsk));
    }

    @Override
    public Optional<String> channelUser(String channel, String responseId) {
        return translated(() -> service.channelUser(channel, responseId));
    }

    @Override
    public List<Outbound> current(String responseId) {
        return translated(() -> service.current(responseId));
    }
}
