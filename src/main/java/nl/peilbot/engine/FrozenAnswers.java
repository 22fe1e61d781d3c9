package nl.peilbot.engine;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The answers of a {@link ConversationState}: an unmodifiable copy in insertion order, made once. Every turn builds
 * several states from the same answers; passing this map on to the next state keeps it instead of copying it again.
 */
final class FrozenAnswers extends AbstractMap<String, Answer> {

    private final Map<String, Answer> answers;

    private FrozenAnswers(Map<String, Answer> answers) {
        this.answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
    }

    static Map<String, Answer> of(Map<String, Answer> answers) {
        return answers instanceof FrozenAnswers frozen ? frozen : new FrozenAnswers(answers);
    }

    @Override
    public Set<Entry<String, Answer>> entrySet() {
        return answers.entrySet();
    }

    @Override
    public Answer get(Object key) {
        return answers.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        return answers.containsKey(key);
    }

    @Override
    public int size() {
        return answers.size();
    }

    @Override
    public void forEach(BiConsumer<? super String, ? super Answer> action) {
        answers.forEach(action);
    }
}
