package nl.peilbot.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import nl.peilbot.flow.Flow;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.IssuedInvitation;
import nl.peilbot.invitation.Surveys;
import nl.peilbot.outbox.Delivery;
import nl.peilbot.outbox.OutboxHandler;
import nl.peilbot.outbox.OutboxMessage;

/**
 * Sends the outbox's e-mails, at most once each. The outbox claims every try by an insert, so one try at a time
 * holds a mail; before it talks to the SMTP server the try marks the mail {@code sending}, and after the server's
 * 250 {@code sent}. A later try that finds {@code sending} knows an earlier one died in between (kill -9, a stall
 * past its time-out) without knowing whether the server took the mail, and marks it {@code unknown} instead of
 * sending it again. The link's token is made at the moment of sending (a re-issue: the invitation's previous link
 * stops working, the response goes on), so it is in the mail and nowhere else.
 */
final class MailHandler implements OutboxHandler {

    static final String KIND = "email";
    private static final Logger log = LoggerFactory.getLogger(MailHandler.class);

    private final MailLog mails;
    private final Declines declines;
    private final MailSettings settings;
    private final MailTemplates templates;
    private final Invitations invitations;
    private final Surveys surveys;
    private final MailLinks links;
    private final JavaMailSenderImpl sender;
    private final MailProperties properties;
    private final MailPacer pacer;
    private final Clock clock;

    MailHandler(MailLog mails, Declines declines, MailSettings settings, MailTemplates templates, Invitations invitations,
                Surveys surveys, MailLinks links, JavaMailSenderImpl sender, MailProperties properties, Clock clock) {
        this.mails = mails;
        this.declines = declines;
        this.settings = settings;
        this.templates = templates;
        this.invitations = invitations;
        this.surveys = surveys;
        this.links = links;
        this.sender = sender;
        this.properties = properties;
        this.pacer = new MailPacer(properties.perSecond());
        this.clock = clock;
    }

