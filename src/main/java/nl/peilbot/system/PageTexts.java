package nl.peilbot.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PropertiesLoaderUtils;

/**
 * The message-bundle texts a page's script needs: every key under one prefix, in the language asked for, keyed
 * without the prefix. The keys are read once from the Dutch bundle, which a guard test keeps in step with English.
 */
public final class PageTexts {

    private final MessageSource messages;
    private final String prefix;
    private final List<String> keys;

    public PageTexts(MessageSource messages, String prefix) {
        this.messages = messages;
        this.prefix = prefix;
        this.keys = keysUnder(prefix);
    }

    /** Every text under the prefix in {@code language}, keyed without the prefix, sorted by key. */
    public Map<String, String> in(String language) {
        Map<String, String> texts = new LinkedHashMap<>();
        keys.forEach(key -> texts.put(key, text(key, language)));
        return texts;
    }

    /** One text under the prefix, e.g. {@code text("title", "en")}; the key itself when it is missing. */
    public String text(String key, String language) {
        return messages.getMessage(prefix + key, null, key, Locale.forLanguageTag(language));
    }

    private static List<String> keysUnder(String prefix) {
        try {
            return PropertiesLoaderUtils.loadProperties(new ClassPathResource("messages.properties")).stringPropertyNames()
                    .stream().filter(key -> key.startsWith(prefix)).map(key -> key.substring(prefix.length()))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
