package nl.peilbot.flow;

import java.util.Collection;
import java.util.List;

/**
 * Asks a question only when an earlier choice question was answered with at least one of {@code anyOf}.
 */
public record Condition(String questionId, List<String> anyOf) {

    public Condition {
        anyOf = List.copyOf(anyOf);
    }

    /** Whether the condition holds for the codes chosen at {@link #questionId()}; nothing chosen means it does not. */
    public boolean holdsFor(Collection<String> chosenCodes) {
        return chosenCodes != null && chosenCodes.stream().anyMatch(anyOf::contains);
    }
}
