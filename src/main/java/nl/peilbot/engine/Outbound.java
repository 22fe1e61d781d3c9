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
     * @param details   more about the question that a channel may fold away (a question's hint, the full privacy
     *                  text beside the consent); null when there is none
     * @param scale     the named ends of a rating's scale; null for other inputs
     * @param number    how a number question's answer is typed; null for other inputs
     */
    record Ask(String stepId, String text, InputKind input, List<Button> buttons, List<String> selected,
               Progress progress, String askId, Details details, Scale scale, NumberEntry number) implements Outbound {

        public Ask {
            buttons = List.copyOf(buttons);
            selected = List.copyOf(selected);
        }

        public Ask(String stepId, String text, InputKind input, List<Button> buttons, List<String> selected,
                   Progress progress, String askId, Details details) {
            this(stepId, text, input, buttons, selected, progress, askId, details, null, null);
        }

        public Ask(String stepId, String text, InputKind input, List<Button> buttons, List<String> selected,
                   Progress progress, String askId) {
            this(stepId, text, input, buttons, selected, progress, askId, null);
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

    /** Text that belongs to a prompt but need not be read first: {@code summary} names it ("Meer over privacy"). */
    record Details(String summary, String text) {
    }

    /** The labels of a rating's lowest and highest point ("Nog op papier", "Volledig digitaal"). */
    record Scale(String low, String high) {
    }

    /**
     * A typed number: {@code decimals} after the separator at most (0: whole numbers), in {@code unit} (null when the
     * question names none). The range is said in the prompt's text.
     */
    record NumberEntry(int decimals, String unit) {
    }

    /** What kind of reply a prompt expects, so a channel can show buttons, toggles or a text box. */
    enum InputKind {
        SINGLE_CHOICE, MULTIPLE_CHOICE, TEXT,
        /** One point of a scale: the buttons are the points, lowest first, to be shown side by side. */
        RATING
    }
}
