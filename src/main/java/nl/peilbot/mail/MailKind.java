package nl.peilbot.mail;

import java.util.Locale;

/** What a mail is for; also the name of its template files ({@code invitation.nl.html}, {@code reminder.en.txt}). */
public enum MailKind {
    INVITATION,
    REMINDER;

    /** The name used in ids and template files. */
    public String stored() {
        return name().toLowerCase(Locale.ROOT);
    }

    static MailKind fromStored(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
