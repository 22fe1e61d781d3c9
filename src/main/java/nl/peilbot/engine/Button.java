package nl.peilbot.engine;

/**
 * A choice offered with a prompt.
 *
 * @param code   what to send back in {@link Inbound.Choice}; option codes, or engine codes starting with {@code #}
 * @param number the number a respondent may type instead, 0 when it has none
 */
public record Button(String code, String label, int number) {
}
