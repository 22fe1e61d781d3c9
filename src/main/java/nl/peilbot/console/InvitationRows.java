package nl.peilbot.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import nl.peilbot.csv.SpreadsheetCsv;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.invitation.InvitationDraft;
import nl.peilbot.invitation.InvitationSummary;
import nl.peilbot.invitation.Invitations;
import nl.peilbot.invitation.Invitee;

/**
 * Checks invitations an organiser entered (a form or the rows of a CSV) against the survey's flow and the
 * invitations made already, and reports every problem with its line; only rows without problems become drafts.
 */
final class InvitationRows {

    static final ZoneId ZONE = ZoneId.of("Europe/Amsterdam");

    /** The most invitations one import takes (README, docs/console.md). */
    static final int MAX_ROWS = 10_000;

    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>\"]+@[^@\\s,;<>\"]+\\.[A-Za-z]{2,}");
    private static final Pattern TELEGRAM = Pattern.compile("@?[A-Za-z][A-Za-z0-9_]{4,31}");
    private static final String PROFILE = "profile:";
    private static final String NAME = "name";
    private static final String EMAIL_COLUMN = "email";
    private static final String TELEGRAM_COLUMN = "telegram";
    private static final String VALID_FROM = "validFrom";
    private static final String VALID_UNTIL = "validUntil";

    private static final Map<String, String> INVITEE_COLUMNS = inviteeColumns();

    /**
     * One row as entered; blank parts are null.
     *
     * @param profile values by profile field id, as typed (a text, or an option's code or label)
     */
    record Row(int line, Map<String, String> profile, String name, String email, String telegram, String validFrom,
               String validUntil) {

        Row {
            profile = profile == null ? Map.of() : new LinkedHashMap<>(profile);
        }
    }

    /** A problem with a row: a code the console shows in words, and the value concerned. */
    record Problem(int line, String code, String value) {
    }

    record Checked(List<InvitationDraft> drafts, List<Problem> problems) {
    }

    private final Flow flow;
    private final ProfileFields fields;
    private final Map<String, Integer> seen = new HashMap<>();

    InvitationRows(Flow flow, List<InvitationSummary> existing) {
        this.flow = flow;
        this.fields = new ProfileFields(flow);
        for (InvitationSummary invitation : existing) {
            if (invitation.revokedAt() == null) {
                keys(invitation.invitee(), invitation.profile(), flow).forEach(key -> seen.put(key, 0));
            }
        }
    }

    /**
     * The rows of a CSV upload, header first; a header problem is reported on line 1. A header names a profile
     * field by its id or, for the unit and the dimensions, by their label in any language; or an invitee column
     * (name, email, telegram, validFrom, validUntil, in English or Dutch); case, accents and punctuation ignored.
     */
    static Optional<List<Row>> fromCsv(Flow flow, List<SpreadsheetCsv.Line> lines, List<Problem> problems) {
        if (lines.isEmpty()) {
            problems.add(new Problem(1, "empty_file", null));
            return Optional.empty();
        }
        Map<String, String> known = columns(flow);
        List<String> columns = new ArrayList<>();
        for (String header : lines.get(0).fields()) {
            String column = known.get(ProfileFields.normalised(header));
            if (column == null && !header.isBlank()) {
                problems.add(new Problem(1, "unknown_column", header.strip()));
            }
            columns.add(column);
        }
        flow.unitField().filter(unit -> !columns.contains(PROFILE + unit.id()))
                .ifPresent(unit -> problems.add(new Problem(1, "missing_unit_column", unit.id())));
        if (lines.size() - 1 > MAX_ROWS) {
            problems.add(new Problem(1, "too_many_rows", String.valueOf(MAX_ROWS)));
        }
        if (!problems.isEmpty()) {
            return Optional.empty();
        }
        List<Row> rows = new ArrayList<>();
        for (SpreadsheetCsv.Line line : lines.subList(1, lines.size())) {
            if (line.fields().size() > columns.size()) {
                problems.add(new Problem((int) line.number(), "too_many_fields", String.valueOf(line.fields().size())));
                continue;
            }
            Map<String, String> values = new HashMap<>();
            for (int i = 0; i < line.fields().size(); i++) {
                if (columns.get(i) != null) {
                    values.put(columns.get(i), blankToNull(line.fields().get(i)));
                }
            }
            Map<String, String> profile = new LinkedHashMap<>();
            values.forEach((column, value) -> {
                if (column.startsWith(PROFILE) && value != null) {
                    profile.put(column.substring(PROFILE.length()), value);
                }
            });
            rows.add(new Row((int) line.number(), profile, values.get(NAME), values.get(EMAIL_COLUMN),
                    values.get(TELEGRAM_COLUMN), values.get(VALID_FROM), values.get(VALID_UNTIL)));
        }
        if (rows.isEmpty()) {
            problems.add(new Problem(1, "no_rows", null));
        }
        return Optional.of(rows);
    }

    Checked check(List<Row> rows) {
        List<InvitationDraft> drafts = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Row row : rows) {
            int before = problems.size();
            InvitationDraft draft = draft(row, problems);
            if (problems.size() == before) {
                drafts.add(draft);
            }
        }
        return new Checked(drafts, problems);
    }

    private InvitationDraft draft(Row row, List<Problem> problems) {
        int line = row.line();
        Map<String, String> profile = new LinkedHashMap<>();
        fields.unitField().filter(unit -> row.profile().get(unit.id()) == null)
                .ifPresent(unit -> problems.add(new Problem(line, "missing_unit", unit.id())));
        row.profile().keySet().stream().filter(id -> !flow.isProfileField(id)).sorted()
                .forEach(id -> problems.add(new Problem(line, "unknown_field", id)));
        for (Question field : flow.profile()) {
            String value = row.profile().get(field.id());
            if (value == null) {
                continue;
            }
            if (field.options().isEmpty()) {
                if (value.length() > Invitations.MAX_PROFILE_TEXT) {
                    problems.add(new Problem(line, "too_long", String.valueOf(Invitations.MAX_PROFILE_TEXT)));
                } else {
                    profile.put(field.id(), value);
                }
            } else {
                ProfileFields.option(field, value).ifPresentOrElse(code -> profile.put(field.id(), code),
                        () -> problems.add(new Problem(line, "unknown_option", field.id() + ": " + value)));
            }
        }
        String email = row.email();
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new Problem(line, "malformed_email", email));
        }
        String telegram = row.telegram();
        if (telegram != null && !TELEGRAM.matcher(telegram).matches()) {
            problems.add(new Problem(line, "malformed_telegram", telegram));
        }
        telegram = telegram == null ? null : telegram.replaceFirst("^@", "");
        Instant validFrom = date(row.validFrom(), 0, line, problems);
        Instant validUntil = date(row.validUntil(), 1, line, problems);
        if (validFrom != null && validUntil != null && !validFrom.isBefore(validUntil)) {
            problems.add(new Problem(line, "invalid_window", row.validFrom() + " – " + row.validUntil()));
        }
        Invitee invitee = new Invitee(row.name(), email == null ? null : email.toLowerCase(Locale.ROOT), telegram);
        for (String key : keys(invitee, profile, flow)) {
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                problems.add(new Problem(line, earlier == 0 ? "already_invited" : "duplicate",
                        earlier == 0 ? key.substring(key.indexOf(':') + 1) : String.valueOf(earlier)));
                break;
            }
        }
        return new InvitationDraft(profile, invitee, validFrom, validUntil);
    }


    /** A day as yyyy-mm-dd in Dutch time: the start of it, or with {@code plusDays} 1 the end of it. */
    private static Instant date(String value, int plusDays, int line, List<Problem> problems) {
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value).plusDays(plusDays).atStartOfDay(ZONE).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(new Problem(line, "malformed_date", value));
            return null;
        }
    }

    /** What makes two invitations the same person: the email, the Telegram username, or name and profile. */
    private static List<String> keys(Invitee invitee, Map<String, String> profile, Flow flow) {
        List<String> keys = new ArrayList<>();
        if (invitee.email() != null) {
            keys.add("email:" + invitee.email().toLowerCase(Locale.ROOT));
        }
        if (invitee.telegram() != null) {
            keys.add("telegram:@" + invitee.telegram().toLowerCase(Locale.ROOT));
        }
        if (invitee.name() != null) {
            StringBuilder person = new StringBuilder("person:" + invitee.name().strip().toLowerCase(Locale.ROOT));
            flow.profile().forEach(field -> person.append(", ")
                    .append(profile.getOrDefault(field.id(), "").toLowerCase(Locale.ROOT)));
            keys.add(person.toString());
        }
        return keys;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** Column names (normalised) to what they fill: {@code profile:<field id>} or an invitee column. */
    private static Map<String, String> columns(Flow flow) {
        Map<String, String> columns = new HashMap<>(INVITEE_COLUMNS);
        flow.profile().forEach(field -> columns.put(ProfileFields.normalised(field.id()), PROFILE + field.id()));
        flow.analysis().unitOfAnalysis().ifPresent(unit -> unit.label().byLanguage().values()
                .forEach(label -> columns.put(ProfileFields.normalised(label), PROFILE + unit.field())));
        flow.analysis().dimensions().forEach(dimension -> dimension.label().byLanguage().values()
                .forEach(label -> columns.put(ProfileFields.normalised(label), PROFILE + dimension.field())));
        return columns;
    }

    /** The invitee's own columns, the same for every survey, in English and Dutch. */
    private static Map<String, String> inviteeColumns() {
        Map<String, String> columns = new HashMap<>();
        List.of("name", "naam").forEach(name -> columns.put(name, NAME));
        List.of("email", "mail", "emailadres").forEach(name -> columns.put(name, EMAIL_COLUMN));
        List.of("telegram", "telegramusername", "telegramgebruikersnaam").forEach(name -> columns.put(name, TELEGRAM_COLUMN));
        List.of("validfrom", "geldigvanaf").forEach(name -> columns.put(name, VALID_FROM));
        List.of("validuntil", "geldigtot").forEach(name -> columns.put(name, VALID_UNTIL));
        return columns;
    }
}
