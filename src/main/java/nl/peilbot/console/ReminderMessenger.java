package nl.peilbot.console;

/**
 * A chat channel that can remind a respondent in the chat they are bound to; implemented by the Telegram channel,
 * which queues the message behind its rate limits. Without one, every reminder goes out as a link for email.
 */
public interface ReminderMessenger {

    /** The channel's name as recorded with each reminder, e.g. {@code telegram}. */
    String channel();

    /** Whether the response's invitation is bound to a chat of this channel. */
    boolean reaches(String responseId);

    /**
     * Queues {@code text} for the chat bound to the response.
     *
     * @return false when no chat is bound to it (nothing was sent)
     */
    boolean send(String responseId, String text);
}
