package nl.peilbot.flow;

import java.text.Normalizer;
import java.util.Locale;

/** Compares labels the way a respondent reads them, so rewording is told apart from retyping. */
final class Labels {

    private Labels() {
    }

    /** Case, accents, punctuation and spacing do not change what a label means. */
    static String normalized(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}%]+", " ").strip();
    }

    /** Whether both texts exist in {@code language} and say the same there. */
    static boolean same(LocalizedText a, LocalizedText b, String language) {
        return a != null && b != null && a.has(language) && b.has(language)
                && normalized(a.in(language)).equals(normalized(b.in(language)));
    }
}
