package nl.peilbot.flow;

import java.util.List;

/** Checks that a new flow version does not re-interpret answers stored under an older one. (Skeleton.) */
final class FlowCompatibility {

    private FlowCompatibility() {
    }

    static List<FlowProblem> check(Flow previous, Flow current) {
        return List.of();
    }
}
