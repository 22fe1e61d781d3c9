package nl.peilbot.flow;

import java.util.List;
import java.util.stream.Collectors;

/** A flow file that cannot be used; the message names the file, the question and each problem. */
public class FlowException extends RuntimeException {

    private final List<FlowProblem> problems;

    public FlowException(List<FlowProblem> problems) {
        super(problems.stream().map(FlowProblem::toString).collect(Collectors.joining("\n", "Invalid flow:\n", "")));
        this.problems = List.copyOf(problems);
    }

    public FlowException(FlowProblem problem) {
        this(List.of(problem));
    }

    public List<FlowProblem> problems() {
        return problems;
    }
}
