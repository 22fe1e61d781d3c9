package nl.peilbot.mail;

/**
 * Who a wave's mails come from, as invitees see it: a display name with the configured sender address, and the
 * address replies go to. Either may be null.
 */
public record Sender(String name, String replyTo) {

    public static final Sender NONE = new Sender(null, null);

    public Sender {
        name = name == null || name.isBlank() ? null : name.strip().replaceAll("\\R", " ");
        replyTo = replyTo == null || replyTo.isBlank() ? null : replyTo.strip();
    }
}
