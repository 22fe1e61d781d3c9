package nl.peilbot.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.text.NumberFormat;
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
 * Every pattern is parsed once, when the bundles are read; the instance is immutable and thread-safe.
 */
public final class BundleEngineMessages implements EngineMessages {

    public static final List<String> LANGUAGES = List.of("nl", "en");
    static final String COMMANDS = "engine/commands.properties";

    private final Map<String, Map<String, Text>> textsByLanguage = new LinkedHashMap<>();
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
        Properties defaults = load(bundleName(languages.get(0)));
        for (String language : languages) {
            Properties own = language.equals(languages.get(0)) ? defaults : load(bundleName(language));
            textsByLanguage.put(language, texts(own, defaults, Locale.forLanguageTag(language)));
        }
        this.words = load(COMMANDS);
        this.defaultLanguage = languages.get(0);
    }

    /** Each key of the language's bundle or the default one, falling back to the default pattern. */
    private static Map<String, Text> texts(Properties own, Properties defaults, Locale locale) {
        Map<String, Text> texts = new java.util.HashMap<>();
        for (String key : defaults.stringPropertyNames()) {
            texts.put(key, Text.of(own.getProperty(key, defaults.getProperty(key)), locale));
        }
        for (String key : own.stringPropertyNames()) {
            texts.putIfAbsent(key, Text.of(own.getProperty(key), locale));
        }
        return Map.copyOf(texts);
    }

    static String bundleName(String language) {
        return "engine/messages_" + language + ".properties";
    }

    @Override
    public String text(String key, String language, Object... arguments) {
        Map<String, Text> texts = textsByLanguage.getOrDefault(language, textsByLanguage.get(defaultLanguage));
        Text text = texts.get(key);
        if (text == null) {
            throw new IllegalArgumentException("no engine text '" + key + "'");
        }
        return text.format(arguments == null ? new Object[0] : arguments);
    }

    /**
     * One parsed pattern. {@link MessageFormat} and {@link NumberFormat} are not thread-safe, so each use formats
     * with a clone of the parsed prototype, which costs far less than parsing the pattern again. A pattern without
     * arguments or quotes is its own text.
     */
    private record Text(String literal, MessageFormat format, NumberFormat numbers, boolean asciiBelowThousand,
                        boolean[] plainNumberArgument, Template template) {

        static Text of(String pattern, Locale locale) {
            if (pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
                return new Text(pattern, null, null, false, null, null);
            }
            MessageFormat format = new MessageFormat(pattern, locale);
            boolean[] plain = new boolean[format.getFormatsByArgumentIndex().length];
            for (int i = 0; i < plain.length; i++) {
                plain[i] = pattern.contains("{" + i + "}") && !pattern.contains("{" + i + ",");
            }
            NumberFormat numbers = NumberFormat.getInstance(locale);
            // Then every whole number from 0 to 999 is formatted as its plain decimal digits (no sign, prefix,
            // suffix or grouping), as in progress lines ("vraag 5 van 14").
            boolean ascii = numbers.format(987).equals("987") && numbers.format(0).equals("0");
            return new Text(null, format, numbers, ascii, plain, Template.of(pattern));
        }

        /**
         * A number given for a plain {@code {n}} is formatted here as MessageFormat would (with the locale's
         * default number format), but from a clone instead of a new {@code NumberFormat.getInstance}, which
         * dominated the cost of a progress line.
         */
        String format(Object[] arguments) {
            if (literal != null) {
                return literal;
            }
            if (template != null && template.takes(arguments, asciiBelowThousand)) {
                return template.format(arguments);
            }
            Object[] given = arguments;
            for (int i = 0; i < given.length && i < plainNumberArgument.length; i++) {
                if (plainNumberArgument[i] && given[i] instanceof Number number) {
                    given = given == arguments ? arguments.clone() : given;
                    given[i] = asciiBelowThousand && isSmallWhole(number)
                            ? Long.toString(number.longValue())
                            : ((NumberFormat) numbers.clone()).format(number);
                }
            }
            return ((MessageFormat) format.clone()).format(given);
        }

        static boolean isSmallWhole(Number number) {
            return (number instanceof Integer || number instanceof Long || number instanceof Short)
                    && number.longValue() >= 0 && number.longValue() < 1000;
        }
    }

    /**
     * A pattern of literal text and plain {@code {n}} placeholders only (no quotes, no format types), filled in by
     * concatenation when every argument it shows is a text or a whole number MessageFormat would print as its
     * plain digits: the same text as {@link MessageFormat}, without cloning and running it on every prompt.
     */
    private record Template(String[] literals, int[] arguments) {

        /** The template of {@code pattern}, or null when it needs {@link MessageFormat}. */
        static Template of(String pattern) {
            if (pattern.indexOf('\'') >= 0) {
                return null;
            }
            List<String> literals = new ArrayList<>();
            List<Integer> arguments = new ArrayList<>();
            int from = 0;
            for (int open = pattern.indexOf('{'); open >= 0; open = pattern.indexOf('{', from)) {
                int close = pattern.indexOf('}', open);
                if (close < 0 || close == open + 1 || close > open + 3) {
                    return null;
                }
                for (int i = open + 1; i < close; i++) {
                    if (pattern.charAt(i) < '0' || pattern.charAt(i) > '9') {
                        return null;
                    }
                }
                literals.add(pattern.substring(from, open));
                arguments.add(Integer.parseInt(pattern.substring(open + 1, close)));
                from = close + 1;
            }
            if (pattern.indexOf('}', from) >= 0) {
                return null;
            }
            literals.add(pattern.substring(from));
            return new Template(literals.toArray(String[]::new), arguments.stream().mapToInt(Integer::intValue).toArray());
        }

        boolean takes(Object[] given, boolean asciiBelowThousand) {
            for (int index : arguments) {
                if (index >= given.length) {
                    return false;
                }
                Object argument = given[index];
                boolean plain = argument instanceof String
                        || (asciiBelowThousand && argument instanceof Number number && Text.isSmallWhole(number));
                if (!plain) {
                    return false;
                }
            }
            return true;
        }

        String format(Object[] given) {
            StringBuilder text = new StringBuilder(literals[0]);
            for (int i = 0; i < arguments.length; i++) {
                text.append(given[arguments[i]]).append(literals[i + 1]);
            }
            return text.toString();
        }
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
