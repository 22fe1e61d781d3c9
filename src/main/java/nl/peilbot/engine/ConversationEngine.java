package nl.peilbot.engine;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import nl.peilbot.flow.Flow;

/**
 * Walks a flow one inbound event at a time. Pure: the same flow, state, input and time give the same result.
 */
public final class ConversationEngine {

    private final EngineMessages messages;

    public ConversationEngine(EngineMessages messages) {
        this.messages = messages;
    }

    /**
     * A new conversation at the consent step.
     *
     * @param profile profile field values known from the invitation, by field id (option code for choice fields)
     */
    public ConversationState start(Flow flow, Map<String, String> profile, String language, Instant now) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Applies one inbound event. Input that cannot be used leaves the state as it was and re-asks with a hint. */
    public Turn handle(Flow flow, ConversationState state, Inbound input, Instant now) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The messages that show the current step again, for a resume or a conflicting second tab. */
    public List<Outbound> current(Flow flow, ConversationState state) {
        throw new UnsupportedOperationException("not yet");
    }

    /** The conversation so far (questions asked and answers given), to show earlier answers on resume. */
    public List<TranscriptEntry> transcript(Flow flow, ConversationState state) {
        throw new UnsupportedOperationException("not yet");
    }
}
