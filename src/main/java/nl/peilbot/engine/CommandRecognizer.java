package nl.peilbot.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises typed commands ("terug", "/back", "taal en") using the command words of the bundle. A typed text is a
 * command only when the whole of it is one: a command word, or the language word with a language after it. So
 * "Begin met een pilot" or "Language models" are answers. After a "/" (a Telegram command) the start and language
 * commands take any argument ("/start TOKEN", "/taal fr").
 */
final class CommandRecognizer {

    /** A recognised command with what followed its word (only for commands that take one), or null. */
    record Recognized(CommandName name, String argument) {
    }

    private final Map<CommandName, List<String>> wordsByCommand = new EnumMap<>(CommandName.class);
    private final EngineMessages messages;

    CommandRecognizer(EngineMessages messages) {
        this.messages = messages;
        for (CommandName name : CommandName.values()) {
            wordsByCommand.put(name, messages.words(key(name)).stream().map(TextMatcher::normalise)
                    .filter(w -> !w.isEmpty()).toList());
        }
    }

    static String key(CommandName name) {
        return "command." + name.name().toLowerCase(Locale.ROOT);
    }

    /** The command {@code text} is, for a flow in {@code languages}. */
    Optional<Recognized> recognize(String text, List<String> languages) {
        String typed = text.strip();
        boolean slashed = typed.startsWith("/");
        if (slashed) {
            typed = withoutBotName(typed.substring(1));
        }
        if (typed.equals("?")) {
            return Optional.of(new Recognized(CommandName.HELP, null));
        }
        String normalised = TextMatcher.normalise(typed);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        for (Map.Entry<CommandName, List<String>> entry : wordsByCommand.entrySet()) {
            if (entry.getValue().contains(normalised)) {
                return Optional.of(new Recognized(entry.getKey(), null));
            }
        }
        for (CommandName name : slashed ? List.of(CommandName.LANGUAGE, CommandName.START) : List.of(CommandName.LANGUAGE)) {
            for (String word : wordsByCommand.get(name)) {
                if (normalised.startsWith(word + " ")) {
                    String argument = normalised.substring(word.length() + 1).strip();
                    if (slashed || language(argument, languages).isPresent()) {
                        return Optional.of(new Recognized(name, argument));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** The language of {@code languages} that {@code argument} names: its code, a word for it or its name. */
    Optional<String> language(String argument, List<String> languages) {
        String typed = TextMatcher.normalise(argument);
        return languages.stream()
                .filter(language -> typed.equals(language)
                        || TextMatcher.isOneOf(typed, messages.words("language." + language))
                        || typed.equals(TextMatcher.normalise(messages.text("language.name", language))))
                .findFirst();
    }

    /** Telegram sends "/back@SomeBot" in groups. */
    private static String withoutBotName(String command) {
        int space = command.indexOf(' ');
        String word = space < 0 ? command : command.substring(0, space);
        int at = word.indexOf('@');
        return at < 0 ? command : word.substring(0, at) + (space < 0 ? "" : command.substring(space));
    }
}
