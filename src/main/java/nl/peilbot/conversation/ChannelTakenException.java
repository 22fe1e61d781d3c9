package nl.peilbot.conversation;

/** An invitation that another user of the same channel (another Telegram account) has opened already. */
public class ChannelTakenException extends RuntimeException {

    public ChannelTakenException(String message) {
        super(message);
    }
}
