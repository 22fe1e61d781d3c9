package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.List;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;

/**
 * Something a typed reply may name: an option or button, by its number or any of its names (code, labels, words).
 * The names are kept normalised ({@link TextMatcher#normalise}), without empty ones, so matching a reply against
 * them normalises only the reply.
 */
record Candidate(String code, int number, List<String> names) {

    Candidate {
        names = names.stream().map(TextMatcher::normalise).filter(n -> !n.isEmpty()).distinct().toList();
    }

    /** The question's options, numbered from 1, named by code and by label in every language of the flow. */
    static List<Candidate> options(Flow flow, Question question) {
        List<Candidate> candidates = new ArrayList<>();
        List<AnswerOption> options = question.options();
        for (int i = 0; i < options.size(); i++) {
            AnswerOption option = options.get(i);
            List<String> names = new ArrayList<>();
            names.add(option.code());
            flow.languages().forEach(language -> names.add(option.label().in(language)));
            candidates.add(new Candidate(option.code(), i + 1, names));
        }
        return candidates;
    }
}
