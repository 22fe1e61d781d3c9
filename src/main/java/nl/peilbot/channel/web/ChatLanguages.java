package nl.peilbot.channel.web;

import java.util.List;
import java.util.Locale;

/** The languages the chat speaks, Dutch first; a conversation's own language wins once it is open. */
final class ChatLanguages {

    static final List<String> LANGUAGES = List.of("nl", "en");

    private ChatLanguages() {
    }

    /** {@code requested} when we speak it, else Dutch. */
    static String supported(String requested) {
        String language = requested == null ? "" : requested.strip().toLowerCase(Locale.ROOT);
        return LANGUAGES.contains(language) ? language : LANGUAGES.get(0);
    }

    /** The first of our languages in an Accept-Language header; Dutch when it names neither or is malformed. */
    static String preferred(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return LANGUAGES.get(0);
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                String language = range.getRange().split("-")[0];
                if (LANGUAGES.contains(language)) {
                    return language;
                }
            }
        } catch (IllegalArgumentException e) {
            // a malformed header counts as no preference
        }
        return LANGUAGES.get(0);
    }
}
