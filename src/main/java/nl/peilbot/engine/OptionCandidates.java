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

    private final Map<String, Map<String, Map<String, List<Candidate>>>> byFlow = new ConcurrentHashMap<>();

    List<Candidate> of(Flow flow, Question question) {
        Map<String, List<Candidate>> byQuestion = byFlow.computeIfAbsent(flow.id(), id -> new ConcurrentHashMap<>())
                .computeIfAbsent(flow.version(), version -> new ConcurrentHashMap<>());
        List<Candidate> candidates = byQuestion.get(question.id());
        return candidates != null ? candidates : byQuestion.computeIfAbsent(question.id(),
                id -> List.copyOf(Candidate.options(flow, question)));
    }
}
