package nl.peilbot.engine;

/** An option as stored with an answer: its stable code and its label in the flow's default language. */
public record ChosenOption(String code, String label) {
}
