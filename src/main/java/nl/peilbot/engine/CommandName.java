package nl.peilbot.engine;

/** Commands understood at any point; their words in each language come from the engine's message bundles. */
public enum CommandName {
    START, BACK, SKIP, HELP, RESTART, LANGUAGE, WHERE
}
