package nl.peilbot.channel.web;

/**
 * A client frame that cannot be used.
 *
 * @see FrameParser
 */
final class FrameException extends RuntimeException {

    private final ChatError error;
    private final String messageId;

    FrameException(ChatError error, String messageId, String detail) {
        super(detail, null, false, false);
        this.error = error;
        this.messageId = messageId;
    }

    ChatError error() {
        return error;
    }

    /** The client message id, when the frame had one, so the client can stop re-sending it. */
    String messageId() {
        return messageId;
    }
}
