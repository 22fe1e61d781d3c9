package nl.peilbot.conversation;

/** A token that matches no invitation, or an open link for a survey that does not exist. */
public class UnknownAccessException extends RuntimeException {

    public UnknownAccessException(String message) {
        super(message);
    }
}
