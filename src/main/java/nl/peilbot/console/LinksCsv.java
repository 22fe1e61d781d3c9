package nl.peilbot.console;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import nl.peilbot.csv.SpreadsheetCsv;

/**
 * The links an organiser downloads as a spreadsheet: those of invitations just created or re-issued, and the fresh
 * links of e-mail reminders. Built here, with {@link SpreadsheetCsv}'s formula guard, because the tokens exist
 * only in the response that made them; the page saves the text as it is.
 */
final class LinksCsv {

    private LinksCsv() {
    }

    static String invitations(List<InvitationConsoleController.LinkJson> links) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("name", "email", "telegram", "unit", "profile", "webLink", "telegramLink"));
        for (InvitationConsoleController.LinkJson link : links) {
            rows.add(Arrays.asList(link.name(), link.email(), link.telegram(), link.unit(), link.dimensions(),
                    link.webLink(), link.telegramLink()));
        }
        return SpreadsheetCsv.write(rows);
    }

    static String reminders(List<Reminders.EmailReminder> emails) {
        List<List<?>> rows = new ArrayList<>();
        rows.add(List.of("name", "email", "unit", "webLink", "telegramLink"));
        for (Reminders.EmailReminder email : emails) {
            rows.add(Arrays.asList(email.name(), email.email(), email.unit(), email.webLink(), email.telegramLink()));
        }
        return SpreadsheetCsv.write(rows);
    }
}
