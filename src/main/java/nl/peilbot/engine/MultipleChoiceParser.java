package nl.peilbot.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import nl.peilbot.flow.AnswerOption;

/**
 * Several options: typed at once ("1, 3 en 4"), or toggled one button at a time and finished with {@code #done}.
 * An {@code exclusive} option stands alone; an {@code other} option asks for its text at the end.
 */
final class MultipleChoiceParser implements AnswerParser {

    @Override
    public ParsedAnswer text(ParseContext context, String text) {
        if (context.pending().awaitingOther()) {
            return OtherText.complete(context, text);
        }
        if (TextMatcher.isOneOf(text, context.words().done())) {
            return choice(context, DONE);
        }
        Optional<List<String>> codes = TextMatcher.matchList(text, context.options());
        if (codes.isEmpty()) {
            return OtherText.inline(context, text, head -> TextMatcher.matchList(head, context.options()))
                    .map(parsed -> parsed instanceof ParsedAnswer.Accepted accepted
                            ? exclusiveProblem(context, accepted.answer().codes()).orElse(parsed) : parsed)
                    .orElseGet(() -> new ParsedAnswer.Rejected("hint.choose.many"));
        }
        return exclusiveProblem(context, codes.get()).orElseGet(() -> finish(context, codes.get()));
    }

    private static Optional<ParsedAnswer> exclusiveProblem(ParseContext context, List<String> codes) {
        Optional<String> exclusive = codes.stream().filter(code -> isExclusive(context, code)).findFirst();
        if (exclusive.isPresent() && codes.size() > 1) {
            return Optional.of(new ParsedAnswer.Rejected("hint.exclusive", List.of(context.label(exclusive.get()))));
        }
        return Optional.empty();
    }

    @Override
    public ParsedAnswer choice(ParseContext context, String code) {
        List<String> selected = context.pending().selected();
        if (code.equals(DONE)) {
            return selected.isEmpty() ? new ParsedAnswer.Rejected("hint.nothing.selected") : finish(context, selected);
        }
        if (context.question().option(code).isEmpty()) {
            return new ParsedAnswer.Rejected("hint.not.offered");
        }
        List<String> toggled = new ArrayList<>(selected);
        if (!toggled.remove(code)) {
            // Choosing an exclusive option replaces the others, and any other option replaces an exclusive one.
            if (isExclusive(context, code)) {
                toggled.clear();
            } else {
                toggled.removeIf(c -> isExclusive(context, c));
            }
            toggled.add(code);
        }
        return new ParsedAnswer.Partial(new Pending(toggled, false, List.of(), Map.of(), Map.of()));
    }

    private static ParsedAnswer finish(ParseContext context, List<String> codes) {
        if (OtherText.includesOther(context, codes)) {
            return OtherText.awaiting(codes);
        }
        return new ParsedAnswer.Accepted(context.answer(codes, null, null, List.of(), Map.of()));
    }

    private static boolean isExclusive(ParseContext context, String code) {
        return context.question().option(code).map(AnswerOption::exclusive).orElse(false);
    }
}
