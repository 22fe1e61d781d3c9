package nl.peilbot.invitation;

/**
 * Who an invitation is for, as the organisers know them: kept with the invitation only, never with the response,
 * in analysts' exports or in logs. Every part may be null.
 *
 * @param telegram a Telegram username without the leading {@code @}
 */
public record Invitee(String name, String email, String telegram) {

    public static final Invitee NONE = new Invitee(null, null, null);
}
