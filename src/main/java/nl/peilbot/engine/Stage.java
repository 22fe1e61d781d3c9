package nl.peilbot.engine;

/** Where a conversation stands. */
public enum Stage {
    /** Intro shown, waiting for consent. */
    CONSENT,
    /** Consent refused; "start" asks again. */
    DECLINED,
    /** Asking {@link ConversationState#currentStep()}. */
    ASKING,
    /** All applicable questions answered; showing the summary with submit / change one. */
    SUMMARY,
    /** From the summary: waiting for the number of the answer to change. */
    CHOOSING_CHANGE,
    /** "Restart" was asked for; waiting for yes / no. */
    CONFIRMING_RESTART,
    /** Submitted. */
    COMPLETED,
    /** "Delete my answers" was asked for; waiting for yes / no, then back to {@link ConversationState#resumeStage()}. */
    CONFIRMING_DELETE,
    /**
     * The respondent confirmed the deletion: no answers are left, and the caller erases the response. Never stored;
     * a conversation in this stage ends.
     */
    WITHDRAWN
}
