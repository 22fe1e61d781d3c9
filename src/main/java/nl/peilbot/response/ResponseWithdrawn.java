package nl.peilbot.response;

import org.springframework.modulith.NamedInterface;

/**
 * Published after a respondent withdrew: their response document is deleted and must leave every aggregate and
 * export. Published again for the same response when a withdrawal interrupted by a crash is completed at
 * start-up, so a listener must be idempotent.
 */
@NamedInterface("events")
public record ResponseWithdrawn(String responseId, String surveyId, String wave) {
}
