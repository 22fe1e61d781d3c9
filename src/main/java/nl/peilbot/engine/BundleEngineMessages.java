package nl.peilbot.engine;

import java.util.List;

/**
 * TEMPORARY stand-in so the store branch compiles; the engine branch brings the real implementation
 * (texts from engine/messages_*.properties). On merge, take the engine branch's version of this file.
 */
public final class BundleEngineMessages implements EngineMessages {

    public BundleEngineMessages() {
    }

    @Override
    public String text(String key, String language, Object... arguments) {
        return key;
    }

    @Override
    public List<String> words(String key) {
        return List.of();
    }
}
