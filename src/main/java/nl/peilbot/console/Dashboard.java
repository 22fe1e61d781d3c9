package nl.peilbot.console;

import java.time.Instant;
import java.util.List;

/**
 * A wave's progress as the console shows it: counts, response rate, drop-off funnel and timings, never answers.
 *
 * @param responseRate             completed divided by the target (by the number invited when no target is set); null
 *                                 when there is nothing to divide by
 * @param medianSecondsToComplete  from start to submit, over completed responses; null when none is completed
 * @param leftBeforeQuestions      unfinished responses that never reached the first question
 */
record Dashboard(String survey, String wave, String title, String state, int target, boolean openLink, Counts overall,
                 List<UnitCounts> units, Double responseRate, Double medianSecondsToComplete,
                 List<FunnelStep> funnel, int leftBeforeQuestions, List<Respondent> respondents, Instant generatedAt) {

    record Counts(int invited, int started, int completed) {
    }

    /** Counts per unit of analysis (the flow's {@code analysis.unit}, e.g. per hospital). */
    record UnitCounts(String unit, int invited, int started, int completed) {
    }

    /**
     * @param reached       responses that were asked this question (answered it, or are at it now)
     * @param left          unfinished responses whose last question seen is this one
     * @param medianSeconds median time taken to answer it in the chat; null when nobody did
     */
    record FunnelStep(String question, int number, String text, int reached, int left, Double medianSeconds) {
    }

    /**
     * @param ref        the response id: also the invitation's reference in the console
     * @param unit       the respondent's unit of analysis, {@code ?} when unknown
     * @param dimensions the labels of the respondent's dimension codes, e.g. "CIO, Academisch"; null when none
     */
    record Respondent(String ref, String name, String unit, String dimensions, String status, Instant lastAnswerAt,
                      int reminders) {
    }
}
