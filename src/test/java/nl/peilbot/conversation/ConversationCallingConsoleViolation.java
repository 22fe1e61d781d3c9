package nl.peilbot.conversation;

import nl.peilbot.console.ReminderMessenger;

/**
 * A deliberate boundary violation, imported only by {@code BoundaryViolationsTests}: the conversation calling the
 * console, which already depends on the conversation (a cycle).
 */
class ConversationCallingConsoleViolation {

    boolean remind(ReminderMessenger messenger) {
        return messenger.send("response", "text");
    }
}
