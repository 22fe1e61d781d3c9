package nl.peilbot.report;

import nl.peilbot.console.ReminderMessenger;

/**
 * A deliberate boundary violation, imported only by {@code BoundaryViolationsTests}: the report using a module it
 * does not declare (the console's public API).
 */
class ReportUsingConsoleViolation {

    Object use(ReminderMessenger messenger) {
        return messenger;
    }
}
