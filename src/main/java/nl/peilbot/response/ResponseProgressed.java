package nl.peilbot.response;

/**
 * Published after every stored turn of a response (and when it starts): what live progress pages listen to.
 * It carries no answers, only which response moved.
 */
public record ResponseProgressed(String responseId, String surveyId, String wave) {
}
