package nl.peilbot.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import nl.peilbot.csv.SpreadsheetCsv;
import nl.peilbot.conversation.Wave;
import nl.peilbot.conversation.Waves;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.IssuedInvitation;

/**
 * The console's invitations of a wave: list with status, create one, import a CSV (all rows or none), revoke and
 * re-issue. New links are in the answer once and nowhere else: the tokens are not stored.
 */
@RestController
@RequestMapping("/console/api/waves/{survey}/invitations")
class InvitationConsoleController {

    static final long MAX_UPLOAD_BYTES = 1024 * 1024;

    private final Waves waves;
    private final Invitations invitations;
    private final ProgressReader progress;
    private final Links links;
    private final ProgressBroadcaster broadcaster;
    private final DashboardCounters counters;

    InvitationConsoleController(Waves waves, Invitations invitations, ProgressReader progress, Links links,
                                ProgressBroadcaster broadcaster, DashboardCounters counters) {
        this.waves = waves;
        this.invitations = invitations;
        this.progress = progress;
        this.links = links;
        this.broadcaster = broadcaster;
        this.counters = counters;
    }

    record InvitationJson(String ref, String name, String email, String telegram, String hospital, String hospitalType,
                          String role, Instant validFrom, Instant validUntil, String status, Instant lastAnswerAt) {
    }

    record NewInvitation(String hospital, String hospitalType, String role, String name, String email, String telegram,
                         String validFrom, String validUntil) {
    }

    /** A link made now, shown once. */
    record LinkJson(String ref, String name, String email, String telegram, String hospital, String role, String webLink,
                    String telegramLink) {
    }

    record Created(List<LinkJson> created) {
    }

    record Rejected(List<InvitationRows.Problem> problems) {
    }

    @GetMapping
    List<InvitationJson> list(@PathVariable String survey) {
        Wave wave = ConsoleWaves.wave(waves, survey);
        Map<String, Progress> responses = progress.read(wave.flow());
        return invitations.list(survey).stream().filter(i -> i.kind() == Invitation.Kind.INVITED).map(i -> {
            Progress response = responses.get(i.responseId());
            return new InvitationJson(i.responseId(), i.invitee().name(), i.invitee().email(), i.invitee().telegram(),
                    i.profile().get("hospital"), i.profile().get("hospitalType"), i.profile().get("role"), i.validFrom(),
                    i.validUntil(), i.revokedAt() != null ? "revoked" : DashboardCalculator.status(response),
                    response == null ? null : response.updatedAt());
        }).toList();
    }

    @PostMapping
    ResponseEntity<?> create(@PathVariable String survey, @RequestBody NewInvitation invitation) {
        return create(ConsoleWaves.wave(waves, survey), List.of(new InvitationRows.Row(1, blank(invitation.hospital()),
                blank(invitation.hospitalType()), blank(invitation.role()), blank(invitation.name()),
                blank(invitation.email()), blank(invitation.telegram()), blank(invitation.validFrom()),
                blank(invitation.validUntil()))), new ArrayList<>());
    }

    @PostMapping(path = "/upload", consumes = "multipart/form-data")
    ResponseEntity<?> upload(@PathVariable String survey, @RequestParam("file") MultipartFile file) throws IOException {
        Wave wave = ConsoleWaves.wave(waves, survey);
        if (file.getSize() > MAX_UPLOAD_BYTES) {
            return ResponseEntity.badRequest().body(new Rejected(List.of(new InvitationRows.Problem(1, "file_too_large", null))));
        }
        List<SpreadsheetCsv.Line> lines;
        try {
            lines = SpreadsheetCsv.read(new String(file.getBytes(), StandardCharsets.UTF_8));
        } catch (SpreadsheetCsv.MalformedCsvException e) {
            return ResponseEntity.badRequest().body(new Rejected(List.of(
                    new InvitationRows.Problem((int) e.line(), "malformed_csv", null))));
        }
        List<InvitationRows.Problem> problems = new ArrayList<>();
        List<InvitationRows.Row> rows = InvitationRows.fromCsv(lines, problems).orElse(List.of());
        return create(wave, rows, problems);
    }

    @PostMapping("/{ref}/revoke")
    ResponseEntity<Void> revoke(@PathVariable String survey, @PathVariable String ref) {
        ofWave(survey, ref);
        invitations.revoke(ref);
        counters.changed(ConsoleWaves.wave(waves, survey), ref);
        broadcaster.changed(survey);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/{ref}/reissue")
    Created reissue(@PathVariable String survey, @PathVariable String ref) {
        ofWave(survey, ref);
        IssuedInvitation issued = invitations.reissue(ref)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.CONFLICT, "revoked invitations are not re-issued"));
        return new Created(List.of(link(survey, issued)));
    }

    private ResponseEntity<?> create(Wave wave, List<InvitationRows.Row> rows, List<InvitationRows.Problem> problems) {
        if (problems.isEmpty()) {
            InvitationRows.Checked checked = new InvitationRows(wave.flow(), invitations.list(wave.survey())).check(rows);
            problems.addAll(checked.problems());
            if (problems.isEmpty()) {
                List<IssuedInvitation> issued = invitations.createAll(wave.survey(), checked.drafts());
                List<LinkJson> created = issued.stream().map(invitation -> link(wave.survey(), invitation)).toList();
                broadcaster.changed(wave.survey());
                return ResponseEntity.status(HttpStatus.CREATED).body(new Created(created));
            }
        }
        return ResponseEntity.badRequest().body(new Rejected(problems));
    }

    private void ofWave(String survey, String ref) {
        ConsoleWaves.wave(waves, survey);
        InvitationSummary invitation = invitations.summary(ref)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation"));
        if (!invitation.survey().equals(survey)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such invitation");
        }
    }

    private LinkJson link(String survey, IssuedInvitation issued) {
        var draft = issued.draft();
        return new LinkJson(issued.responseId(), draft.invitee().name(), draft.invitee().email(), draft.invitee().telegram(),
                draft.profile().get("hospital"), draft.profile().get("role"), links.web(survey, issued.token()),
                links.telegram(issued.token()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
