package nl.peilbot.conversation;

/** Published after a response was submitted and stored. */
public record ResponseCompleted(String responseId, String surveyId, String wave) {
}
