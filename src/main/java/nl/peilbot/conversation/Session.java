package nl.peilbot.conversation;

import java.util.List;

import nl.peilbot.engine.Outbound;
import nl.peilbot.engine.TranscriptEntry;
import nl.peilbot.flow.LocalizedText;

/**
 * An opened conversation.
 *
 * @param newToken   a token minted for an open-link visitor, which the client keeps to resume; null otherwise
 * @param transcript earlier questions and answers, for a resumed conversation
 * @param messages   what to show now: the current step
 * @param surveyId   the survey the conversation belongs to; null when not known
 * @param title      the survey's title in each of its languages; null when not known
 */
public record Session(String responseId, String newToken, String language, List<TranscriptEntry> transcript,
                      List<Outbound> messages, boolean completed, String surveyId, LocalizedText title) {

    public Session(String responseId, String newToken, String language, List<TranscriptEntry> transcript,
                   List<Outbound> messages, boolean completed) {
        this(responseId, newToken, language, transcript, messages, completed, null, null);
    }
}
