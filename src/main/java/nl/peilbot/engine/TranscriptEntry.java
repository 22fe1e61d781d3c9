package nl.peilbot.engine;

/** One line of the conversation so far, rebuilt from the answers to show on resume. */
public record TranscriptEntry(Speaker speaker, String text) {

    public enum Speaker {
        BOT, RESPONDENT
    }
}
