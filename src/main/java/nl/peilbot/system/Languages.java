package nl.peilbot.system;

import java.util.List;
import java.util.Locale;

/**
 * The one place that decides which of Peilbot's languages a page, a chat, a bot reply or an export speaks: Dutch
 * first, English second, Dutch for anything else. An explicit choice wins over a browser's or client's preference.
 */
public final class Languages {

    /** The languages Peilbot speaks, the default first. */
    public static final List<String> SUPPORTED = List.of("nl", "en");

    private Languages() {
    }

    /** {@code requested} when we speak it (any case, any region such as {@code en-GB}), else Dutch. */
    public static String supported(String requested) {
        String language = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return SUPPORTED.contains(language) ? language : SUPPORTED.get(0);
    }

    /** The first of our languages in an Accept-Language header; Dutch when it names neither or is malformed. */
    public static String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return SUPPORTED.get(0);
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (SUPPORTED.contains(language)) {
                    return language;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header counts as no preference
        }
        return SUPPORTED.get(0);
    }

    /** {@code requested} when given (see {@link #supported}), else the preference in {@code acceptLanguage}. */
    public static String chosen(String requested, String acceptLanguage) {
        return requested != null ? supported(requested) : preferred(acceptLanguage);
    }
}
