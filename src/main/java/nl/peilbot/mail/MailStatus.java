package nl.peilbot.mail;

import java.time.Instant;

/**
 * Where one mail to an invitee stands, as the console shows it.
 *
 * @param number the attempt of an invitation (a new one after a failure) or the number of a reminder
 * @param state  {@code queued}, {@code sending}, {@code sent}, {@code failed} (a permanent SMTP refusal or an
 *               address that cannot be mailed), {@code unknown} (the application stopped while the SMTP server was
 *               being handed the mail: it was not sent again) or {@code skipped} (the invitee declined first)
 * @param reason why it failed or waits, without the address or the token; null when sent
 */
public record MailStatus(String ref, MailKind kind, int number, String state, String reason, Instant at) {

    /** Final and not delivered: another attempt may be made. */
    public boolean undelivered() {
        return state.equals("failed") || state.equals("unknown");
    }
}
