package nl.peilbot.conversation;

import java.util.List;
import java.util.Optional;

import nl.peilbot.engine.Inbound;
import nl.peilbot.engine.Outbound;

/**
 * The conversation module's entry point for channels.
 */
public interface Conversations {

    /**
     * The {@code expectedStep} of a message sent once the conversation is completed, when no step is asked any more
     * (commands such as "my data" still work then); it conflicts while a step is asked.
     */
    String COMPLETED_STEP = "#completed";

    /** Opens (creates or resumes) the conversation the access leads to; throws {@link UnknownAccessException}. */
    Session open(Access access, String channel);

    /**
     * Opens the conversation the access leads to for a user of a chat channel, and binds the two: the
     * invitation to that user for good, the user's chat to the invitation's response (see {@link #resume}).
     *
     * @param channelUserId the user's id in the channel (a Telegram chat id); stored hashed, never with the response
     * @throws UnknownAccessException for a token that matches no invitation
     * @throws ChannelTakenException  when another user of the channel opened this invitation before
     */
    Session open(Access access, String channel, String channelUserId);

    /** The conversation a chat user opened last, if any. */
    Optional<Session> resume(String channel, String channelUserId);

    /**
     * Applies one inbound message to a response.
     *
     * @param clientMessageId unique per message from the client; a repeated id is applied once
     * @param channel         {@code web} or {@code telegram}, recorded on the response
     */
    Reply handle(String responseId, String clientMessageId, Inbound input, String channel);

    /**
     * Like {@link #handle(String, String, Inbound, String)}, but only while {@code expectedStep} is still the
     * step asked (a button of an earlier message): otherwise nothing is stored and the outcome is
     * {@link Reply.Outcome#CONFLICT}. A repeated message id is {@link Reply.Outcome#DUPLICATE} either way.
     */
    Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep);

    /**
     * Like {@link #handle(String, String, Inbound, String, String)}, but only while the step is still asked in the
     * same asking ({@link Outbound.Ask#askId()}): an answer composed for an earlier rendering of the same step
     * (before a back or change) is a {@link Reply.Outcome#CONFLICT} too. A null {@code expectedAsk} checks the step
     * only; once completed, only {@link #COMPLETED_STEP} passes.
     *
     * @throws StorageUnavailableException when the database cannot be reached; the outcome is then unknown
     */
    Reply handle(String responseId, String clientMessageId, Inbound input, String channel, String expectedStep,
                 String expectedAsk);

    /**
     * The user of a chat channel whose chat answers this response now (a Telegram chat id), for reminders sent
     * there; empty when no chat of that channel is bound to it.
     */
    Optional<String> channelUser(String channel, String responseId);

    /** What the respondent is asked now: the current step's messages; throws {@link UnknownAccessException}. */
    List<Outbound> current(String responseId);
}
