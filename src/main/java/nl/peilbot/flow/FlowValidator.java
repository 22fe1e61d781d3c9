package nl.peilbot.flow;

import java.util.ArrayList;
import java.util.List;

/** Semantic checks of a parsed flow. (Skeleton: the full rules are yet to be written.) */
final class FlowValidator {

    private FlowValidator() {
    }

    static List<FlowProblem> validate(Flow flow) {
        return new ArrayList<>();
    }
}
