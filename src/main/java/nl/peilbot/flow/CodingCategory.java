package nl.peilbot.flow;

import java.util.List;

/**
 * A category that analysts code open answers into, with keywords that suggest it.
 *
 * @param keywords words or phrases; an answer containing one (ignoring case and accents) is suggested this category
 */
public record CodingCategory(String code, LocalizedText label, List<String> keywords) {

    public CodingCategory {
        keywords = keywords == null ? List.of() : List.copyOf(keywords);
    }
}
