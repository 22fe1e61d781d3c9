package nl.peilbot.channel.web;

import nl.peilbot.engine.Inbound;

/** One parsed frame from the browser. */
sealed interface ClientFrame {

    /** Opens the conversation: with a token, or for a first visit through the open link of a survey. */
    record Hello(String token, String survey) implements ClientFrame {
    }

    /**
     * A respondent's message with the client's unique id, which the conversation uses to apply it once, and the
     * step and ask id of the question it was composed for, so that it is never applied to another one.
     */
    record Message(String id, Inbound input, String step, String ask) implements ClientFrame {
    }
}
