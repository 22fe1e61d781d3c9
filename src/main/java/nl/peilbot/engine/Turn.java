package nl.peilbot.engine;

import java.util.List;

/**
 * The result of one inbound event.
 *
 * @param accepted false when the input could not be used: the state is unchanged and the messages re-ask with a hint
 */
public record Turn(ConversationState state, List<Outbound> messages, boolean accepted) {

    public Turn {
        messages = List.copyOf(messages);
    }
}
