package nl.peilbot.engine;

import java.util.regex.Pattern;

/**
 * The one place where inbound text is normalised before anything reads or stores it: control characters (C0 but
 * tab and newline, DEL, C1) and the bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 * U+2066–U+2069) are removed, so no stored answer can ring a bell, cut a string at a NUL or show its text
 * reversed in an organiser's table. A carriage return goes too, so "\r\n" becomes "\n".
 */
final class InboundText {

    private static final Pattern UNWANTED = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x9F\\u202A-\\u202E\\u2066-\\u2069]");

    private InboundText() {
    }

    /** {@code text} without the characters above; null stays null. */
    static String clean(String text) {
        return text == null ? null : UNWANTED.matcher(text).replaceAll("");
    }
}
