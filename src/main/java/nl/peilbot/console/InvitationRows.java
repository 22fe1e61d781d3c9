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
import nl.peilbot.flow.AnswerOption;
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
    private static final Map<String, String> COLUMNS = columns();

    /** One row as entered; blank parts are null. */
    record Row(int line, String hospital, String hospitalType, String role, String name, String email, String telegram,
               String validFrom, String validUntil) {
    }

    /** A problem with a row: a code the console shows in words, and the value concerned. */
    record Problem(int line, String code, String value) {
    }

    record Checked(List<InvitationDraft> drafts, List<Problem> problems) {
    }

    private final Flow flow;
    private final Map<String, Integer> seen = new HashMap<>();

    InvitationRows(Flow flow, List<InvitationSummary> existing) {
        this.flow = flow;
        for (InvitationSummary invitation : existing) {
            if (invitation.revokedAt() == null) {
                keys(invitation.invitee(), invitation.profile()).forEach(key -> seen.put(key, 0));
            }
        }
    }

    /** The rows of a CSV upload, header first; a header problem is reported on line 1. */
    static Optional<List<Row>> fromCsv(List<SpreadsheetCsv.Line> lines, List<Problem> problems) {
        if (lines.isEmpty()) {
            problems.add(new Problem(1, "empty_file", null));
            return Optional.empty();
        }
        List<String> columns = new ArrayList<>();
        for (String header : lines.get(0).fields()) {
            String column = COLUMNS.get(header.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s_-]", ""));
            if (column == null && !header.isBlank()) {
                problems.add(new Problem(1, "unknown_column", header.strip()));
            }
            columns.add(column);
        }
        if (!columns.contains("hospital")) {
            problems.add(new Problem(1, "missing_hospital_column", null));
        }
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
            rows.add(new Row((int) line.number(), values.get("hospital"), values.get("hospitalType"), values.get("role"),
                    values.get("name"), values.get("email"), values.get("telegram"), values.get("validFrom"),
                    values.get("validUntil")));
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
        if (row.hospital() == null) {
            problems.add(new Problem(line, "missing_hospital", null));
        } else if (row.hospital().length() > Invitations.MAX_PROFILE_TEXT) {
            problems.add(new Problem(line, "too_long", String.valueOf(Invitations.MAX_PROFILE_TEXT)));
        } else if (flow.isProfileField("hospital")) {
            profile.put("hospital", row.hospital());
        }
        choice("hospitalType", row.hospitalType(), "unknown_hospital_type", line, problems).ifPresent(code -> profile.put("hospitalType", code));
        choice("role", row.role(), "unknown_role", line, problems).ifPresent(code -> profile.put("role", code));
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
        for (String key : keys(invitee, profile)) {
            Integer earlier = seen.putIfAbsent(key, line);
            if (earlier != null) {
                problems.add(new Problem(line, earlier == 0 ? "already_invited" : "duplicate",
                        earlier == 0 ? key.substring(key.indexOf(':') + 1) : String.valueOf(earlier)));
                break;
            }
        }
        return new InvitationDraft(profile, invitee, validFrom, validUntil);
    }

    /** The option code {@code value} names (its code or a label in any language, ignoring case). */
    private Optional<String> choice(String fieldId, String value, String problem, int line, List<Problem> problems) {
        if (value == null) {
            return Optional.empty();
        }
        Optional<Question> field = flow.profile().stream().filter(q -> q.id().equals(fieldId)).findFirst();
        Optional<String> code = field.flatMap(q -> q.options().stream().filter(option -> names(option, value))
                .map(AnswerOption::code).findFirst());
        if (code.isEmpty()) {
            problems.add(new Problem(line, problem, value));
        }
        return code;
    }

    private static boolean names(AnswerOption option, String value) {
        return option.code().equalsIgnoreCase(value)
                || option.label().byLanguage().values().stream().anyMatch(label -> label.equalsIgnoreCase(value));
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

    /** What makes two invitations the same person: the email, the Telegram username, or hospital, role and name. */
    private static List<String> keys(Invitee invitee, Map<String, String> profile) {
        List<String> keys = new ArrayList<>();
        if (invitee.email() != null) {
            keys.add("email:" + invitee.email().toLowerCase(Locale.ROOT));
        }
        if (invitee.telegram() != null) {
            keys.add("telegram:@" + invitee.telegram().toLowerCase(Locale.ROOT));
        }
        if (invitee.name() != null) {
            keys.add("person:" + invitee.name().strip().toLowerCase(Locale.ROOT) + ", "
                    + profile.getOrDefault("hospital", "").toLowerCase(Locale.ROOT) + ", " + profile.getOrDefault("role", ""));
        }
        return keys;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Map<String, String> columns() {
        Map<String, String> columns = new HashMap<>();
        for (String name : List.of("hospital", "ziekenhuis")) {
            columns.put(name, "hospital");
        }
        for (String name : List.of("hospitaltype", "type", "ziekenhuistype", "soort")) {
            columns.put(name, "hospitalType");
        }
        for (String name : List.of("role", "rol", "functie")) {
            columns.put(name, "role");
        }
        for (String name : List.of("name", "naam")) {
            columns.put(name, "name");
        }
        for (String name : List.of("email", "mail", "emailadres")) {
            columns.put(name, "email");
        }
        for (String name : List.of("telegram", "telegramusername", "telegramgebruikersnaam")) {
            columns.put(name, "telegram");
        }
        for (String name : List.of("validfrom", "geldigvanaf")) {
            columns.put(name, "validFrom");
        }
        for (String name : List.of("validuntil", "geldigtot")) {
            columns.put(name, "validUntil");
        }
        return columns;
    }
}
