package nl.peilbot.engine;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.peilbot.flow.Flow;

/** Handles what is not a command: a typed reply or a pressed button, according to the stage. */
final class ReplyHandler {

    private final PromptRenderer prompts;
    private final Turns turns;
    private final CommandHandler commands;
    private final ReplyWords words;

    ReplyHandler(PromptRenderer prompts, Turns turns, CommandHandler commands, ReplyWords words) {
        this.prompts = prompts;
        this.turns = turns;
        this.commands = commands;
        this.words = words;
    }

    Turn text(Flow flow, ConversationState state, String text, Instant now) {
        if (state.stage() == Stage.ASKING) {
            ParseContext context = turns.context(flow, state, now);
            return turns.apply(flow, state, context, AnswerParser.forKind(context.question().kind()).text(context, text));
        }
        Optional<String> code = TextMatcher.matchOne(text, engineCandidates(flow, state));
        return code.map(c -> engineChoice(flow, state, c, now)).orElseGet(() -> turns.rejected(flow, state, stageHint(state.stage())));
    }

    Turn choice(Flow flow, ConversationState state, String code, Instant now) {
        Outbound.Ask ask = prompts.ask(flow, state);
        if (ask == null || ask.buttons().stream().noneMatch(b -> b.code().equals(code))) {
            return turns.rejected(flow, state, "hint.not.offered");
        }
        if (state.stage() != Stage.ASKING) {
            return engineChoice(flow, state, code, now);
        }
        if (code.equals(PromptRenderer.SKIP)) {
            return commands.handle(flow, state, CommandName.SKIP, null, now);
        }
        ParseContext context = turns.context(flow, state, now);
        return turns.apply(flow, state, context, AnswerParser.forKind(context.question().kind()).choice(context, code));
    }

    /** A button of an engine prompt (consent, declined, summary, change, restart), known to be offered. */
    private Turn engineChoice(Flow flow, ConversationState state, String code, Instant now) {
        return switch (state.stage()) {
            case CONSENT -> code.equals(PromptRenderer.YES)
                    ? turns.advance(flow, state, state.answers(), now, List.of())
                    : turns.shown(flow, Turns.withStage(state, Stage.DECLINED, state.answers(), now), List.of());
            case DECLINED -> commands.handle(flow, state, CommandName.START, null, now);
            case SUMMARY -> code.equals(PromptRenderer.SUBMIT)
                    ? turns.shown(flow, Turns.withStage(state, Stage.COMPLETED, state.answers(), now), List.of())
                    : turns.shown(flow, Turns.withStage(state, Stage.CHOOSING_CHANGE, state.answers(), now), List.of());
            case CHOOSING_CHANGE -> turns.askingAt(flow, state, code, state.answers(), true, now, List.of());
            case CONFIRMING_RESTART -> code.equals(PromptRenderer.YES)
                    ? commands.restartConfirmed(flow, state, now)
                    : commands.resume(flow, state);
            case CONFIRMING_DELETE -> code.equals(PromptRenderer.YES)
                    ? commands.deleteConfirmed(flow, state, now)
                    : commands.resume(flow, state);
            default -> turns.rejected(flow, state, "hint.not.offered");
        };
    }

    /** The current engine prompt's buttons, named by their label in every language and by the bundle's reply words. */
    private List<Candidate> engineCandidates(Flow flow, ConversationState state) {
        Map<String, List<String>> names = new LinkedHashMap<>();
        Map<String, Integer> numbers = new LinkedHashMap<>();
        List<String> languages = new ArrayList<>(List.of(state.language()));
        flow.languages().stream().filter(l -> !languages.contains(l)).forEach(languages::add);
        for (String language : languages) {
            ConversationState inLanguage = new ConversationState(state.flowId(), state.flowVersion(), language, state.stage(),
                    state.currentStep(), state.answers(), state.pending(), state.askedAt(), state.returnToSummary(),
                    state.resumeStage());
            for (Button button : prompts.ask(flow, inLanguage).buttons()) {
                names.computeIfAbsent(button.code(), c -> new ArrayList<>(List.of(c.substring(c.startsWith("#") ? 1 : 0))))
                        .add(button.label());
                numbers.put(button.code(), button.number());
            }
        }
        names.forEach((code, list) -> list.addAll(wordsFor(code)));
        return names.entrySet().stream().map(e -> new Candidate(e.getKey(), numbers.get(e.getKey()), e.getValue())).toList();
    }

    private List<String> wordsFor(String code) {
        return switch (code) {
            case PromptRenderer.YES, PromptRenderer.START -> words.yes();
            case PromptRenderer.NO -> words.no();
            case PromptRenderer.SUBMIT -> words.submit();
            case PromptRenderer.CHANGE -> words.change();
            default -> List.of();
        };
    }

    private static String stageHint(Stage stage) {
        return switch (stage) {
            case CONSENT, CONFIRMING_RESTART, CONFIRMING_DELETE -> "hint.yes.no";
            case DECLINED -> "hint.declined";
            case SUMMARY -> "hint.summary";
            case CHOOSING_CHANGE -> "hint.change";
            default -> "hint.not.offered";
        };
    }
}
