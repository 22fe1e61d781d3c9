package nl.peilbot.aggregation;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** Normalised keys for free texts (hospital names, specialisms) and keyword matching for coding suggestions. */
final class Texts {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^a-z0-9]+");

    private Texts() {
    }

    /**
     * Lower case, accents removed, every run of other characters than letters and digits one space, trimmed:
     * "St. Antonius  Ziekenhuis" and "st antonius ziekenhuis" are one key. Keys never contain '.', '$' or '/',
     * so they can be MongoDB field names and parts of counter keys.
     */
    static String key(String text) {
        if (text == null) {
            return "";
        }
        String plain = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALPHANUMERIC.matcher(plain.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }

    /** Whether {@code keyword} occurs in {@code text} at the start of a word, ignoring case, accents and punctuation. */
    static boolean mentions(String text, String keyword) {
        String word = key(keyword);
        return !word.isEmpty() && (" " + key(text)).contains(" " + word);
    }
}
