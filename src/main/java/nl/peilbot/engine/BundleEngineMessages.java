package nl.peilbot.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * {@link EngineMessages} read from {@code engine/messages_<language>.properties} and {@code engine/commands.properties} on the class path.
 *
 * <p>Texts are {@link MessageFormat} patterns in UTF-8; a missing key falls back to the default (first) language.
 * Command and reply words are comma-separated lists in {@code commands.properties}, all languages together.
 */
public final class BundleEngineMessages implements EngineMessages {

    public static final List<String> LANGUAGES = List.of("nl", "en");
    static final String COMMANDS = "engine/commands.properties";

    private final Map<String, Properties> textsByLanguage = new LinkedHashMap<>();
    private final Properties words;
    private final String defaultLanguage;

    /** The Dutch and English bundles. */
    public BundleEngineMessages() {
        this(LANGUAGES);
    }

    /** The bundles of {@code languages}; the first is the default. */
    public BundleEngineMessages(List<String> languages) {
        if (languages.isEmpty()) {
            throw new IllegalArgumentException("at least one language is needed");
        }
        for (String language : languages) {
            textsByLanguage.put(language, load(bundleName(language)));
        }
        this.words = load(COMMANDS);
        this.defaultLanguage = languages.get(0);
    }

    static String bundleName(String language) {
        return "engine/messages_" + language + ".properties";
    }

    @Override
    public String text(String key, String language, Object... arguments) {
        String pattern = pattern(key, language);
        return new MessageFormat(pattern, Locale.forLanguageTag(textsByLanguage.containsKey(language) ? language : defaultLanguage))
                .format(arguments == null ? new Object[0] : arguments);
    }

    private String pattern(String key, String language) {
        Properties texts = textsByLanguage.get(language);
        String pattern = texts == null ? null : texts.getProperty(key);
        if (pattern == null) {
            pattern = textsByLanguage.get(defaultLanguage).getProperty(key);
        }
        if (pattern == null) {
            throw new IllegalArgumentException("no engine text '" + key + "'");
        }
        return pattern;
    }

    @Override
    public List<String> words(String key) {
        String value = words.getProperty(key);
        if (value == null) {
            return List.of();
        }
        List<String> result = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(w -> !w.isEmpty()).forEach(result::add);
        return List.copyOf(result);
    }

    static Properties load(String resource) {
        ClassLoader loader = BundleEngineMessages.class.getClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
