package nl.peilbot.report;

/**
 * A mistake in a template (an error: the report is not published with it) or a doubt about it (a warning, such
 * as a typed number the data does not give), with the template line it is on.
 */
record Problem(int line, boolean error, String message) {

    static Problem error(int line, String message) {
        return new Problem(line, true, message);
    }

    static Problem warning(int line, String message) {
        return new Problem(line, false, message);
    }
}
