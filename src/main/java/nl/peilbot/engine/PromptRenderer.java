package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.peilbot.flow.AnswerOption;
import nl.peilbot.flow.Field;
import nl.peilbot.flow.Flow;
import nl.peilbot.flow.LocalizedText;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * Renders the prompt of the current step: the question (or its next field, part or "namelijk?") with buttons and
 * progress, or the engine's own consent, summary, change and restart prompts.
 */
final class PromptRenderer {

    static final String CONSENT = "#consent";
    static final String DECLINED = "#declined";
    static final String SUMMARY = "#summary";
    static final String CHANGE = "#change";
    static final String RESTART = "#restart";
    static final String DELETE = "#delete";
    static final String YES = "#yes";
    static final String NO = "#no";
    static final String START = "#start";
    static final String SUBMIT = "#submit";
    static final String SKIP = "#skip";

    private final EngineMessages messages;
    private final AnswerFormatter formatter;
    private final SummaryRenderer summaries;

    PromptRenderer(EngineMessages messages, AnswerFormatter formatter, SummaryRenderer summaries) {
        this.messages = messages;
        this.formatter = formatter;
        this.summaries = summaries;
    }

    /** The messages that show the current step: with the intro at consent, the summary at the summary, the closing when completed. */
    List<Outbound> current(Flow flow, ConversationState state) {
        String language = state.language();
        List<Outbound> out = new ArrayList<>();
        switch (state.stage()) {
            case CONSENT -> out.add(new Outbound.Say(flow.intro().in(language)));
            case DECLINED -> out.add(new Outbound.Say(messages.text("declined.message", language)));
            case SUMMARY -> out.add(new Outbound.Say(summaries.summary(flow, state)));
            case COMPLETED -> {
                out.add(closing(flow, state));
                return out;
            }
            case WITHDRAWN -> {
                out.add(new Outbound.Say(messages.text("delete.done", language)));
                return out;
            }
            default -> {
            }
        }
        out.add(ask(flow, state));
        return out;
    }

    Outbound.Say closing(Flow flow, ConversationState state) {
        return new Outbound.Say(flow.closing().in(state.language()));
    }

    /** The prompt for the current step; null once completed. */
    Outbound.Ask ask(Flow flow, ConversationState state) {
        Outbound.Ask ask = prompt(flow, state);
        return ask == null ? null : new Outbound.Ask(ask.stepId(), ask.text(), ask.input(), ask.buttons(),
                ask.selected(), ask.progress(), Outbound.Ask.askIdOf(state), ask.details(), ask.scale(), ask.number());
    }

    private Outbound.Ask prompt(Flow flow, ConversationState state) {
        String language = state.language();
        return switch (state.stage()) {
            case CONSENT -> withDetails(engineAsk(CONSENT, flow.consent().in(language),
                    List.of(button(YES, "consent.yes", language), button(NO, "consent.no", language))),
                    details("details.privacy", flow.privacy(), language));
            case DECLINED -> engineAsk(DECLINED, messages.text("declined.ask", language),
                    List.of(button(START, "button.start", language)));
            case ASKING -> questionAsk(flow, state);
            case SUMMARY -> engineAsk(SUMMARY, messages.text("summary.ask", language),
                    List.of(button(SUBMIT, "button.submit", language), button(CHANGE, "button.change", language)));
            case CHOOSING_CHANGE -> engineAsk(CHANGE, messages.text("change.ask", language),
                    summaries.changeButtons(flow, state));
            case CONFIRMING_RESTART -> engineAsk(RESTART, messages.text("restart.ask", language),
                    List.of(button(YES, "button.yes", language), button(NO, "button.no", language)));
            case CONFIRMING_DELETE -> engineAsk(DELETE, messages.text("delete.ask", language),
                    List.of(button(YES, "button.delete.yes", language), button(NO, "button.no", language)));
            case COMPLETED, WITHDRAWN -> null;
        };
    }

    /** The progress shown with {@code stepId}: its place among the questions this respondent will be asked. */
    Progress progress(Flow flow, Map<String, Answer> answers, String stepId, String language) {
        StepNavigator.Position position = StepNavigator.position(flow, answers, stepId);
        return position == null ? null : new Progress(position.current(), position.total(),
                messages.text("progress", language, position.current(), position.total()));
    }

