package nl.peilbot.results;

import java.util.List;

/**
 * What the top of the results page tells a reader who is no analyst, in the page's language.
 *
 * @param wave       the wave shown
 * @param waves      every wave with results, for the picker
 * @param unknown    the wave asked for when it has no results (the page then shows the latest); null otherwise
 * @param unitsLabel the flow's name for several units of analysis ("ziekenhuizen"); null when it declares none
 * @param rate       what the response rate is measured against; null when the console does not run this wave
 * @param headlines  per numbered question its headline figure, in flow order
 * @param contents   every section the page draws (profile fields and questions), in flow order
 */
record ResultsSummary(WaveChoice wave, List<WaveChoice> waves, String unknown, int respondents, int units,
                      String unitsLabel, Rate rate, List<Headline> headlines, List<Section> contents) {

    ResultsSummary {
        waves = List.copyOf(waves);
        headlines = List.copyOf(headlines);
        contents = List.copyOf(contents);
    }

    /**
     * A wave as readers know it: the flow's title, with the wave's id when the title does not already say it.
     *
     * @param key what {@code ?wave=} takes: survey, a slash, wave
     */
    record WaveChoice(String survey, String wave, String key, String title) {

        WaveChoice(String survey, String wave, String title) {
            this(survey, wave, survey + "/" + wave, title);
        }
    }

    /**
     * @param target  the organisers' target; 0 when none is set
     * @param invited invitations issued and not revoked
     * @param percent respondents as a whole percent of the target, else of the invited; null with neither
     */
    record Rate(int target, int invited, Integer percent) {
    }

    /**
     * @param anchor the id of the question's section on the page ({@code q-<question id>})
     * @param number the question's number in the flow
     */
    record Headline(String anchor, int number, String question, String figure) {
    }

    /** @param number the question's number, 0 for a profile field */
    record Section(String anchor, int number, String title) {
    }
}
