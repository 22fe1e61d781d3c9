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
    COMPLETED
}
