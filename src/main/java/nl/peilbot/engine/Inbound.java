package nl.peilbot.engine;

/** One event from the respondent. */
public sealed interface Inbound {

    /** Anything typed. Commands typed as words ("terug", "/back") are recognised by the engine. */
    record Text(String text) implements Inbound {
    }

    /** A button pressed: one of the codes of the current prompt's buttons. */
    record Choice(String code) implements Inbound {
    }

    /** A command sent as such by a channel (a menu entry, a Telegram /command). */
    record Command(CommandName name, String argument) implements Inbound {
    }
}
