package nl.peilbot.flow;

/** A named free-text part of an open-list entry or of an open-parts question. */
public record Field(String id, LocalizedText label) {
}
