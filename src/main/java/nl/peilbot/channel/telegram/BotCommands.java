package nl.peilbot.channel.telegram;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

import nl.peilbot.engine.CommandName;

/** The commands registered with Telegram, by their Dutch and English names; {@code /start} opens the conversation. */
enum BotCommands {
    START("start", "start", CommandName.START),
    BACK("terug", "back", CommandName.BACK),
    SKIP("overslaan", "skip", CommandName.SKIP),
    HELP("help", "help", CommandName.HELP),
    LANGUAGE("taal", "language", CommandName.LANGUAGE),
    STATUS("status", "status", CommandName.WHERE),
    RESTART("opnieuw", "restart", CommandName.RESTART),
    MY_DATA("mijngegevens", "mydata", CommandName.MY_DATA),
    DELETE("verwijder", "delete", CommandName.DELETE);

    private final String dutch;
    private final String english;
    private final CommandName command;

    BotCommands(String dutch, String english, CommandName command) {
        this.dutch = dutch;
        this.english = english;
        this.command = command;
    }

    String name(String language) {
        return language.equals("en") ? english : dutch;
    }

    CommandName command() {
        return command;
    }

    /** The bundle key of the description shown in Telegram's command menu. */
    String descriptionKey() {
        return "telegram.command." + name().toLowerCase(Locale.ROOT);
    }

    /** The command a word names in either language ({@code /terug} and {@code /back} alike). */
    static Optional<BotCommands> named(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.dutch.equals(lower) || c.english.equals(lower)).findFirst();
    }
}
