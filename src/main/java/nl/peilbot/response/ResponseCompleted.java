package nl.peilbot.response;

/**
 * Published after a completed response was stored: when it was submitted, and after every later change to it.
 *
 * <p>It lives beside the documents rather than in the conversation module so that modules reading completed
 * responses (aggregation) can listen to it without depending on the conversation; other intake routes publish
 * the same event.
 */
public record ResponseCompleted(String responseId, String surveyId, String wave) {
}
