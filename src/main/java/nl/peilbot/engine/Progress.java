package nl.peilbot.engine;

/** Position in the questionnaire, e.g. 5 of 14, with the text to show ("vraag 5 van 14"). */
public record Progress(int current, int total, String text) {
}
