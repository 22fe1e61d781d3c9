package nl.peilbot.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.outbox.Outbox;

/**
 * The mail module's entry point: queues invitations and reminders by e-mail, says where each invitee's mails stand
 * and who declined, keeps a wave's sender, and previews a survey's mails.
 *
 * <p>A mail is identified by (invitation, kind, number): the number of an invitation counts the attempts (a new
 * one only after the last was refused or its outcome is unknown), that of a reminder is the reminder's number. The
 * outbox message's id is derived from it, so two organisers queueing the same mail at once queue it once.
 */
public final class Mailings {

    private final Outbox outbox;
    private final MailLog mails;
    private final Declines declines;
    private final MailSettings settings;
    private final MailTemplates templates;
    private final MailLinks links;
    private final MailProperties properties;
    private final Clock clock;

    Mailings(Outbox outbox, MailLog mails, Declines declines, MailSettings settings, MailTemplates templates,
             MailLinks links, MailProperties properties, Clock clock) {
        this.outbox = outbox;
        this.mails = mails;
        this.declines = declines;
        this.settings = settings;
        this.templates = templates;
        this.links = links;
        this.properties = properties;
        this.clock = clock;
    }

    /** Whether an SMTP server is configured; without one the console hands out links instead. */
    public boolean enabled() {
        return properties.enabled();
    }

    /**
     * Queues the invitation mail of each reference: a first one, or a new attempt when the last one was refused or
     * its outcome is unknown; nothing for a reference whose invitation mail is queued or sent.
     *
     * @return the references queued now
     */
    public List<String> invite(String survey, List<String> refs) {
        Map<String, MailStatus> latest = latest(survey, MailKind.INVITATION);
        List<String> queued = new ArrayList<>();
        for (String ref : refs) {
            MailStatus last = latest.get(ref);
            if (last != null && !last.undelivered()) {
                continue;
            }
            if (enqueue(survey, ref, MailKind.INVITATION, last == null ? 1 : last.number() + 1)) {
                queued.add(ref);
            }
        }
        return queued;
    }

    /** Queues reminder number {@code number} of the reference; false when it was queued before. */
    public boolean remind(String survey, String ref, int number) {
        return enqueue(survey, ref, MailKind.REMINDER, number);
    }

    /** The latest mail of each kind per reference, of a survey. */
    public Map<String, List<MailStatus>> statuses(String survey) {
        Map<String, MailStatus> latest = new HashMap<>();
        for (MailStatus status : mails.ofSurvey(survey)) {
            latest.merge(status.ref() + ":" + status.kind(), status,
                    (a, b) -> a.number() >= b.number() ? a : b);
        }
        Map<String, List<MailStatus>> byRef = new HashMap<>();
        latest.values().stream().sorted(Comparator.comparing(MailStatus::kind))
                .forEach(status -> byRef.computeIfAbsent(status.ref(), ref -> new ArrayList<>()).add(status));
        return byRef;
    }

    /** The references of a survey whose invitees said they will not take part. */
    public Set<String> declined(String survey) {
        return declines.ofSurvey(survey);
    }

    public Sender sender(String survey) {
        return settings.of(survey);
    }

    public void sender(String survey, Sender sender) {
        settings.save(survey, sender);
    }

    /**
     * A survey's mail of this kind for a sample invitee (the flow's first options, a made-up name), rendered as it
     * would be sent.
     *
     * @throws IllegalArgumentException when a template is missing or does not render, with the file's name
     */
    public Preview preview(Flow flow, MailKind kind, Instant deadline) {
        Map<String, String> profile = new HashMap<>();
        for (Question field : flow.profile()) {
            profile.put(field.id(), field.options().stream().findFirst().map(AnswerOption::code)
                    .orElse(field.text().in(flow.defaultLanguage())));
        }
        String token = "voorbeeld-token";
        try {
            MailTemplates.Rendered rendered = templates.render(flow, kind, new MailTemplates.Values("An de Vries", profile,
                    links.web(flow.id(), token), links.telegram(token), deadline, settings.of(flow.id()).name(),
                    links.base() + "/mail/decline?d=voorbeeld"));
            return new Preview(rendered.subject(), rendered.text(), rendered.html());
        } catch (MailTemplates.TemplateException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /** A rendered mail: its subject, plain text and HTML body. */
    public record Preview(String subject, String text, String html) {
    }

    private boolean enqueue(String survey, String ref, MailKind kind, int number) {
        // The outbox first: a crash before the log entry leaves a message whose try writes the entry itself.
        boolean queued = outbox.enqueue(MailHandler.message(survey, ref, kind, number));
        mails.queued(survey, ref, kind, number, clock.instant());
        return queued;
    }

    private Map<String, MailStatus> latest(String survey, MailKind kind) {
        Map<String, MailStatus> latest = new HashMap<>();
        for (MailStatus status : mails.ofSurvey(survey)) {
            if (status.kind() == kind) {
                latest.merge(status.ref(), status, (a, b) -> a.number() >= b.number() ? a : b);
            }
        }
        return latest;
    }
}
