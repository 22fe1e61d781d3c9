package nl.peilbot.engine;

import java.util.List;
import java.util.regex.Pattern;

import nl.peilbot.flow.Field;

/**
 * Reads what one typed text means for an open-list entry. Every field of an entry but the last names something
 * ("Radiologie", "Spoedeisende hulp"); the last one describes it. A text fills a name field and the next field
 * at once only when it splits at its first colon into a plausible name and the rest: a colon inside a time
 * ("10:30"), a ratio or a link ("http://") is no separator, and a phrase, a time, a link or bare digits is no name.
 */
final class EntryText {

    static final int NAME_MAX_WORDS = 5;
    static final int NAME_MAX_LENGTH = 50;

    private static final Pattern LETTER = Pattern.compile("\\p{L}");
    private static final Pattern LINK = Pattern.compile("(?i)(//|\\bwww\\.|@)");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private EntryText() {
    }

    /** Whether {@code field} names something: an entry with several fields, and not its last field. */
    static boolean isName(List<Field> fields, Field field) {
        return fields.size() > 1 && !fields.get(fields.size() - 1).id().equals(field.id());
    }

    /** Whether {@code value} can be the value of a name field: a few words with a letter, no time, link or colon. */
    static boolean plausibleName(String value) {
        String name = value.strip();
        return !name.isEmpty() && name.length() <= NAME_MAX_LENGTH && SPACES.split(name).length <= NAME_MAX_WORDS
                && LETTER.matcher(name).find() && name.indexOf(':') < 0 && !LINK.matcher(name).find();
    }

    /** The index of the first colon when it separates a name from the rest, or -1. */
    static int separator(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return -1;
        }
        boolean digitBefore = colon > 0 && Character.isDigit(text.charAt(colon - 1));
        boolean digitAfter = colon + 1 < text.length() && Character.isDigit(text.charAt(colon + 1));
        if (digitBefore && digitAfter || text.startsWith("//", colon + 1)) {
            return -1;
        }
        String head = text.substring(0, colon).strip();
        return head.isEmpty() || plausibleName(head) ? colon : -1;
    }
}
