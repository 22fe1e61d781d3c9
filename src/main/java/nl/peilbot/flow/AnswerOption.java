package nl.peilbot.flow;

/**
 * One answer option: a stable {@code code} that stored answers keep, and a label that may be reworded.
 *
 * @param other     choosing it asks for a free text ("Anders, namelijk ...")
 * @param exclusive in a multiple choice it cannot be combined with other options ("Niet")
 */
public record AnswerOption(String code, LocalizedText label, boolean other, boolean exclusive) {
}
