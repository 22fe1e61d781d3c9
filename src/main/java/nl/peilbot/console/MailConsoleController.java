package nl.peilbot.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import nl.peilbot.conversation.Wave;
import nl.peilbot.conversation.Waves;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.mail.MailKind;
import nl.peilbot.mail.MailStatus;
import nl.peilbot.mail.Mailings;
import nl.peilbot.mail.Sender;

/**
 * A wave's e-mail: send the invitation to some invitees or to everyone not yet invited by mail, where each
 * invitee's mails stand (refused ones with the reason), who declined, the wave's sender, and a preview.
 */
@RestController
@RequestMapping("/console/api/waves/{survey}/mail")
class MailConsoleController {

    private final Waves waves;
    private final Invitations invitations;
    private final Mailings mailings;
    private final ProgressBroadcaster broadcaster;

    MailConsoleController(Waves waves, Invitations invitations, Mailings mailings, ProgressBroadcaster broadcaster) {
        this.waves = waves;
        this.invitations = invitations;
        this.mailings = mailings;
        this.broadcaster = broadcaster;
    }

    /** @param refs the invitees to send to; ignored when {@code notYetInvited} */
    record Send(List<String> refs, Boolean notYetInvited) {

        boolean everyoneNotYetInvited() {
            return Boolean.TRUE.equals(notYetInvited);
        }
    }

    /** @param skipped asked for, but without an address, declined, revoked, or mailed already */
    record Queued(List<String> queued, List<String> skipped) {
    }

    record Overview(boolean enabled, Sender sender, Map<String, List<MailStatus>> mails, Set<String> declined) {
    }

    @GetMapping
    Overview overview(@PathVariable String survey) {
        ConsoleWaves.wave(waves, survey);
        return new Overview(mailings.enabled(), mailings.sender(survey), mailings.statuses(survey),
                mailings.declined(survey));
    }

    @PostMapping("/invitations")
    ResponseEntity<?> send(@PathVariable String survey, @RequestBody Send send) {
        ConsoleWaves.wave(waves, survey);
        if (!mailings.enabled()) {
            return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", "mail_off"));
        }
        Set<String> declined = mailings.declined(survey);
        Map<String, List<MailStatus>> statuses = mailings.statuses(survey);
        Set<String> asked = send.everyoneNotYetInvited() ? null : Set.copyOf(send.refs() == null ? List.of() : send.refs());
        List<String> eligible = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (InvitationSummary invitation : invitations.list(survey)) {
            String ref = invitation.responseId();
            if (invitation.kind() != Invitation.Kind.INVITED || (asked != null && !asked.contains(ref))) {
                continue;
            }
            boolean mailable = invitation.revokedAt() == null && invitation.invitee().email() != null
                    && !declined.contains(ref);
            boolean invitedByMail = statuses.getOrDefault(ref, List.of()).stream()
                    .anyMatch(status -> status.kind() == MailKind.INVITATION);
            if (!mailable || (send.everyoneNotYetInvited() && invitedByMail)) {
                if (asked != null) {
                    skipped.add(ref);
                }
                continue;
            }
            eligible.add(ref);
        }
        List<String> queued = mailings.invite(survey, eligible);
        eligible.stream().filter(ref -> !queued.contains(ref)).forEach(skipped::add);
        broadcaster.changed(survey);
        return ResponseEntity.accepted().body(new Queued(queued, skipped));
    }

    @PutMapping("/sender")
    ResponseEntity<Sender> sender(@PathVariable String survey, @RequestBody Sender sender) {
        ConsoleWaves.wave(waves, survey);
        if (sender.replyTo() != null && !sender.replyTo().matches("[^@\\s<>\",]+@[^@\\s<>\",]+")) {
            return ResponseEntity.badRequest().build();
        }
        mailings.sender(survey, sender);
        return ResponseEntity.ok(mailings.sender(survey));
    }

    @GetMapping("/preview")
    ResponseEntity<?> preview(@PathVariable String survey, @RequestParam(defaultValue = "invitation") String kind) {
        Wave wave = ConsoleWaves.wave(waves, survey);
        MailKind mailKind;
        try {
            mailKind = MailKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.badRequest().body(Map.of("error", "unknown_kind"));
        }
        try {
            return ResponseEntity.ok(mailings.preview(wave.flow(), mailKind, null));
        } catch (IllegalArgumentException e) {
            return ResponseEntity.unprocessableContent().body(Map.of("error", "template", "detail", e.getMessage()));
        }
    }
}