    static OutboxMessage message(String survey, String ref, MailKind kind, int number) {
        return OutboxMessage.of("mail:" + MailLog.id(ref, kind, number), KIND, null,
                Map.of("survey", survey, "ref", ref, "kind", kind.stored(), "n", number));
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration timeout() {
        return Duration.ofSeconds(60);
    }

    @Override
    public int maxAttempts() {
        return 8;
    }

    @Override
    public Duration initialBackoff() {
        return Duration.ofSeconds(5);
    }

    @Override
    public Delivery deliver(OutboxMessage message) {
        String survey = (String) message.payload().get("survey");
        String ref = (String) message.payload().get("ref");
        MailKind kind = MailKind.fromStored((String) message.payload().get("kind"));
        int number = ((Number) message.payload().get("n")).intValue();
        MailStatus status = mails.find(ref, kind, number);
        String state = status == null ? "queued" : status.state();
        switch (state) {
            case "sent", "skipped" -> {
                return Delivery.sent();
            }
            case "sending" -> {
                mark(survey, ref, kind, number, "unknown", "the application stopped while handing the mail over");
                return Delivery.giveUp("outcome unknown: not sent again");
            }
            case "failed", "unknown" -> {
                return Delivery.giveUp(status.reason() == null ? state : status.reason());
            }
            default -> {
                // queued: go on
            }
        }
        if (!properties.enabled()) {
            return Delivery.retry("no SMTP server configured");
        }
        if (declines.declined(ref)) {
            mark(survey, ref, kind, number, "skipped", "declined");
            return Delivery.sent();
        }
        Optional<InvitationSummary> invitation = invitations.summary(ref);
        if (invitation.isEmpty() || invitation.get().revokedAt() != null) {
            return fail(survey, ref, kind, number, "invitation revoked or removed");
        }
        String address = invitation.get().invitee().email();
        if (address == null || address.isBlank()) {
            return fail(survey, ref, kind, number, "no e-mail address");
        }
        Optional<Flow> flow = surveys.current(survey);
        if (flow.isEmpty()) {
            return fail(survey, ref, kind, number, "unknown survey");
        }
        try {
            pacer.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Delivery.retry("interrupted");
        }
        // Everything that may fail without the SMTP server comes before "sending": only the hand-over itself is
        // in the window whose outcome a crash leaves unknown.
        Optional<IssuedInvitation> issued = invitations.reissue(ref);
        if (issued.isEmpty()) {
            return Delivery.retry("another new link was made at the same time");
        }
        MimeMessage mail;
        try {
            mail = compose(message.id(), flow.get(), kind, invitation.get(), address, issued.get().token(),
                    settings.of(survey));
            mail.saveChanges();
        } catch (MessagingException e) {
            return failed(survey, ref, kind, number, e);
        } catch (MailTemplates.TemplateException e) {
            mark(survey, ref, kind, number, "queued", e.getMessage());
            return Delivery.retry(e.getMessage());
        }
        mark(survey, ref, kind, number, "sending", null);
        try {
            sender.send(mail);
        } catch (MailException e) {
            return failed(survey, ref, kind, number, e);
        }
        mark(survey, ref, kind, number, "sent", null);
        return Delivery.sent();
    }

    private Delivery failed(String survey, String ref, MailKind kind, int number, Exception e) {
        String reason = SmtpOutcome.reason(e);
        return switch (SmtpOutcome.of(e)) {
            case REFUSED -> fail(survey, ref, kind, number, reason);
            case NOT_NOW -> {
                mark(survey, ref, kind, number, "queued", reason);
                yield Delivery.retry(reason);
            }
            case UNKNOWN -> {
                mark(survey, ref, kind, number, "unknown", reason);
                log.warn("mail {}: the SMTP server may have accepted it ({}); not sent again", MailLog.id(ref, kind, number),
                        reason);
                yield Delivery.giveUp("outcome unknown: " + reason);
            }
        };
    }

    private Delivery fail(String survey, String ref, MailKind kind, int number, String reason) {
        mark(survey, ref, kind, number, "failed", reason);
        return Delivery.giveUp(reason);
    }

    private void mark(String survey, String ref, MailKind kind, int number, String state, String reason) {
        mails.mark(survey, ref, kind, number, state, reason, clock.instant());
    }

    private MimeMessage compose(String id, Flow flow, MailKind kind, InvitationSummary invitation, String address,
                                String token, Sender from) throws MessagingException {
        String decline = links.base() + "/mail/decline?d=" + declines.token(invitation.responseId());
        MailTemplates.Rendered rendered = templates.render(flow, kind, new MailTemplates.Values(
                invitation.invitee().name(), invitation.profile(), links.web(flow.id(), token), links.telegram(token),
                invitation.validUntil(), from.name(), decline));
        InternetAddress fromAddress = new InternetAddress(properties.from(), true);
        String messageId = "<peilbot." + sha256(id) + "@" + fromAddress.getAddress().replaceFirst(".*@", "") + ">";
        MimeMessage mail = new MimeMessage(sender.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        MimeMessageHelper helper = new MimeMessageHelper(mail, true, StandardCharsets.UTF_8.name());
        InternetAddress to = new InternetAddress(address, true);
        helper.setTo(to);
        if (from.name() != null) {
            try {
                fromAddress = new InternetAddress(fromAddress.getAddress(), from.name(), StandardCharsets.UTF_8.name());
            } catch (UnsupportedEncodingException e) {
                throw new IllegalStateException("every Java runtime has UTF-8", e);
            }
        }
        helper.setFrom(fromAddress);
        if (from.replyTo() != null) {
            helper.setReplyTo(new InternetAddress(from.replyTo(), true));
        }
        helper.setSubject(rendered.subject());
        helper.setText(rendered.text(), rendered.html());
        mail.setHeader("List-Unsubscribe", "<" + decline + ">");
        mail.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        mail.setHeader("Auto-Submitted", "auto-generated");
        return mail;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
