package nl.peilbot.console;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import nl.peilbot.conversation.Wave;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.IssuedInvitation;
import nl.peilbot.mail.Mailings;
import nl.peilbot.response.ResponseProgress;

/**
 * Chooses whom to remind and reminds them: in their chat when a chat channel reaches them, else by e-mail through
 * the mail module when an SMTP server is configured, else with a fresh link for a mail merge (only token hashes are
 * kept, so the old link cannot be given again; the new one replaces it and the same response goes on). Never within
 * the interval of the last reminder, never more than the maximum, never anyone who declined.
 */
@Component
class Reminders {

    static final String EMAIL = "email";

    private final Invitations invitations;
    private final ProgressReader progress;
    private final ReminderStore store;
    private final ConsoleProperties properties;
    private final ObjectProvider<ReminderMessenger> messengers;
    private final MessageSource texts;
    private final Links links;
    private final Mailings mailings;
    private final Clock clock;

    Reminders(Invitations invitations, ProgressReader progress, ReminderStore store, ConsoleProperties properties,
              ObjectProvider<ReminderMessenger> messengers, MessageSource texts, Links links, Mailings mailings,
              Clock clock) {
        this.invitations = invitations;
        this.progress = progress;
        this.store = store;
        this.properties = properties;
        this.messengers = messengers;
        this.texts = texts;
        this.links = links;
        this.mailings = mailings;
        this.clock = clock;
    }

    /**
     * @param reason  {@code not_started} or {@code stuck}
     * @param channel where the reminder would go: a chat channel's name, or {@code email}
     */
    record Candidate(String ref, String name, String email, String unit, String reason, String channel,
                     int remindersSent, Instant lastReminded) {
    }

    /** A link for an email reminder; the token is new. */
    record EmailReminder(String ref, String name, String email, String unit, String webLink, String telegramLink) {
    }

    /**
     * @param byMail reminders queued as e-mails (sent by the mail module); {@code emails} then holds only those
     *               without an SMTP server
     */
    record Sent(int byChat, int byMail, List<EmailReminder> emails) {
    }

    /** Who would be reminded now. */
    List<Candidate> candidates(Wave wave) {
        Instant now = clock.instant();
        Map<String, ResponseProgress> responses = progress.read(wave.flow());
        Map<String, ReminderStore.Sent> sent = store.sent(wave.survey());
        Optional<ReminderMessenger> messenger = Optional.ofNullable(messengers.getIfAvailable());
        Set<String> declined = mailings.declined(wave.survey());
        List<Candidate> candidates = new ArrayList<>();
        ProfileFields fields = new ProfileFields(wave.flow());
        for (InvitationSummary invitation : invitations.list(wave.survey())) {
            if (invitation.kind() != Invitation.Kind.INVITED || invitation.revokedAt() != null
                    || (invitation.validUntil() != null && !now.isBefore(invitation.validUntil()))
                    || declined.contains(invitation.responseId())) {
                continue;
            }
            ResponseProgress response = responses.get(invitation.responseId());
            String reason = reason(response, now);
            ReminderStore.Sent earlier = sent.getOrDefault(invitation.responseId(), new ReminderStore.Sent(0, null));
            if (reason == null || earlier.count() >= properties.maxReminders()
                    || (earlier.last() != null && earlier.last().plus(properties.reminderInterval()).isAfter(now))) {
                continue;
            }
            String channel = messenger.filter(m -> m.reaches(invitation.responseId())).map(ReminderMessenger::channel)
                    .orElse(EMAIL);
            candidates.add(new Candidate(invitation.responseId(), invitation.invitee().name(), invitation.invitee().email(),
                    fields.unit(invitation.profile()), reason, channel, earlier.count(), earlier.last()));
        }
        return candidates;
    }

    /** Reminds every candidate now and records each reminder. */
    Sent send(Wave wave, String by) {
        int byChat = 0;
        int byMail = 0;
        List<EmailReminder> emails = new ArrayList<>();
        ReminderMessenger messenger = messengers.getIfAvailable();
        String text = texts.getMessage("console.reminder.chat", new Object[] {wave.flow().title().in("nl")},
                Locale.forLanguageTag("nl"));
        for (Candidate candidate : candidates(wave)) {
            Instant now = clock.instant();
            int number = candidate.remindersSent() + 1;
            boolean byMessenger = messenger != null && !candidate.channel().equals(EMAIL);
            // Queued before it is recorded, under an id of (respondent, number): an organiser racing this one queues
            // the same mail, and a crash between the two loses nothing.
            if (!byMessenger && mailings.enabled()) {
                mailings.remind(wave.survey(), candidate.ref(), number);
            }
            if (!store.claim(wave.survey(), wave.wave(), candidate.ref(), number,
                    byMessenger ? messenger.channel() : EMAIL, now, by)) {
                continue;
            }
            if (byMessenger && messenger.send(candidate.ref(), text)) {
                byChat++;
                continue;
            }
            if (mailings.enabled()) {
                if (byMessenger) {
                    mailings.remind(wave.survey(), candidate.ref(), number);
                    store.sentBy(candidate.ref(), number, EMAIL);
                }
                byMail++;
                continue;
            }
            Optional<IssuedInvitation> issued = invitations.reissue(candidate.ref());
            if (issued.isPresent()) {
                String token = issued.get().token();
                emails.add(new EmailReminder(candidate.ref(), candidate.name(), candidate.email(), candidate.unit(),
                        links.web(wave.survey(), token), links.telegram(token)));
                if (byMessenger) {
                    store.sentBy(candidate.ref(), number, EMAIL);
                }
            } else {
                store.release(candidate.ref(), number);
            }
        }
        return new Sent(byChat, byMail, emails);
    }

    private String reason(ResponseProgress response, Instant now) {
        if (response == null) {
            return "not_started";
        }
        if (response.completed() || response.updatedAt() == null) {
            return null;
        }
        return response.updatedAt().plus(properties.stuckAfter()).isBefore(now) ? "stuck" : null;
    }
}
