package nl.peilbot.flow;

import java.util.ArrayList;
import java.util.List;

/** Collects the problems of one flow file, so each rule only says which question and what is wrong. */
final class Problems {

    private final String file;
    private final List<FlowProblem> found = new ArrayList<>();

    Problems(String file) {
        this.file = file;
    }

    void add(String questionId, String problem) {
        found.add(new FlowProblem(file, questionId, problem));
    }

    List<FlowProblem> all() {
        return List.copyOf(found);
    }
}
