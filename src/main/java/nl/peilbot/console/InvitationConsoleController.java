package nl.peilbot.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

import nl.peilbot.conversation.Wave;
import nl.peilbot.conversation.Waves;
import nl.peilbot.csv.SpreadsheetCsv;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.invitation.Invitation;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.IssuedInvitation;
import nl.peilbot.response.ResponseProgress;

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

    /**
     * An invitation as the console lists it.
     *
     * @param unit       the value of the flow's unit field (e.g. the hospital), or null
     * @param dimensions the labels of the dimensions' codes, e.g. "CIO, Academisch", or null
     * @param profile    every profile value by field id, as stored (codes for choice fields)
     */
    record InvitationJson(String ref, String name, String email, String telegram, String unit, String dimensions,
                          Map<String, String> profile, Instant validFrom, Instant validUntil, String status,
                          Instant lastAnswerAt) {
    }

    /** @param profile values by profile field id: a text, or an option's code or label */
    record NewInvitation(Map<String, String> profile, String name, String email, String telegram, String validFrom,
                         String validUntil) {
    }

    /** A link made now, shown once. */
    record LinkJson(String ref, String name, String email, String telegram, String unit, String dimensions, String webLink,
                    String telegramLink) {
    }

    /**
     * The profile fields the invitation form asks, from the flow.
     *
     * @param unit    whether the field names the unit of analysis (required)
     * @param options for a choice field its codes and labels, else empty
     */
    record FieldJson(String id, Map<String, String> label, boolean unit, List<OptionJson> options) {
    }

    record OptionJson(String code, Map<String, String> label) {
    }

    /** The survey's profile as the console's form and tables name it. */
    record ProfileJson(List<FieldJson> fields, Map<String, String> unit, Map<String, String> units) {
    }

    /** @param csv the same links as a spreadsheet file's text ({@link LinksCsv}) */
    record Created(List<LinkJson> created, String csv) {

        Created(List<LinkJson> created) {
            this(created, LinksCsv.invitations(created));
        }
    }

    record Rejected(List<InvitationRows.Problem> problems) {
    }

    @GetMapping
    List<InvitationJson> list(@PathVariable String survey) {
        Wave wave = ConsoleWaves.wave(waves, survey);
        ProfileFields fields = new ProfileFields(wave.flow());
        Map<String, ResponseProgress> responses = progress.read(wave.flow());
        return invitations.list(survey).stream().filter(i -> i.kind() == Invitation.Kind.INVITED).map(i -> {
            ResponseProgress response = responses.get(i.responseId());
            return new InvitationJson(i.responseId(), i.invitee().name(), i.invitee().email(), i.invitee().telegram(),
                    fields.unit(i.profile()), fields.dimensions(i.profile()), i.profile(), i.validFrom(),
                    i.validUntil(), i.revokedAt() != null ? "revoked" : DashboardCalculator.status(response),
                    response == null ? null : response.updatedAt());
        }).toList();
    }

    @GetMapping("/profile")
    ProfileJson profile(@PathVariable String survey) {
        Flow flow = ConsoleWaves.wave(waves, survey).flow();
        String unitField = flow.unitField().map(Question::id).orElse(null);
        List<FieldJson> fields = flow.profile().stream().map(field -> new FieldJson(field.id(),
                field.text().byLanguage(), field.id().equals(unitField), field.options().stream()
                .map(o -> new OptionJson(o.code(), o.label().byLanguage())).toList())).toList();
        return new ProfileJson(fields, flow.analysis().unitOfAnalysis().map(u -> u.label().byLanguage()).orElse(Map.of()),
                flow.analysis().unitOfAnalysis().map(u -> u.plural().byLanguage()).orElse(Map.of()));
    }

    @PostMapping
    ResponseEntity<?> create(@PathVariable String survey, @RequestBody NewInvitation invitation) {
        Map<String, String> profile = new LinkedHashMap<>();
        if (invitation.profile() != null) {
            invitation.profile().forEach((id, value) -> {
                if (blank(value) != null) {
                    profile.put(id, blank(value));
                }
            });
        }
        return create(ConsoleWaves.wave(waves, survey), List.of(new InvitationRows.Row(1, profile,
                blank(invitation.name()), blank(invitation.email()), blank(invitation.telegram()),
                blank(invitation.validFrom()), blank(invitation.validUntil()))), new ArrayList<>());
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
        List<InvitationRows.Row> rows = InvitationRows.fromCsv(wave.flow(), lines, problems).orElse(List.of());
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
        return new Created(List.of(link(ConsoleWaves.wave(waves, survey), issued)));
    }

    private ResponseEntity<?> create(Wave wave, List<InvitationRows.Row> rows, List<InvitationRows.Problem> problems) {
        if (problems.isEmpty()) {
            InvitationRows.Checked checked = new InvitationRows(wave.flow(), invitations.list(wave.survey())).check(rows);
            problems.addAll(checked.problems());
            if (problems.isEmpty()) {
                List<IssuedInvitation> issued = invitations.createAll(wave.survey(), checked.drafts());
                List<LinkJson> created = issued.stream().map(invitation -> link(wave, invitation)).toList();
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

    private LinkJson link(Wave wave, IssuedInvitation issued) {
        var draft = issued.draft();
        ProfileFields fields = new ProfileFields(wave.flow());
        return new LinkJson(issued.responseId(), draft.invitee().name(), draft.invitee().email(), draft.invitee().telegram(),
                fields.unit(draft.profile()), fields.dimensions(draft.profile()), links.web(wave.survey(), issued.token()),
                links.telegram(issued.token()));
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
