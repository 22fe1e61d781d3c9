package nl.peilbot.console;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import nl.peilbot.conversation.Waves;

/** Whom a wave would remind now, and reminding them. */
@RestController
@RequestMapping("/console/api/waves/{survey}/reminders")
class ReminderController {

    private final Waves waves;
    private final Reminders reminders;
    private final ConsoleProperties properties;
    private final ProgressBroadcaster broadcaster;

    ReminderController(Waves waves, Reminders reminders, ConsoleProperties properties, ProgressBroadcaster broadcaster) {
        this.waves = waves;
        this.reminders = reminders;
        this.properties = properties;
        this.broadcaster = broadcaster;
    }

    record Selection(long intervalDays, int maxReminders, long stuckAfterDays, List<Reminders.Candidate> candidates) {
    }

    @GetMapping
    Selection candidates(@PathVariable String survey) {
        return new Selection(properties.reminderInterval().toDays(), properties.maxReminders(),
                properties.stuckAfter().toDays(), reminders.candidates(ConsoleWaves.wave(waves, survey)));
    }

    /** What {@link Reminders#send} did, with the e-mail reminders' links as a spreadsheet file's text ({@link LinksCsv}). */
    record SentJson(int byChat, int byMail, List<Reminders.EmailReminder> emails, String csv) {
    }

    @PostMapping
    SentJson send(@PathVariable String survey, Principal organiser) {
        Reminders.Sent sent = reminders.send(ConsoleWaves.wave(waves, survey), organiser.getName());
        broadcaster.changed(survey);
        return new SentJson(sent.byChat(), sent.byMail(), sent.emails(), LinksCsv.reminders(sent.emails()));
    }
}
