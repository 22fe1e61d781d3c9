package nl.peilbot.engine;

import java.util.List;

/** One message to the respondent. */
public sealed interface Outbound {

    /** A plain bot message: intro, hint, confirmation, summary, closing. */
    record Say(String text) implements Outbound {
    }

    /**
     * The question or choice the respondent is asked now; every turn ends with exactly one, except
     * after the conversation is completed.
     *
     * @param stepId    question id, or an engine step such as {@code #consent}, {@code #summary}
     * @param input     what the respondent is expected to give
     * @param selected  codes already selected (multiple choice pressed one by one)
     * @param progress  null outside the numbered questions
     */
    record Ask(String stepId, String text, InputKind input, List<Button> buttons, List<String> selected,
               Progress progress) implements Outbound {

        public Ask {
            buttons = List.copyOf(buttons);
            selected = List.copyOf(selected);
        }
    }

    /** What kind of reply a prompt expects, so a channel can show buttons, toggles or a text box. */
    enum InputKind {
        SINGLE_CHOICE, MULTIPLE_CHOICE, TEXT
    }
}
