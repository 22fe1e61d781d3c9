package nl.peilbot.console;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.peilbot.conversation.Wave;
import nl.peilbot.invitation.Invitations;

/**
 * A wave's dashboard from its maintained counters (the cost of a fetch does not grow with the wave), and the
 * respondents table, one row per invitee, which does and is therefore a separate, paged request.
 */
@Component
class DashboardService {

    static final int MAX_PAGE_SIZE = 200;

    /** One page of the respondents table. */
    record RespondentsPage(int page, int size, int total, List<Dashboard.Respondent> rows) {
    }

    private final Invitations invitations;
    private final ProgressReader progress;
    private final ReminderStore reminders;
    private final DashboardCounters counters;
    private final Clock clock;

    DashboardService(Invitations invitations, ProgressReader progress, ReminderStore reminders,
                     DashboardCounters counters, Clock clock) {
        this.invitations = invitations;
        this.progress = progress;
        this.reminders = reminders;
        this.counters = counters;
        this.clock = clock;
    }

    Dashboard dashboard(Wave wave) {
        return DashboardTally.dashboard(wave, counters.counters(wave), clock.instant());
    }

    /** Reads every invitation and response of the wave: on an organiser's request only, never on a live refresh. */
    RespondentsPage respondents(Wave wave, int page, int size) {
        int pageSize = Math.max(1, Math.min(MAX_PAGE_SIZE, size));
        int pageNumber = Math.max(0, page);
        Map<String, Integer> sent = new HashMap<>();
        reminders.sent(wave.survey()).forEach((ref, s) -> sent.put(ref, s.count()));
        List<Dashboard.Respondent> all = DashboardCalculator.calculate(wave, invitations.list(wave.survey()),
                progress.read(wave.flow()), sent, clock.instant()).respondents();
        int from = (int) Math.min(all.size(), (long) pageNumber * pageSize);
        return new RespondentsPage(pageNumber, pageSize, all.size(), all.subList(from, Math.min(all.size(), from + pageSize)));
    }
}
