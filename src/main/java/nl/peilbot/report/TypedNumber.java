package nl.peilbot.report;

import java.util.List;

/**
 * A number typed by hand in a template's text (a percent or "N van de M"), not a placeholder, and what the data
 * nearby says about it.
 *
 * @param questions the questions of its paragraph whose figures it was compared with
 */
record TypedNumber(int line, String text, Verdict verdict, List<String> questions) {

    enum Verdict {
        /** The data gives this value for a figure of a nearby question. */
        MATCHES,
        /** The number is part of a nearby question's text or an option's label, e.g. "meer dan 30%". */
        LABEL,
        /** No nearby figure has this value: a warning. */
        NO_MATCH
    }
}
