package nl.peilbot.response;

import org.springframework.modulith.NamedInterface;

/**
 * Published after every stored turn of a response (and when it starts): what live progress pages listen to.
 * It carries no answers, only which response moved.
 */
@NamedInterface("events")
public record ResponseProgressed(String responseId, String surveyId, String wave) {
}
