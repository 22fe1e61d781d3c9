package nl.peilbot.conversation;

import java.util.List;

import nl.peilbot.engine.Outbound;

/** What one inbound message led to. */
public record Reply(Outcome outcome, String language, List<Outbound> messages, boolean completed) {

    public enum Outcome {
        /** The input was used and stored. */
        APPLIED,
        /** The input could not be used; the question is asked again with a hint. Nothing was stored. */
        REJECTED,
        /** This client message id was already applied; the current step is shown again. */
        DUPLICATE,
        /** Another tab or device answered first; the current step is shown again. */
        CONFLICT
    }
}
