package nl.peilbot.response;

import org.springframework.modulith.NamedInterface;

/**
 * Published after a completed response was stored: when it was submitted, and after every later change to it.
 *
 * <p><b>At least once per committed version.</b> The event is published for every committed version of a response
 * whose status is completed at that version, after the {@code responses} document was written, also when the
 * process that committed the version died before publishing: the repair of the turn log publishes it then (on the
 * next read of the response, or periodically). It may therefore arrive more than once for one version, on any
 * instance, and late (after a newer version). Listeners must be idempotent per ({@code responseId},
 * {@code version}) and should ignore a version older than the one they already hold. When it is published, the
 * {@code responses} document holds this version or a newer one (a slower writer may set it back for a moment;
 * readers through {@link ResponseStore#find(String)} always get the newest, and the repair puts the document
 * forward again).
 *
 * <p>It lives beside the documents rather than in the conversation module so that modules reading completed
 * responses (aggregation) can listen to it without depending on the conversation; other intake routes publish
 * the same event.
 *
 * @param version the committed version of the response this event is about
 */
@NamedInterface("events")
public record ResponseCompleted(String responseId, String surveyId, String wave, long version) {
}
