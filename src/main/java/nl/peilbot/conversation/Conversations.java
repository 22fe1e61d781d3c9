package nl.peilbot.conversation;

import nl.peilbot.engine.Inbound;

/**
 * The conversation module's entry point for channels.
 */
public interface Conversations {

    /** Opens (creates or resumes) the conversation the access leads to; throws {@link UnknownAccessException}. */
    Session open(Access access, String channel);

    /**
     * Applies one inbound message to a response.
     *
     * @param clientMessageId unique per message from the client; a repeated id is applied once
     * @param channel         {@code web} or {@code telegram}, recorded on the response
     */
    Reply handle(String responseId, String clientMessageId, Inbound input, String channel);
}
