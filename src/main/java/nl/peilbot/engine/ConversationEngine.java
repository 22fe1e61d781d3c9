package nl.peilbot.engine;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.peilbot.flow.Flow;
import nl.peilbot.flow.Question;
import nl.peilbot.flow.QuestionKind;

/**
 * Walks a flow one inbound event at a time. Pure: the same flow, state, input and time give the same result.
 */
public final class ConversationEngine {

    private final PromptRenderer prompts;
    private final CommandRecognizer recognizer;
    private final CommandHandler commands;
    private final ReplyHandler replies;
    private final Turns turns;
    private final TranscriptBuilder transcripts;
    private final OptionCandidates candidates = new OptionCandidates();

    public ConversationEngine(EngineMessages messages) {
        AnswerFormatter formatter = new AnswerFormatter(messages);
        SummaryRenderer summaries = new SummaryRenderer(messages, formatter);
        ReplyWords words = ReplyWords.from(messages);
        this.prompts = new PromptRenderer(messages, formatter, summaries);
        this.recognizer = new CommandRecognizer(messages);
        this.turns = new Turns(messages, prompts, words, candidates);
        this.commands = new CommandHandler(messages, turns, recognizer, summaries);
        this.replies = new ReplyHandler(prompts, turns, commands, words);
        this.transcripts = new TranscriptBuilder(formatter);
    }

    /**
     * A new conversation at the consent step.
     *
     * @param profile profile field values known from the invitation, by field id (option code for choice fields)
     */
    public ConversationState start(Flow flow, Map<String, String> profile, String language, Instant now) {
        Map<String, Answer> answers = new LinkedHashMap<>();
        Map<String, String> given = profile == null ? Map.of() : profile;
        for (Question field : flow.profile()) {
            String value = InboundText.clean(given.get(field.id()));
            if (value == null || value.isBlank()) {
                continue;
            }
            invitationAnswer(flow, field, value.strip(), now).ifPresent(answer -> answers.put(field.id(), answer));
        }
        String requested = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
        String chosen = flow.languages().contains(requested) ? requested : flow.defaultLanguage();
        return new ConversationState(flow.id(), flow.version(), chosen, Stage.CONSENT, null,
                StepNavigator.prune(flow, answers), Pending.NONE, now, false, null);
    }

    private Optional<Answer> invitationAnswer(Flow flow, Question field, String value, Instant now) {
        if (field.kind().isChoice()) {
            Optional<String> code = field.option(value).isPresent()
                    ? Optional.of(value)
                    : TextMatcher.matchOne(value, candidates.of(flow, field));
            return code.map(c -> new Answer(field.id(),
                    List.of(new ChosenOption(c, field.option(c).orElseThrow().label().in(flow.defaultLanguage()))),
                    null, null, List.of(), Map.of(), false, StepNavigator.INVITATION, now, 0));
        }
        if (field.kind() instanceof QuestionKind.OpenText) {
            return Optional.of(new Answer(field.id(), List.of(), null, value, List.of(), Map.of(), false,
                    StepNavigator.INVITATION, now, 0));
        }
        return Optional.empty();
    }

    /** Applies one inbound event. Input that cannot be used leaves the state as it was and re-asks with a hint. */
    public Turn handle(Flow flow, ConversationState state, Inbound input, Instant now) {
        if (state.stage() == Stage.WITHDRAWN) {
            return new Turn(state, prompts.current(flow, state), false);
        }
        if (input instanceof Inbound.Command command) {
            return completedAndNoRight(state, command.name())
                    ? new Turn(state, List.of(prompts.closing(flow, state)), false)
                    : commands.handle(flow, state, command.name(), command.argument(), now);
        }
        if (state.stage() == Stage.COMPLETED) {
            Optional<CommandRecognizer.Recognized> right = input instanceof Inbound.Text typed && typed.text() != null
                    ? recognizer.recognize(InboundText.clean(typed.text()), flow.languages())
                    .filter(c -> !completedAndNoRight(state, c.name()))
                    : Optional.empty();
            return right.map(c -> commands.handle(flow, state, c.name(), c.argument(), now))
                    .orElseGet(() -> new Turn(state, List.of(prompts.closing(flow, state)), false));
        }
        if (input instanceof Inbound.Choice choice) {
            if (choice.code() == null) {
                return turns.rejected(flow, state, "hint.not.offered");
            }
            return replies.choice(flow, state, choice.code(), now);
        }
        String text = input instanceof Inbound.Text typed && typed.text() != null ? InboundText.clean(typed.text()) : "";
        if (text.isBlank()) {
            return turns.rejected(flow, state, "hint.empty");
        }
        Optional<CommandRecognizer.Recognized> command = recognizer.recognize(text, flow.languages());
        if (command.isPresent()) {
            return commands.handle(flow, state, command.get().name(), command.get().argument(), now);
        }
        return replies.text(flow, state, text, now);
    }

    /** After submitting only the respondent's rights are commands: seeing and deleting the answers. */
    private static boolean completedAndNoRight(ConversationState state, CommandName name) {
        return state.stage() == Stage.COMPLETED && name != CommandName.MY_DATA && name != CommandName.DELETE;
    }

    /** The messages that show the current step again, for a resume or a conflicting second tab. */
    public List<Outbound> current(Flow flow, ConversationState state) {
        return prompts.current(flow, state);
    }

    /** The conversation so far (questions asked and answers given), to show earlier answers on resume. */
    public List<TranscriptEntry> transcript(Flow flow, ConversationState state) {
        return transcripts.transcript(flow, state);
    }
}
