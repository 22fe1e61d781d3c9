package nl.peilbot.engine;

import java.util.List;

/**
 * The engine's own texts and command words in each language, from {@code engine/messages_*.properties}.
 */
public interface EngineMessages {

    /** The text for {@code key} in {@code language} (Dutch when missing), with {@code {0}}-style arguments filled in. */
    String text(String key, String language, Object... arguments);

    /** All words, in every language, that mean {@code key} (e.g. {@code command.back} → terug, vorige, back). */
    List<String> words(String key);
}
