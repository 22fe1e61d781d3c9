package nl.peilbot.conversation;

import java.util.List;

import nl.peilbot.engine.Outbound;
import nl.peilbot.engine.TranscriptEntry;

/**
 * An opened conversation.
 *
 * @param newToken   a token minted for an open-link visitor, which the client keeps to resume; null otherwise
 * @param transcript earlier questions and answers, for a resumed conversation
 * @param messages   what to show now: the current step
 */
public record Session(String responseId, String newToken, String language, List<TranscriptEntry> transcript,
                      List<Outbound> messages, boolean completed) {
}
