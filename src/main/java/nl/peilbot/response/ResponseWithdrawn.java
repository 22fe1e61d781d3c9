package nl.peilbot.response;

/**
 * Published after a respondent deleted their response: modules that counted it (aggregation) take it out.
 */
public record ResponseWithdrawn(String responseId, String surveyId, String wave) {
}
