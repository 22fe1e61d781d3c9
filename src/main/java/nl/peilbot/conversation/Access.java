package nl.peilbot.conversation;

/**
 * How a respondent arrives: with an invitation (or resume) token, or through the open link of a survey.
 *
 * @param token    the secret from the link; null for a first visit through an open link
 * @param surveyId the survey of an open link; ignored when a token is given
 */
public record Access(String token, String surveyId) {
}
