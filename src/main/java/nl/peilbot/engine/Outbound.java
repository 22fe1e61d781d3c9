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
     * @param askId     this asking of the step: it changes each time the step is asked anew (moving on, back,
     *                  change), but not while the same asking gathers more (options pressed one by one), so a
     *                  client can name exactly which rendering it answers; null when not known
     */
    record Ask(String stepId, String text, InputKind input, List<Button> buttons, List<String> selected,
               Progress progress, String askId) implements Outbound {

        public Ask {
            buttons = List.copyOf(buttons);
            selected = List.copyOf(selected);
        }

        /** An ask without an ask id, for prompts that are not tied to a stored state. */
        public Ask(String stepId, String text, InputKind input, List<Button> buttons, List<String> selected,
                   Progress progress) {
            this(stepId, text, input, buttons, selected, progress, null);
        }

        /** The ask id of the prompt a state shows: when it was asked, to the millisecond that storage keeps. */
        public static String askIdOf(ConversationState state) {
            return state.askedAt() == null ? null : Long.toString(state.askedAt().toEpochMilli(), 36);
        }
    }

    /** What kind of reply a prompt expects, so a channel can show buttons, toggles or a text box. */
    enum InputKind {
        SINGLE_CHOICE, MULTIPLE_CHOICE, TEXT,
        /** One point of a scale: the buttons are the points, lowest first, to be shown side by side. */
        RATING
    }
}
