package nl.peilbot.console;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;

import nl.peilbot.conversation.Wave;
import nl.peilbot.invitation.Invitations;

/** Gathers what a wave's dashboard is computed from. */
@Component
class DashboardService {

    private final Invitations invitations;
    private final ProgressReader progress;
    private final ReminderStore reminders;
    private final Clock clock;

    DashboardService(Invitations invitations, ProgressReader progress, ReminderStore reminders, Clock clock) {
        this.invitations = invitations;
        this.progress = progress;
        this.reminders = reminders;
        this.clock = clock;
    }

    Dashboard dashboard(Wave wave) {
        Map<String, Integer> sent = new HashMap<>();
        reminders.sent(wave.survey()).forEach((ref, s) -> sent.put(ref, s.count()));
        return DashboardCalculator.calculate(wave, invitations.list(wave.survey()), progress.read(wave.flow()), sent,
                clock.instant());
    }
}