    private Outbound.Details details(String summaryKey, LocalizedText text, String language) {
        return text == null || !text.has(language) ? null : new Outbound.Details(messages.text(summaryKey, language), text.in(language));
    }

    private static Outbound.Ask withDetails(Outbound.Ask ask, Outbound.Details details) {
        return new Outbound.Ask(ask.stepId(), ask.text(), ask.input(), ask.buttons(), ask.selected(), ask.progress(),
                ask.askId(), details, ask.scale(), ask.number());
    }

    private Outbound.Ask engineAsk(String stepId, String text, List<Button> buttons) {
        return new Outbound.Ask(stepId, text, Outbound.InputKind.SINGLE_CHOICE, buttons, List.of(), null);
    }

    private Button button(String code, String labelKey, String language) {
        return new Button(code, messages.text(labelKey, language), 0);
    }

    private Outbound.Ask questionAsk(Flow flow, ConversationState state) {
        Question question = flow.step(state.currentStep()).orElseThrow();
        String language = state.language();
        Pending pending = state.pending();
        List<Button> buttons = new ArrayList<>();
        Outbound.InputKind input = Outbound.InputKind.TEXT;
        String text;
        if (pending.awaitingOther()) {
            String other = pending.selected().stream().map(question::option).flatMap(java.util.Optional::stream)
                    .filter(AnswerOption::other).map(o -> o.label().in(language)).findFirst().orElse("");
            text = messages.text("other.ask", language, other);
        } else {
            QuestionPrompt prompt = question.kind().match(new QuestionPrompts(question, state, buttons));
            text = prompt.text();
            input = prompt.input();
        }
        if (question.optional() && !pending.wouldLoseOnSkip(state.answers().get(question.id()))) {
            buttons.add(new Button(SKIP, messages.text("button.skip", language), 0));
        }
        List<String> selected = pending.awaitingOther() ? List.of() : pending.selected();
        boolean other = pending.awaitingOther();
        return new Outbound.Ask(question.id(), text, input, buttons, selected, progress(flow, state.answers(), question.id(), language),
                null, details("details.hint", question.hint(), language), other ? null : scale(question, language),
                other ? null : numberEntry(question, language));
    }

    private static Outbound.Scale scale(Question question, String language) {
        return question.kind() instanceof QuestionKind.Rating rating
                ? new Outbound.Scale(rating.minLabel().in(language), rating.maxLabel().in(language)) : null;
    }

    private static Outbound.NumberEntry numberEntry(Question question, String language) {
        return question.kind() instanceof QuestionKind.Numeric number
                ? new Outbound.NumberEntry(number.decimals(), number.unit() == null ? null : number.unit().in(language))
                : null;
    }

    private record QuestionPrompt(String text, Outbound.InputKind input) {
    }

    /** Each kind's prompt text and input; its buttons are added to {@code buttons}. */
    private final class QuestionPrompts implements QuestionKind.Cases<QuestionPrompt> {

        private final Question question;
        private final ConversationState state;
        private final String language;
        private final Pending pending;
        private final List<Button> buttons;

        QuestionPrompts(Question question, ConversationState state, List<Button> buttons) {
            this.question = question;
            this.state = state;
            this.language = state.language();
            this.pending = state.pending();
            this.buttons = buttons;
        }

        @Override
        public QuestionPrompt singleChoice(QuestionKind.SingleChoice kind) {
            optionButtons(question, language, buttons);
            return new QuestionPrompt(introduction(question, state), Outbound.InputKind.SINGLE_CHOICE);
        }

        @Override
        public QuestionPrompt multipleChoice(QuestionKind.MultipleChoice kind) {
            optionButtons(question, language, buttons);
            buttons.add(new Button(AnswerParser.DONE, messages.text("button.done", language), 0));
            return new QuestionPrompt(introduction(question, state) + "\n" + messages.text("multiple.instruction", language),
                    Outbound.InputKind.MULTIPLE_CHOICE);
        }

        @Override
        public QuestionPrompt openText(QuestionKind.OpenText kind) {
            return new QuestionPrompt(introduction(question, state), Outbound.InputKind.TEXT);
        }

