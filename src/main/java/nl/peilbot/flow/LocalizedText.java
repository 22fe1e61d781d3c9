package nl.peilbot.flow;

import java.util.Map;

/**
 * A text in each of the flow's languages, keyed by language code ({@code nl}, {@code en}).
 */
public record LocalizedText(Map<String, String> byLanguage) {

    public LocalizedText {
        byLanguage = Map.copyOf(byLanguage);
    }

    /** The text in {@code language}, or in Dutch when that language is missing. */
    public String in(String language) {
        String text = byLanguage.get(language);
        return text != null ? text : byLanguage.getOrDefault(Flow.DEFAULT_LANGUAGE, "");
    }

    public boolean has(String language) {
        String text = byLanguage.get(language);
        return text != null && !text.isBlank();
    }
}
