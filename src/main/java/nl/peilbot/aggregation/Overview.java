package nl.peilbot.aggregation;

import java.util.List;

/** What a wave's results hold: how many respondents and units of analysis, and which questions in which order. */
public record Overview(WaveId wave, int respondents, int units, List<QuestionSummary> questions) {

    public Overview {
        questions = List.copyOf(questions);
    }

    /**
     * One profile field or question of the wave's flow.
     *
     * @param number   its number among the questions ("vraag 5"), 0 for a profile field
     * @param kind     the flow's kind, e.g. {@code single-choice}
     * @param answered respondents who answered it
     * @param parts    the parts of an open-parts question, whose coded tables are per part
     */
    public record QuestionSummary(String id, int number, String kind, String text, int answered, List<String> parts) {
    }
}
