package nl.peilbot.engine;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Recognises typed commands ("terug", "/back", "taal en") using the command words of the bundle. */
final class CommandRecognizer {

    /** A recognised command with what followed its word (only for commands that take one), or null. */
    record Recognized(CommandName name, String argument) {
    }

    private final Map<CommandName, List<String>> wordsByCommand = new EnumMap<>(CommandName.class);

    CommandRecognizer(EngineMessages messages) {
        for (CommandName name : CommandName.values()) {
            wordsByCommand.put(name, messages.words(key(name)).stream().map(TextMatcher::normalise)
                    .filter(w -> !w.isEmpty()).toList());
        }
    }

    static String key(CommandName name) {
        return "command." + name.name().toLowerCase(Locale.ROOT);
    }

    Optional<Recognized> recognize(String text) {
        String typed = text.strip();
        if (typed.startsWith("/")) {
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
        for (CommandName name : List.of(CommandName.LANGUAGE, CommandName.START)) {
            for (String word : wordsByCommand.get(name)) {
                if (normalised.startsWith(word + " ")) {
                    return Optional.of(new Recognized(name, normalised.substring(word.length() + 1).strip()));
                }
            }
        }
        return Optional.empty();
    }

    /** Telegram sends "/back@SomeBot" in groups. */
    private static String withoutBotName(String command) {
        int space = command.indexOf(' ');
        String word = space < 0 ? command : command.substring(0, space);
        int at = word.indexOf('@');
        return at < 0 ? command : word.substring(0, at) + (space < 0 ? "" : command.substring(space));
    }
}
