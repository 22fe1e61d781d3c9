package nl.peilbot.conversation;

/**
 * The database could not be reached in time (no server selectable, connection refused or dropped). Whether the
 * message was stored is unknown: the client should send it again later with the same message id, which is
 * applied once.
 */
public class StorageUnavailableException extends RuntimeException {

    public StorageUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
