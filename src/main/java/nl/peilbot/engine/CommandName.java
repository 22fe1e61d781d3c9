package nl.peilbot.engine;

/**
 * Commands understood at any point; their words in each language come from the engine's message bundles.
 * {@link #MY_DATA} and {@link #DELETE} are the respondent's rights (access and erasure) and work after submitting too.
 */
public enum CommandName {
    START, BACK, SKIP, HELP, RESTART, LANGUAGE, WHERE, MY_DATA, DELETE
}