        @Override
        public QuestionPrompt openList(QuestionKind.OpenList kind) {
            if (!pending.entries().isEmpty() && pending.entry().isEmpty()) {
                buttons.add(new Button(AnswerParser.DONE, messages.text("button.done", language), 0));
            }
            return new QuestionPrompt(listPrompt(question, state), Outbound.InputKind.TEXT);
        }

        @Override
        public QuestionPrompt openParts(QuestionKind.OpenParts kind) {
            java.util.Optional<Field> part = OpenPartsParser.nextPart(question.fields(), pending.parts());
            String prompt = part.map(p -> messages.text("parts.field", language, p.label().in(language))).orElse("");
            String text = pending.parts().isEmpty() ? (introduction(question, state) + "\n\n" + prompt).strip() : prompt;
            return new QuestionPrompt(text, Outbound.InputKind.TEXT);
        }

        @Override
        public QuestionPrompt rating(QuestionKind.Rating kind) {
            // the button's number stays 0: a typed "7" is the point 7, not the seventh button
            for (int point = kind.min(); point <= kind.max(); point++) {
                buttons.add(new Button(String.valueOf(point), String.valueOf(point), 0));
            }
            String scale = messages.text("rating.range", language, String.valueOf(kind.min()), kind.minLabel().in(language),
                    String.valueOf(kind.max()), kind.maxLabel().in(language));
            return new QuestionPrompt(introduction(question, state) + "\n" + scale, Outbound.InputKind.RATING);
        }

        @Override
        public QuestionPrompt number(QuestionKind.Numeric kind) {
            return new QuestionPrompt(introduction(question, state) + "\n" + numberInstruction(kind, language),
                    Outbound.InputKind.TEXT);
        }
    }

    private void optionButtons(Question question, String language, List<Button> buttons) {
        List<AnswerOption> options = question.options();
        for (int i = 0; i < options.size(); i++) {
            buttons.add(new Button(options.get(i).code(), options.get(i).label().in(language), i + 1));
        }
    }

    /** What to type: the bounds, whether decimals are fine, and the unit. */
    private String numberInstruction(QuestionKind.Numeric number, String language) {
        String range;
        if (number.min() != null && number.max() != null) {
            range = messages.text("number.between", language, NumberText.format(number.min(), language),
                    NumberText.format(number.max(), language));
        } else if (number.min() != null) {
            range = messages.text("number.atleast", language, NumberText.format(number.min(), language));
        } else if (number.max() != null) {
            range = messages.text("number.atmost", language, NumberText.format(number.max(), language));
        } else {
            range = messages.text("number.any", language);
        }
        if (number.decimals() > 0) {
            range += " " + messages.text("number.decimal", language, NumberText.format(new java.math.BigDecimal("2.5"), language));
        }
        if (number.unit() != null) {
            range += " " + messages.text("number.unit", language, number.unit().in(language));
        }
        return range;
    }

    /** Question text and the current answer when the question is asked again; the hint goes with the details. */
    private String introduction(Question question, ConversationState state) {
        String language = state.language();
        StringBuilder text = new StringBuilder(question.text().in(language));
        Answer answer = state.answers().get(question.id());
        if (answer != null) {
            text.append("\n").append(messages.text("current.value", language, formatter.format(question, answer, language)));
        }
        return text.toString();
    }

    private String listPrompt(Question question, ConversationState state) {
        String language = state.language();
        Pending pending = state.pending();
        List<Field> open = OpenListParser.openFields(question.fields(), pending.entry());
        if (question.fields().isEmpty()) {
            return introduction(question, state);
        }
        Field field = open.isEmpty() ? question.fields().get(0) : open.get(0);
        int entryNumber = pending.entries().size() + 1;
        String label = field.label().in(language);
        if (pending.entries().isEmpty() && pending.entry().isEmpty()) {
            String text = introduction(question, state) + "\n\n" + messages.text("list.field", language, entryNumber, label);
            if (question.fields().size() > 1) {
                text += "\n" + messages.text("list.colon", language, label, question.fields().get(1).label().in(language));
            }
            return text;
        }
        if (pending.entry().isEmpty()) {
            return messages.text("list.next", language, entryNumber, label);
        }
        return messages.text("list.field", language, entryNumber, label);
    }
}
