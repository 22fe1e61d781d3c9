package nl.peilbot.engine;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * The {@link Candidate}s of each question's options, built once per flow version instead of on every reply. A flow
 * version is a content hash, so a cached list never goes stale; the lists are immutable and the map is concurrent.
 */
final class OptionCandidates {

    private record Key(String flowId, String flowVersion, String questionId) {
    }

    private final Map<Key, List<Candidate>> byQuestion = new ConcurrentHashMap<>();

    List<Candidate> of(Flow flow, Question question) {
        return byQuestion.computeIfAbsent(new Key(flow.id(), flow.version(), question.id()),
                key -> List.copyOf(Candidate.options(flow, question)));
    }
}
